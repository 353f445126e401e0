import { KPI_MEASURES, kpiMetrics, type KpiMetric, type Metric } from '@/vocabulary'
import { relationId } from '@/lib/relation'
import type { KpiTarget } from './kpi'

/** A campaign as the KPI table reads it: its name and its `kpiTargets` rows. */
export type CampaignTargets = {
  id: string | number
  name: string
  kpiTargets?:
    | {
        metric: KpiMetric | string
        year: number
        target: number
        contentType?: string | null
        channel?: unknown
      }[]
    | null
}

/** The campaigns' KPI targets for `year`, one row each, with the channel's name when a target names one. */
export const yearTargets = (
  campaigns: readonly CampaignTargets[],
  year: number,
  channelNames: ReadonlyMap<string, string>,
): KpiTarget[] =>
  campaigns.flatMap((c) =>
    (c.kpiTargets ?? [])
      .filter((t) => t.year === year && kpiMetrics.includes(t.metric))
      .map((t) => {
        const channel = relationId(t.channel)
        return {
          campaign: String(c.id),
          campaignName: c.name,
          metric: t.metric as KpiMetric,
          contentType: t.contentType ?? null,
          channel,
          channelName: channel ? (channelNames.get(channel) ?? null) : null,
          year: t.year,
          target: t.target,
        }
      }),
  )

/** The rollup measures the targets read (the cells to fetch for the KPI table). */
export const measuresOf = (targets: readonly KpiTarget[]): Metric[] => [
  ...new Set(targets.flatMap((t) => Object.values(KPI_MEASURES[t.metric] ?? {}))),
]
