import type { Field } from 'payload'
import { ownerUnitField } from '@/fields/ownerUnit'
import { planTasksField } from '@/fields/planTasks'
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

/**
 * Fields the public page reads, kept by hooks/keepPublicFields.ts: the item's folded text for
 * search, and the time from which the dedicated page's schedule lets it show (src/content/visibility.ts).
 */
export const publicPageFields = (): Field[] => [
  {
    name: 'featured',
    type: 'checkbox',
    defaultValue: false,
    index: true,
    label: l('Nổi bật trên chuyên trang', 'Featured on the public page'),
    admin: { position: 'sidebar' },
  },
  {
    name: 'webVisibleFrom',
    type: 'date',
    index: true,
    label: l('Hiện trên chuyên trang từ', 'Visible on the public page from'),
    admin: {
      position: 'sidebar',
      readOnly: true,
      date: dateTimePicker(),
      description: l(
        'Theo lịch đăng lên chuyên trang; để trống là hiện ngay khi xuất bản.',
        'From the web-page schedule; empty means as soon as published.',
      ),
    },
  },
  {
    name: 'searchText',
    type: 'text',
    label: l('tiêu đề, nội dung', 'title, text'),
    admin: { hidden: true },
  },
]

/** Sidebar fields every unit-owned content item has: slug, owner unit, topics, campaigns, tags, publish time. */
export const contentSidebar = (ownerLabel?: Label): Field[] => [
  slugField(),
  ownerUnitField(ownerLabel),
  topicsField(),
  campaignsField(),
  planTasksField(),
  tagsField(),
  publishedAtField(),
  ...publicPageFields(),
]
