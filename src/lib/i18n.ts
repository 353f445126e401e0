/** A label in Vietnamese (the default) and English, as Payload's admin expects. */
export const l = (vi: string, en: string) => ({ vi, en })

/** Select options with bilingual labels from `[value, vi, en]` rows. */
export const options = (rows: ReadonlyArray<readonly [string, string, string]>) =>
  rows.map(([value, vi, en]) => ({ value, label: l(vi, en) }))
