import {
  ChannelKind,
  CONTENT_KINDS,
  contentKinds,
  DashboardCounter,
  Metric,
  type ContentKind,
} from '@/vocabulary'
import { figureUrl, withCondition } from './links'
import type { DashCell, Linked, Scope } from './types'

export type Counter = Linked & {
  id: DashboardCounter
  /** A breakdown whose parts each have their own list (content lives in one collection per kind). */
  parts?: (Linked & { id: ContentKind; label: string })[]
}

const sum = (cells: readonly DashCell[], keep: (c: DashCell) => boolean) =>
  cells.reduce((n, c) => (keep(c) ? n + c.value : n), 0)
const ofMetric = (metric: Metric) => (c: DashCell) => c.metric === metric
/** Minutes are stored with two decimals; summing them can leave float noise. */
const round2 = (n: number) => Math.round(n * 100) / 100

/**
 * "Năm nay trong nháy mắt": the year's totals over the cells of one family (see dashboardCells).
 * Content published is summed over the four content kinds, which are four admin lists, so the total
 * has no single link and each kind's part links to its own list.
 */
export function yearCounters(cells: readonly DashCell[], scope: Scope): Counter[] {
  const simple = (
    id: DashboardCounter,
    metric: Metric,
    value = sum(cells, ofMetric(metric)),
  ): Counter => ({ id, value, href: figureUrl(scope, { metric }) })
  const parts = CONTENT_KINDS.map((kind) => ({
    id: kind,
    label: contentKinds.label(kind),
    value: sum(cells, (c) => c.metric === Metric.ContentPublished && c.contentType === kind),
    href: figureUrl(scope, { metric: Metric.ContentPublished, contentType: kind }),
  }))
  const loudspeaker = sum(
    cells,
    (c) => c.metric === Metric.BroadcastsAired && c.channelKind === ChannelKind.Loudspeaker,
  )
  return [
    {
      id: DashboardCounter.ContentPublished,
      value: sum(cells, ofMetric(Metric.ContentPublished)),
      href: null,
      parts,
    },
    simple(DashboardCounter.PublicationsPublished, Metric.PublicationsPublished),
    simple(DashboardCounter.BroadcastsAired, Metric.BroadcastsAired),
    simple(
      DashboardCounter.BroadcastMinutes,
      Metric.BroadcastMinutes,
      round2(sum(cells, ofMetric(Metric.BroadcastMinutes))),
    ),
    {
      id: DashboardCounter.LoudspeakerBroadcasts,
      value: loudspeaker,
      // Publications keep their channel's kind, so the aired list narrows to loudspeaker channels.
      href: withCondition(
        figureUrl(scope, { metric: Metric.BroadcastsAired }),
        'channelKind',
        'equals',
        ChannelKind.Loudspeaker,
      ),
    },
    simple(DashboardCounter.EventsHeld, Metric.EventsHeld),
    simple(DashboardCounter.Participants, Metric.Participants),
    simple(DashboardCounter.BudgetPlanned, Metric.BudgetPlanned),
    simple(DashboardCounter.BudgetSpent, Metric.BudgetSpent),
  ]
}
