import type { CollectionConfig } from 'payload'
import { isAdmin } from '@/access/isAdmin'
import { loggedIn } from '@/access/loggedIn'
import { choiceField } from '@/fields/choice'
import { l } from '@/lib/i18n'
import { DATE_FORMAT } from '@/lib/time'
import { UnitEventKind, unitEventKinds } from '@/vocabulary'
import { forgetUnitTree } from '@/units/load'
import { applyUnitEvent, checkUnitEvent } from './hooks/applyUnitEvent'

/**
 * The units' lineage (sáp nhập, chia tách, đổi tên, chuyển cấp trên), each on its effective day.
 * One event names several units (the ones merged, the successors and their shares), so events are
 * rows of their own rather than fields of a unit. Recording one applies it to the units
 * (hooks/applyUnitEvent.ts): the units that end get their last day, a renamed unit its new name
 * (the old one stays here for the years before), a moved unit a new parent period. Events are
 * history: they are not edited afterwards (a wrong one is deleted and the units corrected).
 */
export const UnitEvents: CollectionConfig<'unit-events'> = {
  slug: 'unit-events',
  labels: {
    singular: l('Biến động đơn vị', 'Unit change'),
    plural: l('Biến động đơn vị', 'Unit changes'),
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'effectiveOn'],
    group: l('Quản trị', 'Administration'),
    description: l(
      'Sáp nhập, chia tách, đổi tên, chuyển cấp trên của các đơn vị, theo ngày có hiệu lực. Báo cáo của các năm trước giữ tên cũ; báo cáo giai đoạn có thể quy về các đơn vị hiện nay.',
      'Merges, splits, renames and moves, by effective day.',
    ),
  },
  access: { read: loggedIn, create: isAdmin, update: isAdmin, delete: isAdmin },
  hooks: {
    beforeChange: [checkUnitEvent],
    afterChange: [applyUnitEvent, forgetUnitTree],
    afterDelete: [forgetUnitTree],
  },
  fields: [
    { name: 'title', type: 'text', admin: { readOnly: true }, label: l('Tên', 'Title') },
    choiceField('kind', l('Loại biến động', 'Kind'), unitEventKinds, UnitEventKind.Merge),
    {
      name: 'effectiveOn',
      type: 'date',
      required: true,
      label: l('Có hiệu lực từ ngày', 'Effective on'),
      admin: { date: { pickerAppearance: 'dayOnly', displayFormat: DATE_FORMAT } },
    },
    {
      name: 'units',
      type: 'relationship',
      relationTo: 'units',
      hasMany: true,
      required: true,
      label: l('Đơn vị', 'Units'),
      admin: {
        description: l(
          'Sáp nhập: các đơn vị kết thúc; chia tách: đơn vị bị chia; đổi tên, chuyển: đơn vị đó.',
          'Merge: the units that end; split: the unit split; rename, move: the unit.',
        ),
      },
    },
    {
      name: 'successors',
      type: 'array',
      label: l('Đơn vị kế thừa', 'Successors'),
      labels: {
        singular: l('Đơn vị kế thừa', 'Successor'),
        plural: l('Đơn vị kế thừa', 'Successors'),
      },
      admin: {
        condition: (data) => data?.kind === 'merge' || data?.kind === 'split',
        description: l(
          'Sáp nhập: một đơn vị kế thừa. Chia tách: tỷ lệ số liệu chuyển cho từng đơn vị (%, cộng lại 100; một đơn vị thì 100).',
          'Merge: one successor. Split: the share (%) of the figures each takes (summing to 100).',
        ),
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'unit',
              type: 'relationship',
              relationTo: 'units',
              required: true,
              label: l('Đơn vị', 'Unit'),
              admin: { width: '70%' },
            },
            {
              name: 'share',
              type: 'number',
              min: 0,
              max: 100,
              label: l('Tỷ lệ (%)', 'Share (%)'),
              admin: { width: '30%' },
            },
          ],
        },
      ],
    },
    {
      name: 'newName',
      type: 'text',
      maxLength: 200,
      label: l('Tên mới', 'New name'),
      admin: { condition: (data) => data?.kind === 'rename' },
    },
    {
      name: 'previousName',
      type: 'text',
      label: l('Tên trước đó', 'Previous name'),
      admin: {
        condition: (data) => data?.kind === 'rename',
        description: l(
          'Tự điền bằng tên hiện tại; chỉ nhập khi ghi lại một lần đổi tên đã làm (đơn vị đã mang tên mới).',
          'Filled with the current name; type it only when recording a rename already made.',
        ),
      },
    },
    {
      name: 'newParent',
      type: 'relationship',
      relationTo: 'units',
      label: l('Đơn vị cấp trên mới', 'New parent'),
      admin: {
        condition: (data) => data?.kind === 'move',
        description: l('Để trống: trực thuộc tỉnh (không có cấp trên).', 'Empty: no parent.'),
      },
    },
    { name: 'basis', type: 'text', maxLength: 300, label: l('Căn cứ', 'Basis') },
  ],
}
