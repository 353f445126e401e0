import { Metric } from '@/vocabulary'
import { figureUrl } from './links'
import type { DashCell, Linked, Scope } from './types'

/** The measures shown per channel, in column order. */
export const CHANNEL_METRICS = [
  Metric.PublicationsPublished,
  Metric.BroadcastsAired,
  Metric.BroadcastMinutes,
] as const
export type ChannelMetric = (typeof CHANNEL_METRICS)[number]

export type ChannelRow = {
  channel: string
  name: string
  kind: string | null
  figures: Record<ChannelMetric, Linked>
}

/**
 * The year per channel: publications published, broadcasts aired and minutes. Cells carry the
 * channel's id and kind; `names` (read from the channels collection) gives its name now, and a
 * channel since deleted is still listed under a placeholder. Most publications first.
 */
export function byChannel(
  cells: readonly DashCell[],
  scope: Scope,
  names: ReadonlyMap<string, string>,
): ChannelRow[] {
  const rows = new Map<string, ChannelRow>()
  for (const c of cells) {
    if (!c.channel || !(CHANNEL_METRICS as readonly string[]).includes(c.metric)) continue
    let row = rows.get(c.channel)
    if (!row) {
      const channel = c.channel
      const figures = Object.fromEntries(
        CHANNEL_METRICS.map((metric) => [
          metric,
          { value: 0, href: figureUrl(scope, { metric, channel }) },
        ]),
      ) as ChannelRow['figures']
      row = {
        channel,
        name: names.get(channel) ?? `Kênh đã xóa (${channel.slice(0, 8)})`,
        kind: c.channelKind,
        figures,
      }
      rows.set(channel, row)
    }
    row.figures[c.metric as ChannelMetric].value += c.value
  }
  for (const row of rows.values())
    row.figures[Metric.BroadcastMinutes].value =
      Math.round(row.figures[Metric.BroadcastMinutes].value * 100) / 100
  return [...rows.values()].sort(
    (a, b) =>
      b.figures[Metric.PublicationsPublished].value -
        a.figures[Metric.PublicationsPublished].value || a.name.localeCompare(b.name, 'vi'),
  )
}
