import { KPI_MEASURES, KpiState, kpiMetrics, Metric, type KpiMetric } from '@/vocabulary'
import { drillDownUrl } from '../drillDown'
import type { DashCell } from './types'

/**
 * A target's state: `reached` when actual ≥ target; else `on-track` when actual / target is at
 * least the share of the year elapsed (see shareOfYearElapsed), else `behind`.
 */
export function kpiState(actual: number, target: number, share: number): KpiState {
  if (actual >= target) return KpiState.Reached
  return actual / target >= share ? KpiState.OnTrack : KpiState.Behind
}

/** actual / target as a percentage with one decimal; a target of 0 is met by anything (100). */
export const percentOf = (actual: number, target: number) =>
  target > 0 ? Math.round((actual / target) * 1000) / 10 : 100

/** One `kpiTargets` row of a campaign, with the campaign it belongs to. */
export type KpiTarget = {
  campaign: string
  campaignName: string
  metric: KpiMetric
  contentType?: string | null
  channel?: string | null
  channelName?: string | null
  year: number
  target: number
}

export type KpiRow = KpiTarget & {
  label: string
  /** The rollup measure read (null: nothing counts this metric yet). */
  measure: Metric | null
  actual: number | null
  percent: number | null
  /** Null when the figures cover only part of the campaign (one unit): a province target is not judged on one unit's share. */
  state: KpiState | null
  href: string | null
}

/**
 * Progress of each target of the year: the measure KPI_MEASURES names for its metric, summed over
 * the target campaign's own cells (campaign = X, topic = all) and narrowed by the target's content
 * type and channel. `cells` may hold several campaigns' families; each target reads only its own.
 * With `unit`, the cells were read for one unit only: the row shows that unit's contribution and
 * is not judged.
 */
export function kpiProgress(
  targets: readonly KpiTarget[],
  cells: readonly DashCell[],
  share: number,
  options: { unit?: string | null; adminRoute?: string } = {},
): KpiRow[] {
  return targets.map((t) => {
    const label = kpiMetrics.label(t.metric)
    const measure = KPI_MEASURES[t.metric]
    if (!measure)
      return {
        ...t,
        label,
        measure: null,
        actual: null,
        percent: null,
        state: KpiState.NotMeasured,
        href: null,
      }
    const metric = t.channel && measure.withChannel ? measure.withChannel : measure.metric
    const actualRaw = cells.reduce(
      (n, c) =>
        c.campaign === t.campaign &&
        !c.topic &&
        c.year === t.year &&
        c.metric === metric &&
        (!t.contentType || c.contentType === t.contentType) &&
        (!t.channel || c.channel === t.channel)
          ? n + c.value
          : n,
      0,
    )
    const actual = Math.round(actualRaw * 100) / 100
    const href = drillDownUrl(
      {
        year: t.year,
        month: 0,
        metric,
        campaign: t.campaign,
        unit: options.unit ?? null,
        contentType: t.contentType ?? null,
        channel: t.channel ?? null,
        topic: null,
      },
      options.adminRoute,
    )
    return {
      ...t,
      label,
      measure: metric,
      actual,
      percent: percentOf(actual, t.target),
      state: options.unit ? null : kpiState(actual, t.target, share),
      href,
    }
  })
}
