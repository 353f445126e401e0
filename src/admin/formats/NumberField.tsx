'use client'

import { FieldDescription, FieldError, FieldLabel, useField, useTranslation } from '@payloadcms/ui'
import { mergeFieldStyles } from '@payloadcms/ui/shared'
import { getTranslation } from '@payloadcms/translations'
import type { NumberFieldClientComponent } from 'payload'
import React, { useEffect, useRef, useState } from 'react'
import { formatForInput, NOT_A_NUMBER, parseVietnameseNumber } from './numbers'

/**
 * A number typed and shown the Vietnamese way (1.450.000.000, 4,5) in place of Payload's
 * `<input type="number">`, which shows 1450000000 and reads the decimal point by the browser's
 * language. The text stays as typed while the field has focus and is regrouped on leaving it.
 * Text that is not a number is refused on the spot and kept as text in the form, so saving fails
 * with the field's error instead of silently storing something else.
 */
export const NumberField: NumberFieldClientComponent = (props) => {
  const { field, path: pathFromProps, readOnly, validate } = props
  const { label, localized, required, admin } = field
  const { i18n } = useTranslation()
  const { disabled, path, setValue, showError, value } = useField<number | string | null>({
    potentiallyStalePath: pathFromProps,
    validate: (v, options) => {
      if (typeof v === 'string') return NOT_A_NUMBER
      return typeof validate === 'function'
        ? validate(
            v as number,
            {
              ...options,
              min: field.min,
              max: field.max,
              required,
            } as Parameters<typeof validate>[1],
          )
        : true
    },
  })
  const [text, setText] = useState(() =>
    typeof value === 'string' ? value : formatForInput(value),
  )
  const focused = useRef(false)
  // A value set from outside (reset, a hook's result after saving) shows when not being edited.
  useEffect(() => {
    if (!focused.current) setText(typeof value === 'string' ? value : formatForInput(value))
  }, [value])

  const id = `field-${path.replace(/\./g, '__')}`
  const placeholder = admin?.placeholder
    ? String(getTranslation(admin.placeholder as Record<string, string> | string, i18n))
    : undefined
  return (
    <div
      className={[
        'field-type',
        'number',
        'cms-number',
        admin?.className,
        showError && 'error',
        (readOnly || disabled) && 'read-only',
      ]
        .filter(Boolean)
        .join(' ')}
      style={mergeFieldStyles(field)}
    >
      <FieldLabel label={label} localized={localized} path={path} required={required} />
      <div className="field-type__wrap">
        <FieldError path={path} showError={showError} />
        <input
          id={id}
          name={path}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          disabled={readOnly || disabled}
          placeholder={placeholder}
          value={text}
          onFocus={() => {
            focused.current = true
          }}
          onChange={(e) => {
            setText(e.target.value)
            const n = parseVietnameseNumber(e.target.value)
            setValue(Number.isNaN(n) ? e.target.value : n)
          }}
          onBlur={() => {
            focused.current = false
            const n = parseVietnameseNumber(text)
            if (n !== null && !Number.isNaN(n)) setText(formatForInput(n))
          }}
        />
        <FieldDescription description={admin?.description} path={path} />
      </div>
    </div>
  )
}
