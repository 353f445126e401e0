import type { Field } from 'payload'
import { l } from '@/lib/i18n'

export const topicsField = (): Field => ({
  name: 'topics',
  type: 'relationship',
  relationTo: 'topics',
  hasMany: true,
  label: l('Chủ đề', 'Topics'),
  admin: { position: 'sidebar' },
})

export const tagsField = (): Field => ({
  name: 'tags',
  type: 'text',
  hasMany: true,
  label: l('Thẻ', 'Tags'),
  admin: { position: 'sidebar' },
})

export const campaignsField = (): Field => ({
  name: 'campaigns',
  type: 'relationship',
  relationTo: 'campaigns',
  hasMany: true,
  label: l('Chiến dịch', 'Campaigns'),
  admin: { position: 'sidebar' },
})
