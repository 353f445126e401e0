import type { CollectionConfig } from 'payload'
import { readOwnUnit } from '@/access/readOwnUnit'
import { attemptsField } from '@/fields/attempts'
import { l } from '@/lib/i18n'
import { RemovalStatus, removalStatuses } from '@/vocabulary'

const nobody = () => false
const hidden = { hidden: true }

/**
 * One withdrawn publication's removal from its channel ("gỡ bài"): a job with attempts and retries
 * like a send, claimed by the same dispatcher tick under the same kind of lease
 * (src/dispatch/removals.ts). A sibling of `publications` rather than a state on it: the send
 * path's claim, indexes and batch writes stay exactly as they were, and a withdrawn publication
 * keeps its own history ("published", counted in the reports: it did go out). Only the system
 * writes these; editors read their unit's, per channel, on the withdrawal.
 */
export const Removals: CollectionConfig<'removals'> = {
  slug: 'removals',
  labels: { singular: l('Gỡ bài trên kênh', 'Removal'), plural: l('Gỡ bài trên kênh', 'Removals') },
  admin: {
    useAsTitle: 'channelName',
    defaultColumns: ['channelName', 'status', 'message', 'contentTitle', 'updatedAt'],
    group: l('Kế hoạch', 'Planning'),
  },
  access: { read: readOwnUnit, create: nobody, update: nobody, delete: nobody },
  // The claim's two ranges (src/db/*/dispatch.ts `claimRemovals`), as the publications' are.
  indexes: [{ fields: ['status', 'nextAttemptAt'] }, { fields: ['status', 'leaseUntil'] }],
  fields: [
    {
      name: 'withdrawal',
      type: 'relationship',
      relationTo: 'withdrawals',
      required: true,
      index: true,
      label: l('Yêu cầu gỡ', 'Withdrawal'),
    },
    {
      name: 'publication',
      type: 'relationship',
      relationTo: 'publications',
      // Not required: a publication cancelled by its removal may be deleted later (the job then says so).
      index: true,
      label: l('Lịch đăng', 'Publication'),
    },
    { name: 'channel', type: 'relationship', relationTo: 'channels', label: l('Kênh', 'Channel') },
    { name: 'channelName', type: 'text', label: l('Kênh', 'Channel') },
    { name: 'contentTitle', type: 'text', label: l('Nội dung', 'Content') },
    {
      name: 'ownerUnit',
      type: 'relationship',
      relationTo: 'units',
      index: true,
      label: l('Đơn vị của nội dung', 'Content unit'),
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: RemovalStatus.Pending,
      options: removalStatuses.options,
      label: l('Tình trạng gỡ', 'Removal status'),
    },
    { name: 'message', type: 'textarea', label: l('Kết quả gần nhất', 'Last result') },
    { name: 'attemptCount', type: 'number', defaultValue: 0, admin: hidden },
    { name: 'nextAttemptAt', type: 'date', admin: hidden },
    { name: 'leaseOwner', type: 'text', index: true, admin: hidden },
    { name: 'leaseWorker', type: 'text', index: true, admin: hidden },
    { name: 'leaseUntil', type: 'date', admin: hidden },
    attemptsField(l('Các lần gỡ', 'Attempts')),
  ],
}
