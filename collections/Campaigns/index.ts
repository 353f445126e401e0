import type { CollectionConfig, Validate } from 'payload'
import { crossUnit } from '@/access/crossUnit'
import { loggedIn } from '@/access/loggedIn'
import { choiceField } from '@/fields/choice'
import { countField } from '@/fields/count'
import { checkPlanYears } from './hooks/checkPlanYears'
import { l } from '@/lib/i18n'
import {
  CampaignStatus,
  campaignStatuses,
  contentKinds,
  kpiMetrics,
  planSubtotals,
  trainingProgrammes,
  unitKinds,
} from '@/vocabulary'
import { DATE_FORMAT, vietnamTimezone } from '@/lib/time'
import { LIST_SEARCH_SOURCES, withListSearch } from '@/fields/listSearch'

const endAfterStart =
  (startField: string): Validate =>
  (value, { siblingData }) => {
    const start = (siblingData as Record<string, string | undefined>)[startField]
    if (value && start && new Date(value as string) < new Date(start))
      return 'Ngày kết thúc không được trước ngày bắt đầu.'
    return true
  }

const year: Validate = (value) =>
  value == null ||
  (Number.isInteger(value) && (value as number) >= 2020 && (value as number) <= 2100)
    ? true
    : 'Năm phải từ 2020 đến 2100.'

const dateField = (name: string, vi: string, en: string, validate?: Validate) => ({
  name,
  type: 'date' as const,
  required: true,
  label: l(vi, en),
  timezone: vietnamTimezone,
  validate,
  admin: { date: { pickerAppearance: 'dayOnly' as const, displayFormat: DATE_FORMAT } },
})

/** A campaign (one plan, e.g. 1155/QĐ-UBND) with its period, units, budget, phases and KPI targets. */
const config: CollectionConfig<'campaigns'> = {
  slug: 'campaigns',
  labels: { singular: l('Chiến dịch', 'Campaign'), plural: l('Chiến dịch', 'Campaigns') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'planReference', 'status', 'startsOn', 'endsOn'],
    group: l('Kế hoạch', 'Planning'),
  },
  access: { read: loggedIn, create: crossUnit, update: crossUnit, delete: crossUnit },
  hooks: { beforeChange: [checkPlanYears] },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      maxLength: 250,
      label: l('Tên chiến dịch', 'Name'),
    },
    {
      name: 'planReference',
      type: 'text',
      maxLength: 100,
      label: l('Số hiệu kế hoạch / quyết định', 'Plan reference'),
      admin: { description: 'Ví dụ: 1155/QĐ-UBND' },
    },
    {
      type: 'row',
      fields: [
        dateField('startsOn', 'Bắt đầu', 'Starts on'),
        dateField('endsOn', 'Kết thúc', 'Ends on', endAfterStart('startsOn')),
      ],
    },
    { name: 'description', type: 'textarea', maxLength: 5000, label: l('Mô tả', 'Description') },
    {
      name: 'leadUnit',
      type: 'relationship',
      relationTo: 'units',
      required: true,
      label: l('Đơn vị chủ trì', 'Lead unit'),
    },
    {
      name: 'coordinatingUnits',
      type: 'relationship',
      relationTo: 'units',
      hasMany: true,
      label: l('Đơn vị phối hợp', 'Coordinating units'),
    },
    choiceField('status', l('Trạng thái', 'Status'), campaignStatuses, CampaignStatus.Planned, {
      position: 'sidebar',
    }),
    {
      name: 'budgets',
      type: 'array',
      labels: {
        singular: l('Năm ngân sách', 'Budget year'),
        plural: l('Năm ngân sách', 'Budget years'),
      },
      label: l('Kinh phí theo năm (VNĐ)', 'Yearly budget (VND)'),
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'year',
              type: 'number',
              required: true,
              validate: year,
              label: l('Năm', 'Year'),
            },
            { name: 'planned', type: 'number', min: 0, label: l('Dự toán', 'Planned') },
            { name: 'spent', type: 'number', min: 0, label: l('Đã chi', 'Spent') },
          ],
        },
      ],
    },
    {
      name: 'phases',
      type: 'array',
      labels: { singular: l('Giai đoạn', 'Phase'), plural: l('Giai đoạn', 'Phases') },
      label: l('Giai đoạn, đợt cao điểm', 'Phases'),
      fields: [
        {
          name: 'name',
          type: 'text',
          required: true,
          maxLength: 200,
          label: l('Tên', 'Name'),
          admin: { description: 'Ví dụ: Tháng cao điểm Ngày Chuyển đổi số quốc gia 10/10' },
        },
        {
          type: 'row',
          fields: [
            dateField('startsOn', 'Từ ngày', 'From'),
            dateField('endsOn', 'Đến ngày', 'To', endAfterStart('startsOn')),
          ],
        },
      ],
    },
    {
      name: 'kpiTargets',
      type: 'array',
      labels: { singular: l('Chỉ tiêu', 'Target'), plural: l('Chỉ tiêu', 'Targets') },
      label: l('Chỉ tiêu', 'KPI targets'),
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'metric',
              type: 'select',
              required: true,
              options: kpiMetrics.options,
              label: l('Chỉ số', 'Metric'),
            },
            {
              name: 'contentType',
              type: 'select',
              options: contentKinds.options,
              label: l('Loại nội dung', 'Content type'),
            },
            {
              name: 'channel',
              type: 'relationship',
              relationTo: 'channels',
              label: l('Kênh', 'Channel'),
            },
            {
              name: 'year',
              type: 'number',
              required: true,
              validate: year,
              label: l('Năm', 'Year'),
            },
            {
              name: 'target',
              type: 'number',
              required: true,
              min: 0,
              label: l('Chỉ tiêu', 'Target'),
            },
          ],
        },
      ],
    },
    {
      name: 'traineeTargets',
      type: 'array',
      labels: { singular: l('Dòng kế hoạch', 'Plan row'), plural: l('Dòng kế hoạch', 'Plan rows') },
      label: l(
        'Kế hoạch đào tạo theo chương trình và năm (người)',
        'Trainee targets by programme and year',
      ),
      admin: {
        description: l(
          'Các dòng chi tiết; tổng được tính từ các dòng này.',
          'Detail rows; totals are computed from them.',
        ),
      },
      fields: [
        {
          type: 'row',
          fields: [
            choiceField('programme', l('Chương trình', 'Programme'), trainingProgrammes, undefined),
            {
              name: 'year',
              type: 'number',
              required: true,
              validate: year,
              label: l('Năm', 'Year'),
            },
            countField('target', l('Số người', 'People'), { required: true }),
          ],
        },
      ],
    },
    {
      name: 'unitKindNeeds',
      type: 'array',
      labels: { singular: l('Loại đơn vị', 'Unit type'), plural: l('Loại đơn vị', 'Unit types') },
      label: l('Nhu cầu theo loại đơn vị (bình quân mỗi đơn vị)', 'Need per unit, by unit type'),
      admin: {
        description: l(
          'Nhu cầu của một loại đơn vị = số đơn vị đang hoạt động của loại đó (theo danh mục đơn vị) × nhu cầu bình quân mỗi đơn vị.',
          'Need of a unit type = active units of that type × the average need per unit.',
        ),
      },
      fields: [
        {
          type: 'row',
          fields: [
            choiceField('unitKind', l('Loại đơn vị', 'Unit type'), unitKinds, undefined),
            countField('expertsPerUnit', l('Chuyên gia CĐS / đơn vị', 'DX experts per unit')),
            countField(
              'traineesPerUnit',
              l('Bồi dưỡng ngắn hạn / đơn vị', 'Short-course trainees per unit'),
            ),
          ],
        },
      ],
    },
    {
      name: 'typedSubtotals',
      type: 'array',
      labels: { singular: l('Số tổng', 'Subtotal'), plural: l('Số tổng', 'Subtotals') },
      label: l('Số tổng ghi trong văn bản kế hoạch', 'Subtotals as typed in the plan'),
      admin: {
        description: l(
          'Nhập đúng như văn bản để đối chiếu: số nào khác với tổng tính từ các dòng chi tiết sẽ được chỉ ra, không bị từ chối.',
          'As printed, for comparison: a figure that disagrees with the detail rows is shown, not refused.',
        ),
      },
      fields: [
        {
          type: 'row',
          fields: [
            choiceField('row', l('Dòng', 'Row'), planSubtotals, undefined),
            {
              name: 'year',
              type: 'number',
              validate: year,
              label: l('Năm (để trống: cả giai đoạn)', 'Year (empty: whole period)'),
            },
            countField('value', l('Số ghi trong văn bản', 'Typed value'), { required: true }),
          ],
        },
      ],
    },
    // Read-only: the plan's totals computed from the rows above, and typed subtotals that disagree.
    {
      name: 'planCheck',
      type: 'ui',
      admin: { components: { Field: '/admin/campaigns/PlanCheck#PlanCheck' } },
    },
    // Read-only: the plan's tasks by state and by lead unit this year (src/admin/tasks/).
    {
      name: 'taskBoard',
      type: 'ui',
      admin: { components: { Field: '/admin/tasks/CampaignTaskBoard#CampaignTaskBoard' } },
    },
  ],
}

/** The list's search folds Vietnamese (src/fields/listSearch.ts). */
export const Campaigns = withListSearch(config, LIST_SEARCH_SOURCES.campaigns, { vi: 'tên, văn bản kế hoạch', en: 'name, plan reference' })
