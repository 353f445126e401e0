import type { CollectionConfig } from 'payload'
import { crossUnit } from '@/access/crossUnit'
import { l } from '@/lib/i18n'

const readOnly = { readOnly: true }

/**
 * Each unit's year through each indicator (src/reporting/indicators/facts.ts), written with the unit's
 * form in one transaction and rebuilt when the catalogue changes: the indicator panel sums these
 * rows in one grouped query (Σ numerators, Σ denominators over `complete` rows), not unit by unit.
 * Nobody writes them by hand.
 */
export const IndicatorFacts: CollectionConfig<'indicator-facts'> = {
  slug: 'indicator-facts',
  labels: {
    singular: l('Số liệu chỉ tiêu (tính sẵn)', 'Indicator fact'),
    plural: l('Số liệu chỉ tiêu (tính sẵn)', 'Indicator facts'),
  },
  admin: { hidden: true },
  access: { read: crossUnit, create: () => false, update: () => false, delete: () => false },
  // Covering (no table row is read by the panel's GROUP BY); (unit, year) for a form's rewrite.
  indexes: [
    {
      fields: ['indicator', 'year', 'complete', 'unit', 'numerator', 'denominator', 'weight'],
    },
    { fields: ['unit', 'year'] },
  ],
  // Written in bulk by the system, read only by sums: no timestamps to write.
  timestamps: false,
  fields: [
    {
      name: 'indicator',
      type: 'text',
      required: true,
      label: l('Chỉ tiêu', 'Indicator'),
      admin: readOnly,
    },
    { name: 'unit', type: 'text', required: true, label: l('Đơn vị', 'Unit'), admin: readOnly },
    { name: 'year', type: 'number', required: true, label: l('Năm', 'Year'), admin: readOnly },
    { name: 'numerator', type: 'number', label: l('Tử số', 'Numerator'), admin: readOnly },
    { name: 'denominator', type: 'number', label: l('Mẫu số', 'Denominator'), admin: readOnly },
    { name: 'weight', type: 'number', label: l('Trọng số', 'Weight'), admin: readOnly },
    { name: 'complete', type: 'checkbox', label: l('Đủ số liệu', 'Complete'), admin: readOnly },
  ],
}
