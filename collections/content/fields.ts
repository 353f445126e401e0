import type { Field } from 'payload'
import { ownerUnitField } from '@/fields/ownerUnit'
import { slugField } from '@/fields/slug'
import { campaignsField, tagsField, topicsField } from '@/fields/taxonomy'
import { l, type Label } from '@/lib/i18n'
import { dateTimePicker } from '@/lib/time'

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
  admin: { position: 'sidebar', date: dateTimePicker() },
})

/** Sidebar fields every unit-owned content item has: slug, owner unit, topics, campaigns, tags, publish time. */
export const contentSidebar = (ownerLabel?: Label): Field[] => [
  slugField(),
  ownerUnitField(ownerLabel),
  topicsField(),
  campaignsField(),
  tagsField(),
  publishedAtField(),
]
