import type { CollectionConfig } from 'payload'
import { l } from '@/lib/i18n'

/** One row per rollup job: the worker holding it and until when, so two workers never rebuild at once. */
export const RollupLeases: CollectionConfig<'rollup-leases'> = {
  slug: 'rollup-leases',
  labels: {
    singular: l('Khoá tổng hợp', 'Rollup lease'),
    plural: l('Khoá tổng hợp', 'Rollup leases'),
  },
  admin: { hidden: true },
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true },
    { name: 'owner', type: 'text' },
    { name: 'until', type: 'date' },
    { name: 'lastRunAt', type: 'date' },
  ],
}
