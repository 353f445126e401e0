import type { CollectionConfig, FieldAccess } from 'payload'
import { isAdmin } from '@/access/isAdmin'
import { ownUnitEditors, unitEditors } from '@/access/ownUnitEditors'
import { readOwnUnit } from '@/access/readOwnUnit'
import { isCrossUnit } from '@/access/roles'
import { choiceField } from '@/fields/choice'
import { ownerUnitField } from '@/fields/ownerUnit'
import { enforceUnitRules } from '@/hooks/enforceUnitRules'
import { l } from '@/lib/i18n'
import { DATE_TIME_FORMAT, dateTimePicker } from '@/lib/time'
import { UnitReportStatus, unitReportStatuses } from '@/vocabulary'
import { importIndicatorFigures, indicatorTemplate } from './endpoints/spreadsheet'
import { checkForm } from './hooks/checkForm'
import { deleteFormFacts, writeFormFacts } from './hooks/facts'
import { workflow } from './hooks/workflow'

const system = { readOnly: true, position: 'sidebar' as const }
const reviewersOnly: FieldAccess = ({ req }) => isCrossUnit(req.user)

/**
 * A unit's indicator figures for a year (DHIS2's data set): the data elements its unit kind enters
 * (headcounts, those trained, survey results, communes and schools), beside its yearly report with
 * the same workflow and deadline (hooks/workflow.ts). An empty value is missing, not zero.
 * One form per unit and year.
 */
export const IndicatorReports: CollectionConfig<'indicator-reports'> = {
  slug: 'indicator-reports',
  labels: {
    singular: l('Số liệu chỉ tiêu của đơn vị', 'Unit indicator data'),
    plural: l('Số liệu chỉ tiêu của đơn vị', 'Unit indicator data'),
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'ownerUnit', 'year', 'status', 'submittedAt'],
    group: l('Chỉ tiêu nhận thức', 'Awareness indicators'),
    // Download a year's template and send it back filled in (src/reporting/indicators/spreadsheet.ts).
    components: { beforeListTable: ['/admin/indicators/FigureFileImport#FigureFileImport'] },
  },
  access: { read: readOwnUnit, create: unitEditors, update: ownUnitEditors, delete: isAdmin },
  indexes: [{ fields: ['ownerUnit', 'year'], unique: true }],
  lockDocuments: false,
  endpoints: [indicatorTemplate, importIndicatorFigures],
  hooks: {
    beforeChange: [enforceUnitRules, workflow, checkForm],
    afterChange: [writeFormFacts],
    afterDelete: [deleteFormFacts],
  },
  fields: [
    { name: 'title', type: 'text', admin: { readOnly: true }, label: l('Tên biểu mẫu', 'Title') },
    ownerUnitField(l('Đơn vị báo cáo', 'Reporting unit')),
    {
      name: 'year',
      type: 'number',
      required: true,
      min: 2000,
      max: 2100,
      index: true,
      label: l('Năm báo cáo', 'Year'),
      admin: { position: 'sidebar' },
    },
    choiceField('status', l('Trạng thái', 'Status'), unitReportStatuses, UnitReportStatus.Draft, {
      position: 'sidebar',
      description: l(
        'Đơn vị chọn "Đã nộp" để gửi Sở TT&TT; Sở TT&TT chấp nhận, trả lại hoặc mở lại (ghi rõ lý do).',
        'The unit submits; Sở TT&TT accepts, returns or reopens with a reason.',
      ),
    }),
    {
      name: 'returnReason',
      type: 'textarea',
      maxLength: 2000,
      label: l('Lý do trả lại / mở lại', 'Reason for returning or reopening'),
      access: { create: reviewersOnly, update: reviewersOnly },
      admin: { position: 'sidebar' },
    },
    {
      name: 'values',
      type: 'array',
      label: l('Số liệu', 'Values'),
      labels: { singular: l('Số liệu', 'Value'), plural: l('Số liệu', 'Values') },
      admin: {
        initCollapsed: false,
        description: l(
          'Số nguyên không âm; để trống nếu chưa có số liệu (để trống khác với 0). Sau khi lưu, biểu mẫu liệt kê đủ các trường của loại đơn vị.',
          'Whole non-negative numbers; leave empty when unknown (empty is not zero).',
        ),
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'element',
              type: 'relationship',
              relationTo: 'data-elements',
              required: true,
              label: l('Trường số liệu', 'Data element'),
              admin: { width: '70%' },
            },
            {
              name: 'value',
              type: 'number',
              label: l('Giá trị', 'Value'),
              admin: { width: '30%' },
            },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'surveyMethod',
          type: 'text',
          maxLength: 500,
          label: l('Phương pháp khảo sát', 'Survey method'),
          admin: { width: '60%' },
        },
        {
          name: 'surveyDate',
          type: 'date',
          label: l('Ngày khảo sát', 'Survey date'),
          admin: { width: '40%', date: { displayFormat: 'dd/MM/yyyy' } },
        },
      ],
    },
    {
      name: 'submittedAt',
      type: 'date',
      admin: { ...system, date: dateTimePicker(DATE_TIME_FORMAT) },
      label: l('Nộp lúc', 'Submitted at'),
    },
    {
      name: 'submittedBy',
      type: 'relationship',
      relationTo: 'users',
      admin: system,
      label: l('Người nộp', 'Submitted by'),
    },
    {
      name: 'reviewedAt',
      type: 'date',
      admin: { ...system, date: dateTimePicker(DATE_TIME_FORMAT) },
      label: l('Xem xét lúc', 'Reviewed at'),
    },
    {
      name: 'reviewedBy',
      type: 'relationship',
      relationTo: 'users',
      admin: system,
      label: l('Người xem xét', 'Reviewed by'),
    },
  ],
}
