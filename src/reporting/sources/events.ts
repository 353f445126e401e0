import { sql } from '@payloadcms/db-sqlite'
import { AUDIENCE_METRICS, ContentKind, EventStatus, Metric, RollupSource } from '@/vocabulary'
import { hasMonthly, mongoInWindow, mongoMonth, sqlInWindow, sqlMonth } from '../window'
import { factSelect, monthOf, t, unionAll, sameFacts } from './facts'
import { arrayOf, mongoFact } from './mongo'
import type { RollupSourceModule } from './types'

const KIND = ContentKind.Events

/** Each measure of a held event and where its value comes from (SQLite column, MongoDB field). */
const MEASURES = [
  { metric: Metric.EventsHeld, column: null, field: null },
  { metric: Metric.Participants, column: 'actual_participants', field: 'actualParticipants' },
  ...AUDIENCE_METRICS.map((a) => ({
    metric: a.metric,
    column: a.column,
    field: `audience.${a.field}`,
  })),
]

/**
 * Events held (status held, month of startsAt, whatever their draft state) and their participants:
 * the actual total and each audience group. A figure nobody entered is left out, not counted as 0.
 */
export const eventsSource: RollupSourceModule = {
  name: RollupSource.Events,
  metrics: MEASURES.map((m) => m.metric),
  sqliteFacts: (w) => {
    if (!hasMonthly(w)) return null
    return sameFacts(
      unionAll(
        MEASURES.map(({ metric, column }) => {
          const value = column ? t(column) : sql`1`
          const select = factSelect({
            month: sqlMonth(sql`e.starts_at`),
            metric,
            value,
            unit: sql`e.owner_unit_id`,
            content_type: KIND,
            ref_kind: KIND,
            ref_id: sql`e.id`,
            campaigns_from_ref: 1,
          })
          return sql`SELECT ${select} FROM events e WHERE e.status = ${EventStatus.Held} AND ${sqlInWindow(sql`e.starts_at`, w)}${column ? sql` AND ${value} IS NOT NULL` : sql``}`
        }),
      ),
    )
  },
  mongoFacts: (w) => {
    if (!hasMonthly(w)) return []
    return MEASURES.map(({ metric, field }) => ({
      collection: KIND,
      pipeline: [
        {
          $match: {
            status: EventStatus.Held,
            ...mongoInWindow('startsAt', w),
            ...(field ? { [field]: { $ne: null } } : {}),
          },
        },
        mongoFact({
          month: mongoMonth('startsAt'),
          metric,
          value: field ? `$${field}` : { $literal: 1 },
          unit: '$ownerUnit',
          contentType: KIND,
          campaigns: arrayOf('campaigns'),
          topics: arrayOf('topics'),
        }),
      ],
    }))
  },
  watches: [{ collection: KIND, months: (doc) => monthOf(doc.startsAt) }],
}
