import type { Field } from 'payload'
import { commentsPanelField } from '@/fields/commentsPanel'
import { ownerUnitField } from '@/fields/ownerUnit'
import { planTasksField } from '@/fields/planTasks'
import { slugField } from '@/fields/slug'
import { campaignsField, tagsField, topicsField } from '@/fields/taxonomy'
import { l, type Label } from '@/lib/i18n'
import { dateTimePicker } from '@/lib/time'
import { ReviewState, reviewStates } from '@/vocabulary'

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
  commentsPanelField(),
]

const reviewSystem = { readOnly: true, position: 'sidebar' as const }

/**
 * The unit's review (collections/content/hooks/reviewWorkflow.ts writes these; whatever a client
 * sends for them but the state it asks for and a reviewer's comment is replaced): the state, shown
 * as a list column and filter, the buttons of the edit view, and who asked and who decided.
 */
export const reviewFields = (): Field[] => [
  {
    name: 'reviewActions',
    type: 'ui',
    admin: {
      position: 'sidebar',
      components: { Field: '/admin/review/ReviewActions#ReviewActions' },
    },
  },
  {
    name: 'reviewState',
    type: 'select',
    index: true,
    defaultValue: ReviewState.Draft,
    options: reviewStates.options,
    label: l('Duyệt bài', 'Review'),
    admin: reviewSystem,
  },
  {
    name: 'reviewComment',
    type: 'textarea',
    maxLength: 2000,
    label: l('Ý kiến người duyệt', 'Reviewer’s comment'),
    admin: { ...reviewSystem, condition: (data) => !!data?.reviewComment },
  },
  {
    name: 'reviewRequestedBy',
    type: 'relationship',
    relationTo: 'users',
    label: l('Người gửi duyệt', 'Submitted by'),
    admin: { ...reviewSystem, condition: (data) => !!data?.reviewRequestedBy },
  },
  {
    name: 'reviewRequestedAt',
    type: 'date',
    label: l('Gửi duyệt lúc', 'Submitted at'),
    admin: {
      ...reviewSystem,
      date: dateTimePicker(),
      condition: (data) => !!data?.reviewRequestedAt,
    },
  },
  {
    name: 'reviewedBy',
    type: 'relationship',
    relationTo: 'users',
    label: l('Người duyệt', 'Reviewed by'),
    admin: { ...reviewSystem, condition: (data) => !!data?.reviewedBy },
  },
  {
    name: 'reviewedAt',
    type: 'date',
    label: l('Duyệt lúc', 'Reviewed at'),
    admin: { ...reviewSystem, date: dateTimePicker(), condition: (data) => !!data?.reviewedAt },
  },
]
