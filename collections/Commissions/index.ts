import type { CollectionConfig } from 'payload'
import { commissioners } from '@/access/canCommission'
import { isAdmin } from '@/access/isAdmin'
import { readCommissions } from '@/access/readCommissions'
import { updateCommissions } from '@/access/updateCommissions'
import { isOverdue } from '@/commissions/overdue'
import { choiceField } from '@/fields/choice'
import { l } from '@/lib/i18n'
import { dateTimePicker, vietnamTimezone } from '@/lib/time'
import { CommissionStatus, commissionStatuses, CONTENT_KINDS, contentKinds } from '@/vocabulary'
import { announceCommission } from './hooks/announce'
import { commissionWorkflow } from './hooks/workflow'

const stamp = { readOnly: true, position: 'sidebar' as const }

/**
 * A commission ("đặt bài"): Sở TT&TT or a unit's manager asks a unit or one of its people for a
 * piece (a brief, the kind, the campaign and task, a due date and the channels it is meant for);
 * the assignee accepts it and links the content that fulfils it. Overdue is derived from the due
 * date (src/commissions/overdue.ts); the list's "Quá hạn" filter reads the same rule.
 */
export const Commissions: CollectionConfig<'commissions'> = {
  slug: 'commissions',
  labels: { singular: l('Đặt bài', 'Commission'), plural: l('Đặt bài', 'Commissions') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'assigneeUnit', 'dueAt', 'status', 'overdue'],
    group: l('Kế hoạch', 'Planning'),
    listSearchableFields: ['title'],
    components: { beforeListTable: ['/admin/commissions/OverdueFilter#OverdueFilter'] },
  },
  defaultSort: 'dueAt',
  access: {
    read: readCommissions,
    create: commissioners,
    update: updateCommissions,
    // Cancelled, not deleted: the record of what was asked stays.
    delete: isAdmin,
  },
  indexes: [{ fields: ['status', 'dueAt'] }],
  hooks: { beforeChange: [commissionWorkflow], afterChange: [announceCommission] },
  fields: [
    {
      name: 'title',
      type: 'text',
      required: true,
      maxLength: 250,
      label: l('Đề tài', 'Subject'),
    },
    {
      name: 'brief',
      type: 'textarea',
      required: true,
      maxLength: 5000,
      label: l('Yêu cầu (đề cương)', 'Brief'),
    },
    {
      type: 'row',
      fields: [
        choiceField('kind', l('Loại nội dung', 'Kind'), contentKinds, 'articles', {
          width: '30%',
        }),
        {
          name: 'dueAt',
          type: 'date',
          required: true,
          index: true,
          timezone: vietnamTimezone,
          label: l('Hạn nộp', 'Due'),
          admin: { date: dateTimePicker(), width: '40%' },
        },
        {
          ...choiceField(
            'status',
            l('Trạng thái', 'Status'),
            commissionStatuses,
            CommissionStatus.Assigned,
            {
              width: '30%',
              description: l(
                'Đơn vị được giao chọn "Đã nhận", rồi "Đã hoàn thành" khi đã gắn nội dung; bên đặt bài có thể hủy.',
                'The assignee accepts, then fulfils once content is linked; the commissioner may cancel.',
              ),
            },
          ),
          index: true,
        } as never,
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'campaign',
          type: 'relationship',
          relationTo: 'campaigns',
          index: true,
          label: l('Chiến dịch (kế hoạch)', 'Campaign'),
          admin: { width: '50%' },
        },
        {
          name: 'task',
          type: 'relationship',
          relationTo: 'plan-tasks',
          label: l('Nhiệm vụ kế hoạch', 'Plan task'),
          // Only the tasks of the chosen campaign are offered.
          filterOptions: ({ siblingData }) => {
            const campaign = (siblingData as { campaign?: unknown })?.campaign
            return campaign ? { campaign: { equals: campaign } } : true
          },
          admin: { width: '50%' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'assigneeUnit',
          type: 'relationship',
          relationTo: 'units',
          index: true,
          label: l('Đơn vị thực hiện', 'Assignee unit'),
          admin: { width: '50%' },
        },
        {
          name: 'assigneeUser',
          type: 'relationship',
          relationTo: 'users',
          index: true,
          label: l('Người thực hiện', 'Assignee'),
          admin: {
            width: '50%',
            description: l(
              'Để trống nếu giao cho cả đơn vị; nếu chọn, đơn vị là đơn vị của người này.',
              'Empty to assign the whole unit; otherwise the unit is this person’s.',
            ),
          },
        },
      ],
    },
    {
      name: 'channels',
      type: 'relationship',
      relationTo: 'channels',
      hasMany: true,
      label: l('Kênh dự kiến đăng', 'Target channels'),
    },
    {
      name: 'fulfilledBy',
      type: 'relationship',
      relationTo: [...CONTENT_KINDS],
      label: l('Nội dung hoàn thành', 'Fulfilled by'),
      admin: {
        description: l(
          'Nội dung của đơn vị được giao, cùng loại với bài đặt.',
          'Content of the assignee unit, of the commissioned kind.',
        ),
      },
    },
    {
      name: 'overdue',
      type: 'checkbox',
      virtual: true,
      label: l('Quá hạn', 'Overdue'),
      admin: {
        readOnly: true,
        position: 'sidebar',
        components: { Cell: '/admin/commissions/OverdueCell#OverdueCell' },
      },
      hooks: { afterRead: [({ data }) => isOverdue(data ?? {})] },
    },
    {
      name: 'commissionedBy',
      type: 'relationship',
      relationTo: 'users',
      label: l('Người đặt bài', 'Commissioned by'),
      admin: stamp,
    },
    {
      name: 'commissioningUnit',
      type: 'relationship',
      relationTo: 'units',
      index: true,
      label: l('Đơn vị đặt bài', 'Commissioning unit'),
      admin: stamp,
    },
    {
      name: 'acceptedBy',
      type: 'relationship',
      relationTo: 'users',
      label: l('Người nhận', 'Accepted by'),
      admin: stamp,
    },
    {
      name: 'acceptedAt',
      type: 'date',
      label: l('Nhận lúc', 'Accepted at'),
      admin: { ...stamp, date: dateTimePicker() },
    },
    {
      name: 'fulfilledAt',
      type: 'date',
      label: l('Hoàn thành lúc', 'Fulfilled at'),
      admin: { ...stamp, date: dateTimePicker() },
    },
    {
      name: 'cancelledAt',
      type: 'date',
      label: l('Hủy lúc', 'Cancelled at'),
      admin: { ...stamp, date: dateTimePicker() },
    },
  ],
}
