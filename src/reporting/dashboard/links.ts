import { WHOLE_YEAR, type Metric } from '@/vocabulary'
import { drillDownUrl } from '../drillDown'
import type { Scope } from './types'

export type LinkDims = {
  metric: Metric
  month?: number
  unit?: string | null
  contentType?: string | null
  channel?: string | null
}

/**
 * The admin list behind a figure: the shared dimensions of the cells it sums (the scope's campaign
 * and unit, plus whatever the figure itself fixes), over the month or (month 0) the whole year.
 */
export const figureUrl = (scope: Scope, d: LinkDims): string =>
  drillDownUrl(
    {
      year: scope.year,
      month: d.month ?? WHOLE_YEAR,
      metric: d.metric,
      campaign: scope.campaign,
      unit: d.unit ?? scope.unit,
      contentType: d.contentType ?? null,
      channel: d.channel ?? null,
      topic: null,
    },
    scope.adminRoute,
  )

/**
 * One more `where[and][n]` condition on a drill-down URL, numbered after the ones it has (for a
 * dimension drillDownUrl does not filter on, such as a publication's channel kind).
 */
export function withCondition(url: string, path: string, operator: string, value: string): string {
  const [base, query = ''] = url.split('?')
  const params = new URLSearchParams(query)
  let next = 0
  for (const key of params.keys()) {
    const m = /^where\[and\]\[(\d+)\]/.exec(key)
    if (m) next = Math.max(next, Number(m[1]) + 1)
  }
  const extra = `${encodeURIComponent(`where[and][${next}][${path}][${operator}]`)}=${encodeURIComponent(value)}`
  return `${base}?${query ? `${query}&` : ''}${extra}`
}
