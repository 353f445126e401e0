import crypto from 'node:crypto'
import type { CollectionConfig, Condition, FieldAccess } from 'payload'
import { hasRole, isCrossUnit } from '@/access/roles'
import { attemptsField } from '@/fields/attempts'
import { commentsPanelField } from '@/fields/commentsPanel'
import { l } from '@/lib/i18n'
import { DATE_TIME_SECONDS_FORMAT, dateTimePicker, vietnamTimezone } from '@/lib/time'
import {
  AiringStatus,
  airingStatuses,
  CONTENT_KINDS,
  contentKinds,
  isBroadcastKind,
  PublicationStatus,
  publicationStatuses,
  Role,
} from '@/vocabulary'
import { publicationAccess } from './access'
import { confirmAiring } from './endpoints/confirmAiring'
import { approvalDecision } from './hooks/approvalDecision'
import { checkSchedule } from './hooks/checkSchedule'
import { keepContentRef } from './hooks/keepContentRef'
import { notifyApprovers } from './hooks/notifyApprovers'
import { keepWebVisibility, keepWebVisibilityOnDelete } from './hooks/keepWebVisibility'
import { refuseDeleteWithObservations } from './hooks/refuseDeleteWithObservations'

// Unit managers reach only what waits for their decision (reviewBelow), and checkSchedule lets them
// change nothing but the decision.
const managersOnly: FieldAccess = ({ req }) =>
  isCrossUnit(req.user) || hasRole(req.user, Role.UnitManager)
const systemOnly: FieldAccess = () => false
const readOnlySidebar = { readOnly: true, position: 'sidebar' as const }
/** Technical details (idempotency keys, worker ids) are shown to admins only. */
const forAdmins: Condition = (_data, _sibling, { user }) => hasRole(user, Role.Admin)

/** One content item × one channel × one time, and everything that happened to it. */
export const Publications: CollectionConfig<'publications'> = {
  slug: 'publications',
  labels: { singular: l('Lịch đăng', 'Publication'), plural: l('Lịch đăng', 'Publications') },
  admin: {
    useAsTitle: 'contentTitle',
    defaultColumns: ['contentTitle', 'channel', 'scheduledAt', 'status', 'campaign'],
    group: l('Kế hoạch', 'Planning'),
    listSearchableFields: ['contentTitle', 'channelName'],
    // Sở TT&TT approves or returns the selected publications at once (src/admin/publications/).
    components: { beforeListTable: ['/admin/publications/BulkApproval#BulkApproval'] },
  },
  access: publicationAccess,
  hooks: {
    beforeChange: [checkSchedule, approvalDecision, keepContentRef],
    // The content's `webVisibleFrom` (src/content/visibility.ts) follows its web-page publications.
    afterChange: [keepWebVisibility, notifyApprovers],
    beforeDelete: [refuseDeleteWithObservations],
    afterDelete: [keepWebVisibilityOnDelete],
  },
  // The dispatcher's reads (src/dispatch/claim.ts): each kind of due publication is one range of
  // one of these, read in order, so a claim round costs the same with 20 or 20,000 due. They also
  // serve every query on status, nextAttemptAt or leaseUntil (always with a status), so those fields
  // have no index of their own: each claim and each recorded send rewrites fewer indexes.
  indexes: [
    { fields: ['status', 'nextAttemptAt', 'createdAt'] },
    { fields: ['status', 'leaseUntil'] },
  ],
  endpoints: [confirmAiring],
  // The rollup's scans (src/reporting/sources/publications.ts) read four indexes that the migration
  // 20261126_*_publication_content_ref creates by hand, because they hold the local month as an
  // expression, which a Payload index cannot name: (status | airing status, month of publishedAt |
  // scheduledAt, then the cell's dimensions), rows come out already grouped.
  fields: [
    // Copies of the content's title and the channel's name, kept by checkSchedule: the admin list and
    // search show them, and a publication still says what it was after its content is deleted.
    {
      name: 'contentTitle',
      type: 'text',
      label: l('Tiêu đề nội dung', 'Content title'),
      admin: { readOnly: true, hidden: true },
    },
    {
      name: 'channelName',
      type: 'text',
      label: l('Tên kênh', 'Channel name'),
      admin: { readOnly: true, hidden: true },
    },
    {
      name: 'content',
      type: 'relationship',
      relationTo: [...CONTENT_KINDS],
      required: true,
      label: l('Nội dung', 'Content'),
    },
    {
      name: 'channel',
      type: 'relationship',
      relationTo: 'channels',
      required: true,
      index: true,
      label: l('Kênh', 'Channel'),
    },
    {
      name: 'campaign',
      type: 'relationship',
      relationTo: 'campaigns',
      index: true,
      label: l('Chiến dịch', 'Campaign'),
    },
    {
      type: 'row',
      fields: [
        {
          name: 'scheduledAt',
          type: 'date',
          required: true,
          index: true,
          timezone: vietnamTimezone,
          label: l('Thời điểm đăng', 'Scheduled at'),
          admin: { date: dateTimePicker() },
        },
        {
          name: 'publishNow',
          type: 'checkbox',
          virtual: true,
          label: l('Đăng ngay', 'Publish now'),
        },
      ],
    },
    {
      // The editor's confirmation, asked by checkSchedule when a web-page time ahead would hide an
      // item the public already sees: not stored, it only answers that one save.
      name: 'hideLiveUntilScheduled',
      type: 'checkbox',
      virtual: true,
      label: l(
        'Ẩn nội dung đang hiện trên chuyên trang cho đến giờ đăng',
        'Hide the live item from the public page until this time',
      ),
      admin: {
        description: l(
          'Chỉ chọn khi nội dung đã hiện trên chuyên trang và bạn muốn tạm ẩn nó đến giờ đăng (ví dụ: lỡ đăng trước giờ).',
          'Only when the item is already live on the public page and you mean to hide it until this time (e.g. it went out too early).',
        ),
      },
    },
    {
      name: 'message',
      type: 'textarea',
      maxLength: 63206,
      label: l('Lời dẫn cho kênh', 'Message for the channel'),
    },
    { name: 'hashtags', type: 'text', hasMany: true, label: l('Hashtag', 'Hashtags') },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: PublicationStatus.Scheduled,
      options: publicationStatuses.options,
      label: l('Trạng thái', 'Status'),
      admin: { position: 'sidebar' },
    },
    {
      name: 'approvalActions',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/admin/publications/ApprovalActions#ApprovalActions' },
      },
    },
    {
      name: 'withdrawAction',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/admin/withdrawals/WithdrawButton#WithdrawButton' },
      },
    },
    {
      name: 'ownerUnit',
      type: 'relationship',
      relationTo: 'units',
      index: true,
      label: l('Đơn vị của nội dung', 'Content unit'),
      admin: readOnlySidebar,
      access: { create: systemOnly, update: systemOnly },
    },
    {
      name: 'approval',
      type: 'group',
      label: l('Phê duyệt', 'Approval'),
      admin: { position: 'sidebar' },
      fields: [
        {
          name: 'required',
          type: 'checkbox',
          label: l('Cần duyệt', 'Required'),
          admin: { readOnly: true },
        },
        {
          name: 'requestedBy',
          type: 'relationship',
          relationTo: 'users',
          label: l('Người đề nghị', 'Requested by'),
          admin: { readOnly: true },
        },
        {
          name: 'approvedBy',
          type: 'relationship',
          relationTo: 'users',
          label: l('Người duyệt', 'Approved by'),
          admin: { readOnly: true },
          access: { update: managersOnly },
        },
        {
          name: 'approvedAt',
          type: 'date',
          label: l('Thời điểm duyệt', 'Approved at'),
          admin: { readOnly: true },
          access: { update: managersOnly },
        },
        {
          name: 'contentFingerprint',
          type: 'text',
          admin: { hidden: true },
          access: { update: managersOnly },
        },
        {
          name: 'returnReason',
          type: 'textarea',
          label: l('Lý do trả lại', 'Reason for return'),
          admin: { readOnly: true, condition: (_, sibling) => Boolean(sibling?.returnReason) },
          access: { update: managersOnly },
        },
      ],
    },
    {
      name: 'idempotencyKey',
      type: 'text',
      unique: true,
      defaultValue: () => crypto.randomUUID(),
      label: l('Khoá chống gửi trùng', 'Idempotency key'),
      admin: { ...readOnlySidebar, condition: forAdmins },
      access: { update: systemOnly },
    },
    {
      name: 'remoteId',
      type: 'text',
      label: l('Mã trên kênh', 'Remote id'),
      admin: readOnlySidebar,
    },
    {
      name: 'remoteUrl',
      type: 'text',
      label: l('Liên kết trên kênh', 'Remote URL'),
      admin: readOnlySidebar,
    },
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      label: l('Đã đăng lúc', 'Published at'),
      admin: { ...readOnlySidebar, date: dateTimePicker(DATE_TIME_SECONDS_FORMAT) },
    },
    // Set when the publication is withdrawn ("gỡ bài", collections/Withdrawals): feeds drop it, and
    // its removal from the channel is a job of its own (collections/Removals).
    {
      name: 'withdrawnAt',
      type: 'date',
      label: l('Đã gỡ lúc', 'Withdrawn at'),
      admin: {
        ...readOnlySidebar,
        date: dateTimePicker(DATE_TIME_SECONDS_FORMAT),
        condition: (data) => Boolean(data?.withdrawnAt),
      },
      access: { create: systemOnly, update: systemOnly },
    },
    // Dispatcher state: written only by the worker (through overrideAccess), never by people.
    {
      name: 'nextAttemptAt',
      type: 'date',
      admin: { hidden: true },
      access: { create: systemOnly, update: systemOnly },
    },
    {
      name: 'attemptCount',
      type: 'number',
      defaultValue: 0,
      admin: { hidden: true },
      access: { create: systemOnly, update: systemOnly },
    },
    {
      name: 'leaseOwner',
      type: 'text',
      index: true,
      admin: { hidden: true },
      access: { create: systemOnly, update: systemOnly },
    },
    // The worker holding the lease, so the claims of a worker known dead are taken over at once (src/dispatch/heartbeat.ts).
    {
      name: 'leaseWorker',
      type: 'text',
      index: true,
      admin: { hidden: true },
      access: { create: systemOnly, update: systemOnly },
    },
    {
      name: 'leaseUntil',
      type: 'date',
      admin: { hidden: true },
      access: { create: systemOnly, update: systemOnly },
    },
    // A send may have reached the platform without our knowing (a crash, a time-out, a dropped
    // connection): the next try first looks the post up (src/dispatch/dispatchOne.ts).
    {
      name: 'outcomeUnknown',
      type: 'checkbox',
      admin: { hidden: true },
      access: { create: systemOnly, update: systemOnly },
    },
    attemptsField(l('Các lần gửi', 'Attempts')),
    {
      name: 'airing',
      type: 'group',
      label: l('Xác nhận phát sóng', 'Airing confirmation'),
      admin: { condition: (data) => isBroadcastKind(data?.channelKind) },
      fields: [
        {
          name: 'status',
          type: 'select',
          defaultValue: AiringStatus.Pending,
          label: l('Tình trạng', 'Status'),
          options: airingStatuses.options,
        },
        {
          name: 'actualDurationSeconds',
          type: 'number',
          min: 0,
          label: l('Thời lượng thực tế (giây)', 'Actual duration (s)'),
        },
        { name: 'note', type: 'text', label: l('Ghi chú', 'Note') },
        {
          name: 'confirmedBy',
          type: 'relationship',
          relationTo: 'users',
          label: l('Người xác nhận', 'Confirmed by'),
          admin: { readOnly: true },
        },
        {
          name: 'confirmedAt',
          type: 'date',
          label: l('Xác nhận lúc', 'Confirmed at'),
          admin: { readOnly: true },
        },
        {
          name: 'flagged',
          type: 'checkbox',
          label: l('Quá hạn chưa xác nhận', 'Overdue confirmation'),
          admin: { readOnly: true },
        },
      ],
    },
    {
      name: 'channelKind',
      type: 'text',
      admin: { hidden: true },
      access: { create: systemOnly, update: systemOnly },
    },
    // The content link's kind and id as plain columns, kept by keepContentRef (see there why).
    {
      name: 'contentKind',
      type: 'select',
      options: contentKinds.options,
      admin: { hidden: true },
      access: { create: systemOnly, update: systemOnly },
    },
    {
      name: 'contentId',
      type: 'text',
      index: true,
      admin: { hidden: true },
      access: { create: systemOnly, update: systemOnly },
    },
    commentsPanelField(),
  ],
}
