import type { Payload, PayloadRequest } from 'payload'
import type { IndicatorStatus } from '@/vocabulary'
import { groupTotals, type IndicatorTotal } from './aggregate'
import { loadCatalogue, type Indicator } from './catalogue'
import { formatIndicator, goalFor, pathValue, statusOf, targetsFor } from './path'
import { allUnits, groupInYear, type TreeUnit } from './unitsUnder'

export type TrendPoint = { year: number; value: number | null; path: number | null }

/** One indicator as the panel, the unit report and the exports show it for a year. */
export type IndicatorRow = IndicatorTotal & {
  code: string
  name: string
  nameEn: string | null
  kind: Indicator['kind']
  decimals: number
  seedRef: string | null
  display: string
  /** This year's point of the path (the target the year is judged on). */
  target: number | null
  /** The plan's goal the year works towards (2025's, then 2030's). */
  goal: { year: number; value: number } | null
  status: IndicatorStatus | null
  trend: TrendPoint[]
}

export type PanelScope = {
  year: number
  /** The unit whose group is shown (it and everything below); null: the province. */
  unit: string | null
  /** The plan whose targets apply; null: the first plan that sets targets for the indicator. */
  campaign: string | null
}

/** The years a trend shows: the plan's stated years and everything between, plus the year in view. */
export function planYears(indicators: readonly Indicator[], campaign: string | null, year: number) {
  const stated = indicators.flatMap((i) => targetsFor(i, campaign, null).map((t) => t.year))
  const from = Math.min(year, ...stated)
  const to = Math.max(year, ...stated)
  return Array.from({ length: to - from + 1 }, (_, i) => from + i)
}

/** Rows for a group's totals (shared by the panel, the unit report and the exports). */
export function indicatorRows(
  indicators: readonly Indicator[],
  totals: readonly IndicatorTotal[],
  scope: { year: number; campaign: string | null; unitKind: TreeUnit['kind'] | null },
): IndicatorRow[] {
  return indicators.map((ind) => {
    const targets = targetsFor(ind, scope.campaign, scope.unitKind)
    const mine = totals.filter((t) => t.indicator === ind.code)
    const now = mine.find((t) => t.year === scope.year)!
    const goal = goalFor(targets, scope.year)
    return {
      ...now,
      code: ind.code,
      name: ind.name,
      nameEn: ind.nameEn,
      kind: ind.kind,
      decimals: ind.decimals,
      seedRef: ind.seedRef,
      display: formatIndicator(ind, now.value),
      target: pathValue(targets, scope.year),
      goal: goal ? { year: goal.year, value: goal.value } : null,
      status: statusOf(ind, now.value, targets, scope.year),
      trend: mine.map((t) => ({ year: t.year, value: t.value, path: pathValue(targets, t.year) })),
    }
  })
}

/**
 * "Chỉ tiêu nhận thức": every indicator over the group for the year, its target and path, status,
 * coverage and trend over the plan's years. Reads the catalogue, the units and the group's sums
 * (one grouped query over the facts, one over the rollup cells), whatever the number of units.
 */
export async function loadIndicatorPanel(
  payload: Payload,
  scope: PanelScope,
  options: { req?: PayloadRequest; portable?: boolean } = {},
): Promise<{ rows: IndicatorRow[]; years: number[]; units: TreeUnit[] }> {
  const [{ indicators }, units] = await Promise.all([
    loadCatalogue(payload, options.req),
    allUnits(payload, options.req),
  ])
  const group = await groupInYear(payload, units, scope.unit, scope.year, options.req)
  const years = planYears(indicators, scope.campaign, scope.year)
  const totals = await groupTotals(payload, indicators, years, units, scope.unit, options)
  const unitKind = scope.unit ? (units.find((u) => u.id === scope.unit)?.kind ?? null) : null
  return {
    rows: indicatorRows(indicators, totals, { ...scope, unitKind }),
    years,
    units: group,
  }
}
