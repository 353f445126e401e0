import type { Field } from 'payload'
import { l } from '@/lib/i18n'
import { ownerUnitField } from './ownerUnit'
import { slugField } from './slug'
import { campaignsField, tagsField, topicsField } from './taxonomy'

export const titleField = (maxLength = 250): Field => ({
  name: 'title',
  type: 'text',
  required: true,
  maxLength,
  label: l('Tiêu đề', 'Title'),
})

export const publishedAtField = (): Field => ({
  name: 'publishedAt',
  type: 'date',
  index: true,
  label: l('Thời điểm xuất bản', 'Published at'),
  admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' } },
})

/** Sidebar fields every unit-owned content item has: slug, owner unit, topics, campaigns, tags, publish time. */
export const contentSidebar = (ownerLabel?: ReturnType<typeof l>): Field[] => [
  slugField(),
  ownerUnitField(ownerLabel),
  topicsField(),
  campaignsField(),
  tagsField(),
  publishedAtField(),
]
