import type { Field, Validate } from 'payload'
import type { Label } from '@/lib/i18n'

/** A whole number of people, items or seconds: never negative, never a fraction. */
export const nonNegativeWhole: Validate<number | null | undefined> = (value) =>
  value == null || (Number.isInteger(value) && value >= 0)
    ? true
    : 'Giá trị phải là số nguyên không âm (0, 1, 2, …).'

export const countField = (
  name: string,
  label: Label,
  extra: { required?: boolean; admin?: { description?: Label } } = {},
): Field => ({
  name,
  type: 'number',
  min: 0,
  label,
  validate: nonNegativeWhole,
  ...extra,
})
