import type { CollectionConfig } from 'payload'
import { crossUnit } from '@/access/crossUnit'
import { loggedIn } from '@/access/loggedIn'
import { l } from '@/lib/i18n'
import { DATE_FORMAT, vietnamTimezone } from '@/lib/time'
import { checkDeadlines } from './hooks/checkDeadlines'

const day = (name: string, vi: string, en: string, description: string) => ({
  name,
  type: 'date' as const,
  required: true,
  label: l(vi, en),
  timezone: vietnamTimezone,
  admin: {
    date: { pickerAppearance: 'dayOnly' as const, displayFormat: DATE_FORMAT },
    description,
  },
})

/**
 * The reporting deadlines of a year (provinces differ: units by 30/11 in Đắk Lắk, 05/12 in Vĩnh
 * Long). A year without a row uses the defaults (src/reporting/unitReports/deadlines.ts).
 */
export const ReportDeadlines: CollectionConfig<'report-deadlines'> = {
  slug: 'report-deadlines',
  labels: {
    singular: l('Hạn nộp báo cáo', 'Reporting deadline'),
    plural: l('Hạn nộp báo cáo', 'Reporting deadlines'),
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'unitsDueOn', 'provinceDueOn'],
    group: l('Báo cáo', 'Reporting'),
    description: l(
      'Năm chưa khai báo dùng hạn mặc định: đơn vị 30/11, tỉnh 15/12.',
      'Years without a row use the defaults: units 30/11, province 15/12.',
    ),
  },
  access: { read: loggedIn, create: crossUnit, update: crossUnit, delete: crossUnit },
  hooks: { beforeChange: [checkDeadlines] },
  fields: [
    { name: 'title', type: 'text', admin: { readOnly: true }, label: l('Tên', 'Title') },
    {
      name: 'year',
      type: 'number',
      required: true,
      unique: true,
      min: 2000,
      max: 2100,
      label: l('Năm báo cáo', 'Year'),
    },
    day('unitsDueOn', 'Hạn nộp của các đơn vị', 'Units due on', 'Mặc định 30/11.'),
    day('provinceDueOn', 'Hạn báo cáo của tỉnh', 'Province due on', 'Mặc định 15/12.'),
    {
      ...day(
        'draftReportOn',
        'Ngày lập dự thảo báo cáo của tỉnh',
        'Province draft on',
        'Hệ thống tự chốt số liệu và lập dự thảo vào ngày này (mặc định 01/12); bản chính thức vào ngày hạn báo cáo của tỉnh.',
      ),
      required: false,
    },
    {
      name: 'throughParent',
      type: 'checkbox',
      defaultValue: false,
      label: l('Báo cáo qua đơn vị cấp trên', 'Reports go through the parent unit'),
      admin: {
        description:
          'Báo cáo của đơn vị có cấp trên trung gian (xã thuộc huyện, trung tâm thuộc sở) phải được lãnh đạo đơn vị cấp trên chấp nhận trước khi Sở TT&TT xem xét.',
      },
    },
    {
      name: 'basis',
      type: 'text',
      maxLength: 300,
      label: l('Căn cứ', 'Basis'),
      admin: { description: 'Văn bản quy định hạn, ví dụ Kế hoạch 1155/KH-UBND.' },
    },
  ],
}
