'use client'

import React, { useState, type ReactNode } from 'react'

type ButtonStyle = 'primary' | 'secondary'

/**
 * A button opening a required reason, then a send button and "Thôi": returning a publication or a
 * unit report, asking for changes in a review, withdrawing content. `onSubmit` gets the reason
 * trimmed; an empty one is sent too, for the server to refuse in Vietnamese. The buttons are
 * disabled while `busy`; "Thôi" closes the prompt and keeps what was typed.
 */
export function ReasonPrompt({
  openLabel,
  openId,
  openStyle = 'secondary',
  openSize = 'small',
  fieldLabel,
  labelAsField = false,
  inputId,
  rows = 3,
  submitLabel,
  submitId,
  submitStyle = 'secondary',
  intro,
  busy,
  onSubmit,
}: {
  openLabel: string
  openId?: string
  openStyle?: ButtonStyle
  openSize?: 'small' | 'medium'
  fieldLabel: string
  /** The label as a `.cms-field` block around a `.cms-field__label` span (a gap under it). */
  labelAsField?: boolean
  inputId: string
  rows?: number
  submitLabel: string
  submitId?: string
  submitStyle?: ButtonStyle
  /** A sentence above the field; the open prompt is then a group labelled by it. */
  intro?: { id: string; content: ReactNode }
  busy: boolean
  onSubmit: (reason: string) => void
}) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  if (!open)
    return (
      <button
        type="button"
        id={openId}
        className={`btn btn--style-${openStyle} btn--size-${openSize} cms-btn`}
        disabled={busy}
        onClick={() => setOpen(true)}
      >
        {openLabel}
      </button>
    )
  const body = (
    <>
      {labelAsField ? (
        <label className="cms-field" htmlFor={inputId}>
          <span className="cms-field__label">{fieldLabel}</span>
        </label>
      ) : (
        <label className="cms-field__label" htmlFor={inputId}>
          {fieldLabel}
        </label>
      )}
      <textarea
        id={inputId}
        rows={rows}
        aria-required="true"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        style={{ width: '100%' }}
      />
      <button
        type="button"
        id={submitId}
        className={`btn btn--style-${submitStyle} btn--size-small cms-btn`}
        disabled={busy}
        onClick={() => onSubmit(reason.trim())}
      >
        {submitLabel}
      </button>{' '}
      <button
        type="button"
        className="btn btn--style-subtle btn--size-small cms-btn"
        disabled={busy}
        onClick={() => setOpen(false)}
      >
        Thôi
      </button>
    </>
  )
  return intro ? (
    <div role="group" aria-labelledby={intro.id}>
      <p id={intro.id}>{intro.content}</p>
      {body}
    </div>
  ) : (
    <div style={{ marginTop: 8 }}>{body}</div>
  )
}
