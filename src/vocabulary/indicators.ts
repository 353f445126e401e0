import { l, vocabulary } from './define'

/**
 * Awareness indicators (issue 22, DHIS2's model): an indicator is numerator ÷ denominator × factor,
 * each side either an entered data element or a rollup measure. A percentage has factor 100, a rate
 * its own factor (per 1,000 people, say), a count no denominator.
 */
export const IndicatorKind = {
  Percentage: 'percentage',
  Count: 'count',
  Rate: 'rate',
} as const
export type IndicatorKind = (typeof IndicatorKind)[keyof typeof IndicatorKind]

export const indicatorKinds = vocabulary<IndicatorKind>({
  percentage: l('Tỷ lệ phần trăm', 'Percentage'),
  count: l('Số lượng', 'Count'),
  rate: l('Tỷ suất', 'Rate'),
})

/** Where a side of an indicator comes from. */
export const OperandSource = {
  Element: 'element',
  Rollup: 'rollup',
} as const
export type OperandSource = (typeof OperandSource)[keyof typeof OperandSource]

export const operandSources = vocabulary<OperandSource>({
  element: l('Số liệu đơn vị nhập', 'Entered data element'),
  rollup: l('Số liệu tổng hợp tự động', 'Rollup measure'),
})

/** How an indicator stands against the plan in a year. */
export const IndicatorStatus = {
  Achieved: 'achieved',
  OnTrack: 'on-track',
  Behind: 'behind',
  NoData: 'no-data',
} as const
export type IndicatorStatus = (typeof IndicatorStatus)[keyof typeof IndicatorStatus]

export const indicatorStatuses = vocabulary<IndicatorStatus>({
  achieved: l('Đã đạt', 'Achieved'),
  'on-track': l('Đúng tiến độ', 'On track'),
  behind: l('Chậm tiến độ', 'Behind'),
  'no-data': l('Chưa có số liệu', 'No data'),
})
