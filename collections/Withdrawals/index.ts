import type { CollectionConfig } from 'payload'
import { readOwnUnit } from '@/access/readOwnUnit'
import { withdrawers } from '@/access/withdrawers'
import { l } from '@/lib/i18n'
import { CONTENT_KINDS, contentKinds, withdrawalScopes } from '@/vocabulary'
import { carryOutWithdrawal } from './hooks/carryOutWithdrawal'
import { prepareWithdrawal } from './hooks/prepareWithdrawal'

const nobody = () => false
const filled = { readOnly: true }

/**
 * Withdrawing content ("gỡ bài"): a whole item, or one publication, with a required reason.
 * Created by "Gỡ bài" on an item's or a publication's edit view, or `POST /api/withdrawals`
 * (`{ content: { relationTo, value }, reason }` or `{ publication, reason }`); never edited or
 * deleted afterwards. Its removals say, per channel, whether taking the post down is done,
 * pending, or needs a person. Who may: `withdrawers` and `mayWithdrawFor` (src/access/withdrawers.ts).
 */
export const Withdrawals: CollectionConfig<'withdrawals'> = {
  slug: 'withdrawals',
  labels: { singular: l('Gỡ bài', 'Withdrawal'), plural: l('Gỡ bài', 'Withdrawals') },
  admin: {
    useAsTitle: 'contentTitle',
    defaultColumns: ['contentTitle', 'scope', 'reason', 'requestedBy', 'createdAt'],
    group: l('Kế hoạch', 'Planning'),
  },
  access: { read: readOwnUnit, create: withdrawers, update: nobody, delete: nobody },
  hooks: { beforeChange: [prepareWithdrawal], afterChange: [carryOutWithdrawal] },
  fields: [
    {
      name: 'content',
      type: 'relationship',
      relationTo: [...CONTENT_KINDS],
      label: l('Nội dung', 'Content'),
      admin: filled,
    },
    {
      name: 'publication',
      type: 'relationship',
      relationTo: 'publications',
      label: l('Lịch đăng (khi chỉ gỡ một kênh)', 'Publication (one channel only)'),
      admin: filled,
    },
    { name: 'reason', type: 'textarea', label: l('Lý do gỡ', 'Reason'), admin: filled },
    {
      name: 'scope',
      type: 'select',
      options: withdrawalScopes.options,
      label: l('Phạm vi', 'Scope'),
      admin: filled,
    },
    // What the item was when withdrawn: its page's address answers 410 by these (src/web/withdrawn.ts).
    { name: 'contentTitle', type: 'text', label: l('Tiêu đề', 'Title'), admin: filled },
    { name: 'contentKind', type: 'select', options: contentKinds.options, admin: { hidden: true } },
    { name: 'contentSlug', type: 'text', index: true, admin: { hidden: true } },
    {
      name: 'ownerUnit',
      type: 'relationship',
      relationTo: 'units',
      index: true,
      label: l('Đơn vị của nội dung', 'Content unit'),
      admin: filled,
    },
    {
      name: 'requestedBy',
      type: 'relationship',
      relationTo: 'users',
      label: l('Người gỡ', 'Withdrawn by'),
      admin: filled,
    },
    {
      name: 'removals',
      type: 'join',
      collection: 'removals',
      on: 'withdrawal',
      label: l('Gỡ trên từng kênh', 'Per channel'),
      admin: { defaultColumns: ['channelName', 'status', 'message', 'updatedAt'] },
    },
  ],
}
