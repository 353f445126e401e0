import type { CollectionConfig, FieldAccess } from 'payload'
import { isAdmin } from '@/access/isAdmin'
import { unitEditors } from '@/access/ownUnitEditors'
import { readOwnUnit } from '@/access/readOwnUnit'
import { reviewUnitReports } from '@/access/reviewUnitReports'
import { hasRole, isCrossUnit } from '@/access/roles'
import { unitReportNarrative } from '@/access/unitReportNarrative'
import { choiceField } from '@/fields/choice'
import { ownerUnitField } from '@/fields/ownerUnit'
import { enforceUnitRules } from '@/hooks/enforceUnitRules'
import { l } from '@/lib/i18n'
import { DATE_TIME_FORMAT, dateTimePicker, vnYearMonth } from '@/lib/time'
import { figureGroups, Role, UnitReportStatus, unitReportStatuses } from '@/vocabulary'
import { prefillFigures } from './hooks/prefillFigures'
import { workflow } from './hooks/workflow'
import { notifyDecision } from './hooks/notifyDecision'

const system = { readOnly: true, position: 'sidebar' as const }
// Sở TT&TT, and the managers of units above (who may return a report to the unit).
const reviewersOnly: FieldAccess = ({ req }) =>
  isCrossUnit(req.user) || hasRole(req.user, Role.UnitManager)
const narrative = (name: string, vi: string, en: string) => ({
  name,
  type: 'textarea' as const,
  maxLength: 20_000,
  label: l(vi, en),
  access: { update: unitReportNarrative },
  admin: { rows: 8 },
})

/**
 * A unit's yearly results report ("báo cáo kết quả thực hiện") to Sở TT&TT: the year's figures
 * pre-filled from the rollup (kept up to date while the unit edits, frozen when it submits) and the
 * narrative the unit writes. The workflow (hooks/workflow.ts): the unit's editors draft and submit;
 * campaign managers accept or return it with a reason; a submitted report is read-only for the
 * unit, an accepted one for everybody. One report per unit and year.
 */
export const UnitReports: CollectionConfig<'unit-reports'> = {
  slug: 'unit-reports',
  labels: {
    singular: l('Báo cáo của đơn vị', 'Unit report'),
    plural: l('Báo cáo của đơn vị', 'Unit reports'),
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'ownerUnit', 'year', 'status', 'submittedAt'],
    group: l('Báo cáo', 'Reporting'),
  },
  access: {
    read: readOwnUnit,
    create: unitEditors,
    update: reviewUnitReports,
    delete: isAdmin,
  },
  indexes: [{ fields: ['ownerUnit', 'year'], unique: true }],
  // The workflow is the lock between the unit and Sở TT&TT (a submitted report is read-only for
  // the unit; Sở TT&TT only accepts or returns). Payload's edit lock, taken on opening the edit
  // view, would show Sở TT&TT a "being edited" dialog whenever the unit's editor left the report
  // open after handing it in (CI met it in tests/e2e/unit-report-review.test.ts).
  lockDocuments: false,
  hooks: {
    beforeChange: [enforceUnitRules, workflow, prefillFigures],
    afterChange: [notifyDecision],
  },
  fields: [
    { name: 'title', type: 'text', admin: { readOnly: true }, label: l('Tên báo cáo', 'Title') },
    ownerUnitField(l('Đơn vị báo cáo', 'Reporting unit')),
    {
      name: 'year',
      type: 'number',
      required: true,
      min: 2000,
      max: 2100,
      index: true,
      label: l('Năm báo cáo', 'Year'),
      // This year in Vietnam (on 31/12 at 20:00 UTC it is already next year there).
      defaultValue: () => vnYearMonth(new Date()).year,
      admin: { position: 'sidebar' },
    },
    // The deadline and where the report stands against it (còn N ngày, quá hạn N ngày, …).
    {
      name: 'deadlineState',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/admin/unitReports/DeadlineBadge#DeadlineBadge' },
      },
    },
    // The workflow's buttons (nộp, chấp nhận, trả lại): only the steps the user may take.
    {
      name: 'reviewActions',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/admin/unitReports/ReviewActions#ReviewActions' },
      },
    },
    choiceField('status', l('Trạng thái', 'Status'), unitReportStatuses, UnitReportStatus.Draft, {
      position: 'sidebar',
      // Changed through the buttons above (REST and the Local API still take it directly).
      readOnly: true,
      description: l(
        'Đơn vị bấm "Nộp báo cáo" để gửi Sở TT&TT; Sở TT&TT chấp nhận hoặc trả lại (ghi rõ lý do).',
        'The unit presses "Nộp báo cáo"; Sở TT&TT accepts or returns it with a reason.',
      ),
    }),
    {
      name: 'returnReason',
      type: 'textarea',
      maxLength: 2000,
      label: l('Lý do trả lại', 'Reason for returning'),
      access: { create: reviewersOnly, update: reviewersOnly },
      // Written by "Trả lại" (the buttons above), which requires it.
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'withUnitsBelow',
      type: 'checkbox',
      defaultValue: false,
      label: l('Số liệu gồm cả các đơn vị trực thuộc', 'Figures include the units below'),
      admin: {
        position: 'sidebar',
        description: l(
          'Cộng số liệu của đơn vị và mọi đơn vị trực thuộc trong năm báo cáo (theo cây đơn vị của năm đó, không tính trùng).',
          'The unit and every unit under it in that year’s tree, each once.',
        ),
      },
    },
    // The figures as the printed form shows them; the array below holds them (hidden: read-only
    // data the server fills, shown as 20 collapsible rows it was unreadable).
    {
      name: 'figuresTable',
      type: 'ui',
      admin: { components: { Field: '/admin/unitReports/FiguresTable#FiguresTable' } },
    },
    // The unit's own awareness indicators of the year, read live from its indicator form's facts.
    {
      name: 'indicatorsTable',
      type: 'ui',
      admin: { components: { Field: '/admin/unitReports/UnitIndicators#UnitIndicators' } },
    },
    {
      name: 'figures',
      type: 'array',
      label: l(
        'Số liệu năm (tự động từ số liệu tổng hợp)',
        'Figures of the year (from the totals)',
      ),
      labels: { singular: l('Chỉ số', 'Figure'), plural: l('Chỉ số', 'Figures') },
      admin: {
        readOnly: true,
        hidden: true,
        description: l(
          'Cập nhật mỗi lần lưu khi đang soạn; giữ nguyên từ khi nộp.',
          'Refreshed on every save while a draft; kept as submitted.',
        ),
      },
      fields: [
        {
          type: 'row',
          fields: [
            choiceField('group', l('Nhóm', 'Group'), figureGroups, undefined, { width: '20%' }),
            { name: 'label', type: 'text', label: l('Chỉ số', 'Figure'), admin: { width: '50%' } },
            {
              name: 'value',
              type: 'number',
              label: l('Thực hiện', 'Actual'),
              admin: { width: '15%' },
            },
            {
              name: 'target',
              type: 'number',
              label: l('Chỉ tiêu', 'Target'),
              admin: { width: '15%' },
            },
          ],
        },
      ],
    },
    {
      name: 'figuresAt',
      type: 'date',
      admin: { ...system, date: dateTimePicker(DATE_TIME_FORMAT) },
      label: l('Số liệu tính lúc', 'Figures as of'),
    },
    // The plan tasks the unit leads that year, with their state (src/admin/tasks/UnitReportTasks.tsx).
    {
      name: 'ledTasks',
      type: 'ui',
      admin: { components: { Field: '/admin/tasks/UnitReportTasks#UnitReportTasks' } },
    },
    narrative('results', 'Kết quả thực hiện', 'Results'),
    narrative('difficulties', 'Khó khăn, vướng mắc và nguyên nhân', 'Difficulties and causes'),
    narrative('proposals', 'Đề xuất, kiến nghị', 'Proposals'),
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
      name: 'forwardedAt',
      type: 'date',
      admin: { ...system, date: dateTimePicker(DATE_TIME_FORMAT) },
      label: l('Cấp trên chấp nhận lúc', 'Accepted by the parent at'),
    },
    {
      name: 'forwardedBy',
      type: 'relationship',
      relationTo: 'users',
      admin: system,
      label: l('Người chấp nhận (cấp trên)', 'Accepted by (parent)'),
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
