/**
 * The public forms' input rules (check-in, surveys), in one place: a form accepts only its own
 * fields, each a choice among known values (or nothing, when optional); anything else, oversized or
 * carrying markup or script is refused with a Vietnamese message and nothing is saved.
 */
export type ChoiceField = {
  label: string
  /** The values offered; a value outside them is refused. */
  values: readonly string[]
  required?: boolean
  /** Several values allowed (a multiple-choice question). */
  multiple?: boolean
}
export type FormSpec = Record<string, ChoiceField>
export type FormValues = Record<string, string | string[] | null>

/** The commune answer of someone from elsewhere (outside the province, or who would rather not say). */
export const ELSEWHERE = 'khac'

/** The largest body a public form takes (bytes), and one value's length. */
export const FORM_BODY_LIMIT = 4 * 1024
const VALUE_MAX = 100
/** Markup, script URLs or event handlers: never a value of these forms. */
const SCRIPTED = /[<>]|javascript:|data:|on\w+\s*=/i

export function checkForm(
  body: unknown,
  spec: FormSpec,
): { values: FormValues; errors: [] } | { values: null; errors: string[] } {
  const errors: string[] = []
  const input = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
  const unknown = Object.keys(input).filter((k) => !Object.hasOwn(spec, k))
  if (unknown.length)
    errors.push(`Biểu mẫu có trường không được nhận: ${unknown.slice(0, 3).join(', ')}.`)
  const values: FormValues = {}
  for (const [name, field] of Object.entries(spec)) {
    const raw = input[name]
    const list = (Array.isArray(raw) ? raw : raw == null ? [] : [raw]).map((v) =>
      typeof v === 'string' ? v.trim() : '',
    )
    const given = list.filter((v) => v !== '')
    if (given.some((v) => v.length > VALUE_MAX)) {
      errors.push(`"${field.label}": giá trị quá dài.`)
      continue
    }
    if (given.some((v) => SCRIPTED.test(v))) {
      errors.push(`"${field.label}": không được chứa mã, thẻ HTML hay đường dẫn.`)
      continue
    }
    if (!field.multiple && given.length > 1) {
      errors.push(`"${field.label}": chỉ được chọn một.`)
      continue
    }
    if (given.some((v) => !field.values.includes(v))) {
      errors.push(`"${field.label}": lựa chọn không hợp lệ.`)
      continue
    }
    if (field.required && !given.length) {
      errors.push(`Vui lòng chọn "${field.label}".`)
      continue
    }
    values[name] = field.multiple ? [...new Set(given)] : (given[0] ?? null)
  }
  return errors.length ? { values: null, errors } : { values, errors: [] }
}
