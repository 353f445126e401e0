import type { CollectionConfig } from 'payload'
import { l } from '@/lib/i18n'
import { rollupSources } from '@/vocabulary'

/**
 * Months whose figures are stale: written by the source collections' hooks (the old and the new
 * month of a changed row), folded in and cleared by the next incremental run. System only.
 */
export const RollupDirty: CollectionConfig<'rollup-dirty'> = {
  slug: 'rollup-dirty',
  labels: {
    singular: l('Tháng cần tổng hợp lại', 'Dirty month'),
    plural: l('Tháng cần tổng hợp lại', 'Dirty months'),
  },
  admin: { hidden: true },
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  fields: [
    { name: 'year', type: 'number', required: true },
    { name: 'month', type: 'number', required: true },
    { name: 'source', type: 'select', required: true, options: rollupSources.options },
  ],
}
