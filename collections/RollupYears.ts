import type { CollectionConfig } from 'payload'
import { l } from '@/lib/i18n'

/**
 * One row per year: the time of the newest change folded into the year's cells (the newest
 * `rollup-dirty` mark the incremental run cleared). A snapshot records it as the time of the last
 * change it includes; the export page compares it (and the marks still pending) with the
 * snapshot's to say when the data is newer. System only.
 */
export const RollupYears: CollectionConfig<'rollup-years'> = {
  slug: 'rollup-years',
  labels: {
    singular: l('Năm tổng hợp', 'Rollup year'),
    plural: l('Năm tổng hợp', 'Rollup years'),
  },
  admin: { hidden: true },
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  fields: [
    { name: 'year', type: 'number', required: true, unique: true },
    { name: 'changedAt', type: 'date' },
  ],
}
