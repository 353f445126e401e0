import { sql } from '@payloadcms/db-sqlite'
import {
  AUDIENCE_METRICS,
  ContentKind,
  EventStatus,
  Metric,
  ParticipantsSource,
  RollupSource,
  type AudienceGroup,
} from '@/vocabulary'
import { checkInMonths } from '@/checkIn/rollup'
import { hasMonthly, mongoInWindow, mongoMonth, sqlInWindow, sqlMonth } from '../window'
import { factSelect, monthOf, t, unionAll, sameFacts } from './facts'
import { arrayOf, mongoFact } from './mongo'
import type { RollupSourceModule } from './types'

const KIND = ContentKind.Events

/** Each measure of a held event and where its value comes from (SQLite column, MongoDB field). */
const MEASURES: {
  metric: Metric
  column: string | null
  field: string | null
  /** The check-ins counted instead when the organiser chose them: all (null) or one group's. */
  group?: AudienceGroup | null
}[] = [
  { metric: Metric.EventsHeld, column: null, field: null },
  {
    metric: Metric.Participants,
    column: 'actual_participants',
    field: 'actualParticipants',
    group: null,
  },
  ...AUDIENCE_METRICS.map((a) => ({
    metric: a.metric,
    column: a.column,
    field: `audience.${a.field}`,
    group: a.field,
  })),
]

const CHECK_IN = ParticipantsSource.CheckIn

/** SQLite: the hand-entered column, or the event's check-ins when the organiser chose them. */
const sqlParticipants = (column: string, group: AudienceGroup | null | undefined) =>
  sql`CASE WHEN e.check_in_participants_source = ${CHECK_IN} THEN (SELECT count(*) FROM event_check_ins c WHERE c.event_id = e.id${group ? sql` AND c.audience_group = ${group}` : sql``}) ELSE e.${t(column)} END`

/** MongoDB: the same choice over the check-ins joined as `_checkIns`. */
const mongoParticipants = (field: string, group: AudienceGroup | null | undefined) => ({
  $cond: [
    { $eq: ['$checkIn.participantsSource', CHECK_IN] },
    {
      $size: group
        ? { $filter: { input: '$_checkIns', cond: { $eq: ['$$this.audienceGroup', group] } } }
        : '$_checkIns',
    },
    `$${field}`,
  ],
})

/**
 * Events held (status held, month of startsAt, whatever their draft state) and their participants:
 * the actual total and each audience group, typed in or, where the organiser chose them
 * (checkIn.participantsSource), counted from the event's check-ins. A figure nobody entered is
 * left out, not counted as 0.
 */
export const eventsSource: RollupSourceModule = {
  name: RollupSource.Events,
  metrics: MEASURES.map((m) => m.metric),
  sqliteFacts: (w) => {
    if (!hasMonthly(w)) return null
    return sameFacts(
      unionAll(
        MEASURES.map(({ metric, column, group }) => {
          const value = column ? sqlParticipants(column, group) : sql`1`
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
  mongoFacts: (w, names) => {
    if (!hasMonthly(w)) return []
    return MEASURES.map(({ metric, field, group }) => ({
      collection: KIND,
      pipeline: [
        {
          $match: {
            status: EventStatus.Held,
            ...mongoInWindow('startsAt', w),
            ...(field
              ? { $or: [{ [field]: { $ne: null } }, { 'checkIn.participantsSource': CHECK_IN }] }
              : {}),
          },
        },
        ...(field
          ? [
              {
                $lookup: {
                  from: names('event-check-ins'),
                  localField: '_id',
                  foreignField: 'event',
                  as: '_checkIns',
                },
              },
            ]
          : []),
        mongoFact({
          month: mongoMonth('startsAt'),
          metric,
          value: field ? mongoParticipants(field, group) : { $literal: 1 },
          unit: '$ownerUnit',
          contentType: KIND,
          campaigns: arrayOf('campaigns'),
          topics: arrayOf('topics'),
        }),
      ],
    }))
  },
  watches: [
    { collection: KIND, months: (doc) => monthOf(doc.startsAt) },
    // A check-in counts only in an event whose organiser chose the check-ins (src/checkIn/rollup.ts).
    { collection: 'event-check-ins', months: () => [], related: checkInMonths },
  ],
}
