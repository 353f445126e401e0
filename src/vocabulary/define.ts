/** A label in Vietnamese (the default) and English, as Payload's admin expects. */
export type Label = { vi: string; en: string }

/**
 * One closed set of values and their labels, defined once: the select options, a label lookup and
 * a type guard all come from the same record, so nothing above re-lists the values.
 */
export function vocabulary<const V extends string>(labels: Record<V, Label>) {
  const values = Object.keys(labels) as V[]
  return {
    values,
    labels,
    options: values.map((value) => ({ value, label: labels[value] })),
    /** The label in `lang` (Vietnamese by default); an unknown value is shown as it is. */
    label: (value: unknown, lang: keyof Label = 'vi'): string =>
      (labels as Record<string, Label>)[String(value)]?.[lang] ?? String(value ?? ''),
    includes: (value: unknown): value is V =>
      typeof value === 'string' && Object.hasOwn(labels, value),
  }
}

export const l = (vi: string, en: string): Label => ({ vi, en })
