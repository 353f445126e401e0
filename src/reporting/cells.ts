import { Metric } from '@/vocabulary'

/** A cell as the engine and its readers see it (ids as strings, null = all / none). */
export type Cell = {
  year: number
  month: number
  metric: string
  value: number
  campaign: string | null
  unit: string | null
  unitName: string | null
  contentType: string | null
  channel: string | null
  channelKind: string | null
  topic: string | null
}

/** The unique key of a cell: every dimension, empty for none. The SQLite path builds the same string in SQL. */
export const cellKey = (
  c: Pick<
    Cell,
    'year' | 'month' | 'metric' | 'campaign' | 'unit' | 'contentType' | 'channel' | 'topic'
  >,
) =>
  [
    c.year,
    c.month,
    c.metric,
    c.campaign ?? '',
    c.unit ?? '',
    c.contentType ?? '',
    c.channel ?? '',
    c.topic ?? '',
  ].join('|')

/** A cell's value from the sum of its facts: minutes are summed as seconds and shown as minutes (2 decimals). */
export const cellValue = (metric: string, total: number) =>
  metric === Metric.BroadcastMinutes ? Math.round((total / 60) * 100) / 100 : total

/** The three families a cell can belong to; campaign and topic cells never mix. */
export type Family = 'all' | 'campaign' | 'topic'
export const familyOf = (c: Pick<Cell, 'campaign' | 'topic'>): Family =>
  c.campaign ? 'campaign' : c.topic ? 'topic' : 'all'
