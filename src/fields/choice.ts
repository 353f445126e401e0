import type { Field } from 'payload'
import type { Label } from '@/lib/i18n'

type Vocabulary<V extends string> = { options: { value: V; label: Label }[] }

/** A select over one of the vocabulary's sets; required when it has a default. */
export const choiceField = <V extends string>(
  name: string,
  label: Label,
  values: Vocabulary<V>,
  defaultValue?: V,
  admin?: Record<string, unknown>,
): Field =>
  ({
    name,
    type: 'select',
    required: defaultValue !== undefined,
    defaultValue,
    label,
    options: values.options,
    ...(admin ? { admin } : {}),
  }) as Field
