import type { CollectionConfig } from 'payload'
import { crossUnit } from '@/access/crossUnit'
import { loggedIn } from '@/access/loggedIn'
import { l } from '@/lib/i18n'
import { unitKinds } from '@/vocabulary'

/**
 * A data element (DHIS2's term): one figure a unit enters per year that no content can give, such as
 * the headcount of officials or the communes with a DX network. Indicators divide them. `partOf`
 * names the whole an element is part of (trained ≤ headcount, respondents ≤ sample): the form
 * refuses a part greater than its whole.
 */
export const DataElements: CollectionConfig<'data-elements'> = {
  slug: 'data-elements',
  labels: {
    singular: l('Trường số liệu nhập', 'Data element'),
    plural: l('Trường số liệu nhập', 'Data elements'),
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['code', 'name', 'unitKinds', 'partOf'],
    group: l('Chỉ tiêu nhận thức', 'Awareness indicators'),
  },
  access: { read: loggedIn, create: crossUnit, update: crossUnit, delete: crossUnit },
  fields: [
    {
      name: 'code',
      type: 'text',
      required: true,
      unique: true,
      maxLength: 60,
      label: l('Mã', 'Code'),
      validate: (value: unknown) =>
        /^[a-z0-9][a-z0-9-]*$/.test(String(value ?? '')) ||
        'Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang (ví dụ: can-bo-tong-so).',
    },
    {
      name: 'name',
      type: 'text',
      required: true,
      maxLength: 300,
      label: l('Tên', 'Name (Vietnamese)'),
    },
    { name: 'nameEn', type: 'text', maxLength: 300, label: l('Tên tiếng Anh', 'Name (English)') },
    {
      name: 'unitKinds',
      type: 'select',
      hasMany: true,
      required: true,
      options: unitKinds.options,
      label: l('Loại đơn vị nhập', 'Unit kinds that enter it'),
    },
    {
      name: 'partOf',
      type: 'relationship',
      relationTo: 'data-elements',
      label: l('Là một phần của (không vượt quá)', 'Part of (never greater than)'),
    },
    {
      name: 'survey',
      type: 'checkbox',
      defaultValue: false,
      label: l('Số liệu từ khảo sát', 'From a survey'),
      admin: {
        description: l(
          'Biểu mẫu yêu cầu ghi phương pháp và ngày khảo sát khi nhập trường này.',
          'The form asks for the survey’s method and date when this is entered.',
        ),
      },
    },
    { name: 'sortOrder', type: 'number', defaultValue: 0, label: l('Thứ tự', 'Order') },
  ],
}
