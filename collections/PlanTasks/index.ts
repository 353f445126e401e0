import type { CollectionConfig } from 'payload'
import { crossUnit } from '@/access/crossUnit'
import { leadOrCoordinatingUnit } from '@/access/leadOrCoordinatingUnit'
import { choiceField } from '@/fields/choice'
import { l } from '@/lib/i18n'
import { DATE_FORMAT } from '@/lib/time'
import { timeFrameKinds } from '@/vocabulary'
import { importTaskTableEndpoint } from './endpoints/importTable'
import { readTimeFrame } from './hooks/readTimeFrame'
import { deleteProgress, syncProgress } from './hooks/syncProgress'

const derived = { readOnly: true }

/**
 * A task of a plan (a campaign), in the shape every plan prints: number (I.1, 1.a, 3.1.b), task,
 * its group, lead unit ("chủ trì"), coordinating units ("phối hợp"), time frame, expected results
 * or products, the targets it serves and its budget line. Sở TT&TT (campaign managers) writes the
 * register, by hand or by importing the plan's table (/admin/task-import); the lead unit records
 * the yearly progress (task-progress).
 */
export const PlanTasks: CollectionConfig<'plan-tasks'> = {
  slug: 'plan-tasks',
  labels: {
    singular: l('Nhiệm vụ kế hoạch', 'Plan task'),
    plural: l('Nhiệm vụ kế hoạch', 'Plan tasks'),
  },
  admin: {
    useAsTitle: 'label',
    defaultColumns: ['number', 'title', 'leadUnit', 'campaign'],
    group: l('Kế hoạch', 'Planning'),
    listSearchableFields: ['number', 'title'],
  },
  defaultSort: 'position',
  access: { read: leadOrCoordinatingUnit, create: crossUnit, update: crossUnit, delete: crossUnit },
  indexes: [{ fields: ['campaign', 'number'], unique: true }],
  endpoints: [importTaskTableEndpoint],
  hooks: {
    beforeValidate: [readTimeFrame],
    beforeChange: [
      ({ data, originalDoc }) => {
        const number = data.number ?? originalDoc?.number
        const title = data.title ?? originalDoc?.title
        data.label = `${number}. ${title}`.slice(0, 300)
        return data
      },
    ],
    afterChange: [syncProgress],
    beforeDelete: [deleteProgress],
  },
  fields: [
    {
      name: 'campaign',
      type: 'relationship',
      relationTo: 'campaigns',
      required: true,
      index: true,
      label: l('Kế hoạch (chiến dịch)', 'Plan (campaign)'),
    },
    {
      type: 'row',
      fields: [
        {
          name: 'number',
          type: 'text',
          required: true,
          maxLength: 20,
          label: l('Số thứ tự', 'Number'),
          admin: { width: '20%', description: 'Ví dụ: 1.a, II.3' },
        },
        {
          name: 'position',
          type: 'number',
          index: true,
          label: l('Thứ tự sắp xếp', 'Sort order'),
          admin: { width: '20%' },
        },
        {
          name: 'group',
          type: 'text',
          maxLength: 300,
          label: l('Nhóm nhiệm vụ', 'Group'),
          admin: { width: '60%' },
        },
      ],
    },
    { name: 'title', type: 'text', required: true, maxLength: 500, label: l('Nhiệm vụ', 'Task') },
    { name: 'label', type: 'text', admin: { hidden: true } },
    { name: 'description', type: 'textarea', maxLength: 5000, label: l('Nội dung', 'Content') },
    {
      name: 'leadUnit',
      type: 'relationship',
      relationTo: 'units',
      required: true,
      index: true,
      label: l('Đơn vị chủ trì', 'Lead unit'),
    },
    {
      name: 'coordinatingUnits',
      type: 'relationship',
      relationTo: 'units',
      hasMany: true,
      index: true,
      label: l('Đơn vị phối hợp', 'Coordinating units'),
    },
    {
      name: 'coordinatingText',
      type: 'text',
      maxLength: 1000,
      label: l('Phối hợp (ghi như văn bản)', 'Coordinating, as typed'),
      admin: {
        description: l(
          'Phần không phải một đơn vị trong danh mục, ví dụ "các cơ quan, đơn vị liên quan".',
          'What is not one unit of the register, e.g. "the units concerned".',
        ),
      },
    },
    {
      name: 'timeFrame',
      type: 'group',
      label: l('Thời gian thực hiện', 'Time frame'),
      fields: [
        {
          name: 'text',
          type: 'text',
          required: true,
          maxLength: 500,
          label: l('Như văn bản kế hoạch', 'As the plan says'),
          admin: {
            description: l(
              'Ví dụ: "Hằng năm", "Thường xuyên", "Quý II/2022", "30/6/2023", "2022-2025". Các ô dưới được đọc từ đây khi lưu.',
              'E.g. "Hằng năm", "Quý II/2022", "2022-2025". The fields below are read from it on save.',
            ),
          },
        },
        {
          type: 'row',
          fields: [
            choiceField('kind', l('Loại', 'Kind'), timeFrameKinds, undefined, derived),
            { name: 'year', type: 'number', label: l('Năm', 'Year'), admin: derived },
            { name: 'quarter', type: 'number', label: l('Quý', 'Quarter'), admin: derived },
            {
              name: 'dueOn',
              type: 'text',
              label: l('Hạn (YYYY-MM-DD)', 'Due on'),
              admin: { ...derived, description: `Hiển thị ${DATE_FORMAT} trong báo cáo.` },
            },
            { name: 'fromYear', type: 'number', label: l('Từ năm', 'From'), admin: derived },
            { name: 'toYear', type: 'number', label: l('Đến năm', 'To'), admin: derived },
            {
              name: 'repeatsYearly',
              type: 'checkbox',
              label: l('Lặp lại hằng năm', 'Repeats yearly'),
              admin: derived,
            },
          ],
        },
      ],
    },
    {
      name: 'expectedProducts',
      type: 'textarea',
      maxLength: 2000,
      label: l('Kết quả, sản phẩm', 'Expected results, products'),
    },
    {
      // Free text until the indicator catalogue (issue 22) lands; then a relationship to it.
      name: 'servesTargets',
      type: 'textarea',
      maxLength: 2000,
      label: l('Mục tiêu, chỉ tiêu phục vụ', 'Targets and indicators served'),
    },
    {
      type: 'row',
      fields: [
        {
          name: 'budgetLine',
          type: 'text',
          maxLength: 300,
          label: l('Nguồn, dòng kinh phí', 'Budget line'),
        },
        {
          name: 'budgetAmount',
          type: 'number',
          min: 0,
          label: l('Kinh phí dự kiến (VNĐ)', 'Budget (VND)'),
        },
      ],
    },
  ],
}
