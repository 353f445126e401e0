import type { CollectionConfig, Field } from 'payload'
import { crossUnit } from '@/access/crossUnit'
import { loggedIn } from '@/access/loggedIn'
import { choiceField } from '@/fields/choice'
import { l, type Label } from '@/lib/i18n'
import {
  IndicatorKind,
  indicatorKinds,
  metrics,
  OperandSource,
  operandSources,
  unitKinds,
} from '@/vocabulary'
import { checkIndicator } from './hooks/checkIndicator'
import { refreshFactsAfterChange, refreshFactsAfterDelete } from './hooks/refreshFacts'

/** One side of the division: an entered data element or a rollup measure (read as the reports page does). */
const operand = (name: string, label: Label): Field => ({
  name,
  type: 'group',
  label,
  fields: [
    {
      type: 'row',
      fields: [
        choiceField('source', l('Nguồn', 'Source'), operandSources, OperandSource.Element, {
          width: '30%',
        }),
        {
          name: 'element',
          type: 'relationship',
          relationTo: 'data-elements',
          label: l('Trường số liệu nhập', 'Data element'),
          admin: {
            width: '35%',
            condition: (_, sibling) => sibling?.source !== OperandSource.Rollup,
          },
        },
        {
          name: 'measure',
          type: 'select',
          options: metrics.options,
          label: l('Chỉ số tổng hợp', 'Rollup measure'),
          admin: {
            width: '35%',
            condition: (_, sibling) => sibling?.source === OperandSource.Rollup,
          },
        },
      ],
    },
  ],
})

const year = { type: 'number' as const, required: true, min: 2000, max: 2100 }

/**
 * The catalogue of awareness indicators (issue 22): the plans' targets as shares with a denominator.
 * Admins and campaign managers edit it. A group's value is Σ numerators ÷ Σ denominators over the
 * units that reported both (src/reporting/indicators); with `weight`, a survey's shares combine
 * weighted by that element (the working-age population). Targets belong to a plan (campaign):
 * its target years and, where the plan states them, yearly values; the path between is linear.
 */
export const Indicators: CollectionConfig<'indicators'> = {
  slug: 'indicators',
  labels: { singular: l('Chỉ tiêu', 'Indicator'), plural: l('Chỉ tiêu nhận thức', 'Indicators') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['code', 'name', 'kind', 'unitKinds'],
    group: l('Chỉ tiêu nhận thức', 'Awareness indicators'),
  },
  access: { read: loggedIn, create: crossUnit, update: crossUnit, delete: crossUnit },
  hooks: {
    beforeChange: [checkIndicator],
    afterChange: [refreshFactsAfterChange],
    afterDelete: [refreshFactsAfterDelete],
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'code',
          type: 'text',
          required: true,
          unique: true,
          maxLength: 40,
          label: l('Mã', 'Code'),
          admin: { width: '20%' },
        },
        {
          name: 'name',
          type: 'text',
          required: true,
          maxLength: 300,
          label: l('Tên', 'Name (Vietnamese)'),
          admin: { width: '40%' },
        },
        {
          name: 'nameEn',
          type: 'text',
          maxLength: 300,
          label: l('Tên tiếng Anh', 'Name (English)'),
          admin: { width: '40%' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        choiceField('kind', l('Loại', 'Kind'), indicatorKinds, IndicatorKind.Percentage, {
          width: '25%',
        }),
        {
          name: 'factor',
          type: 'number',
          min: 1,
          defaultValue: 1000,
          label: l('Tính trên (tỷ suất)', 'Per (rate)'),
          admin: {
            width: '25%',
            condition: (data) => data?.kind === IndicatorKind.Rate,
          },
        },
        {
          name: 'decimals',
          type: 'number',
          min: 0,
          max: 4,
          defaultValue: 1,
          label: l('Số chữ số thập phân', 'Decimal places'),
          admin: { width: '25%' },
        },
        {
          name: 'higherIsBetter',
          type: 'checkbox',
          defaultValue: true,
          label: l('Càng cao càng tốt', 'Higher is better'),
          admin: { width: '25%' },
        },
      ],
    },
    operand('numerator', l('Tử số', 'Numerator')),
    operand('denominator', l('Mẫu số', 'Denominator')),
    {
      name: 'weight',
      type: 'relationship',
      relationTo: 'data-elements',
      label: l('Gia quyền theo (ước tính từ khảo sát)', 'Weighted by (survey estimates)'),
      admin: {
        description: l(
          'Với chỉ tiêu ước tính bằng khảo sát: tỷ lệ của các đơn vị được gộp theo trọng số này (dân số trong độ tuổi lao động).',
          'For survey estimates: units’ shares combine weighted by this (working-age population).',
        ),
      },
    },
    {
      name: 'unitKinds',
      type: 'select',
      hasMany: true,
      required: true,
      options: unitKinds.options,
      label: l('Loại đơn vị báo cáo', 'Reporting unit kinds'),
    },
    {
      name: 'seedRef',
      type: 'text',
      maxLength: 300,
      label: l('Căn cứ (văn bản kế hoạch)', 'Seed reference'),
    },
    { name: 'sortOrder', type: 'number', defaultValue: 0, label: l('Thứ tự', 'Order') },
    {
      name: 'targets',
      type: 'array',
      label: l('Chỉ tiêu theo kế hoạch', 'Targets of the plans'),
      labels: { singular: l('Mốc chỉ tiêu', 'Target'), plural: l('Mốc chỉ tiêu', 'Targets') },
      admin: {
        description: l(
          'Các năm mục tiêu của kế hoạch (2025, 2030) và, nếu kế hoạch ghi, giá trị từng năm; giữa các mốc, lộ trình tính tuyến tính. Để trống loại đơn vị nếu chỉ tiêu chung cho mọi đơn vị.',
          'The plan’s target years and any yearly values; linear between. Empty unit kind: for all.',
        ),
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'campaign',
              type: 'relationship',
              relationTo: 'campaigns',
              required: true,
              label: l('Kế hoạch', 'Plan'),
              admin: { width: '35%' },
            },
            {
              name: 'unitKind',
              type: 'select',
              options: unitKinds.options,
              label: l('Loại đơn vị', 'Unit kind'),
              admin: { width: '25%' },
            },
            { name: 'year', ...year, label: l('Năm', 'Year'), admin: { width: '20%' } },
            {
              name: 'value',
              type: 'number',
              required: true,
              min: 0,
              label: l('Giá trị', 'Value'),
              admin: { width: '20%' },
            },
          ],
        },
      ],
    },
  ],
}
