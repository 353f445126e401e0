import { CONTENT_KINDS, Metric, type ContentKind } from '@/vocabulary'
import { figureUrl } from './links'
import type { DashCell, Linked, Scope } from './types'

export type MonthRow = {
  month: number
  /** Each content kind's figure for the month and the list of those rows. */
  byType: Record<ContentKind, Linked>
  total: number
}

export type MonthSeries = {
  metric: Metric
  /** The content kinds that have any figure in the year, in vocabulary order (the stacks drawn). */
  types: ContentKind[]
  rows: MonthRow[]
  totals: Record<ContentKind, number>
  total: number
}

/** Months 1-12 of one measure, stacked by content type ("output by month"). */
export function monthByType(
  cells: readonly DashCell[],
  scope: Scope,
  metric: Metric = Metric.ContentPublished,
): MonthSeries {
  const values = Array.from({ length: 13 }, () => new Map<ContentKind, number>())
  for (const c of cells) {
    if (c.metric !== metric || c.month < 1 || c.month > 12 || !c.contentType) continue
    const kind = c.contentType as ContentKind
    values[c.month].set(kind, (values[c.month].get(kind) ?? 0) + c.value)
  }
  const totals = Object.fromEntries(CONTENT_KINDS.map((k) => [k, 0])) as Record<ContentKind, number>
  const rows: MonthRow[] = []
  for (let month = 1; month <= 12; month++) {
    const byType = {} as Record<ContentKind, Linked>
    let total = 0
    for (const kind of CONTENT_KINDS) {
      const value = values[month].get(kind) ?? 0
      byType[kind] = { value, href: figureUrl(scope, { metric, month, contentType: kind }) }
      totals[kind] += value
      total += value
    }
    rows.push({ month, byType, total })
  }
  return {
    metric,
    types: CONTENT_KINDS.filter((k) => totals[k] > 0),
    rows,
    totals,
    total: rows.reduce((n, r) => n + r.total, 0),
  }
}
