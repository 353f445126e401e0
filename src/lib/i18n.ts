import { l } from '@/vocabulary/define'

export { l }
export type { Label } from '@/vocabulary/define'

/** Select options with bilingual labels from `[value, vi, en]` rows (for options that belong to one field only). */
export const options = (rows: ReadonlyArray<readonly [string, string, string]>) =>
  rows.map(([value, vi, en]) => ({ value, label: l(vi, en) }))
