import { sql } from '@payloadcms/db-sqlite'
import {
  Metric,
  RollupSource,
  TRAINEE_PROGRAMME_METRICS,
  TRAINEE_PROGRAMME_PREFIX,
  TRAINEE_UNIT_KIND_METRICS,
  TRAINEE_UNIT_KIND_PREFIX,
  TrainingStatus,
} from '@/vocabulary'
import {
  hasMonthly,
  mongoInWindow,
  mongoMonth,
  sqlInWindow,
  sqlMonth,
  type Window,
} from '../window'
import { factSelect, monthOf, t, unionAll, sameFacts } from './facts'
import { mongoFact, oneOf } from './mongo'
import type { MongoFacts, RollupSourceModule } from './types'

/** The two breakdowns of a course's trainee rows: the row's column / field and the prefix of its measures. */
const BREAKDOWNS = [
  { column: 'programme', field: 'programme', prefix: TRAINEE_PROGRAMME_PREFIX },
  { column: 'unit_kind', field: 'unitKind', prefix: TRAINEE_UNIT_KIND_PREFIX },
] as const

const held = (w: Window) =>
  sql`tr.status = ${TrainingStatus.Held} AND ${sqlInWindow(sql`tr.starts_on`, w)}`
/** A course's own dimensions: the month it starts (local), its organiser unit and its campaign; no type, channel or topic. */
const dims = {
  month: sqlMonth(sql`tr.starts_on`),
  unit: sql`tr.owner_unit_id`,
  campaign: sql`tr.campaign_id`,
}

const mongoHeld = (
  w: Window,
  stages: Record<string, unknown>[],
  f: { metric: unknown; value: unknown },
): MongoFacts => ({
  collection: 'trainings',
  pipeline: [
    { $match: { status: TrainingStatus.Held, ...mongoInWindow('startsOn', w) } },
    ...stages,
    mongoFact({
      month: mongoMonth('startsOn'),
      metric: f.metric,
      value: f.value,
      unit: '$ownerUnit',
      campaigns: oneOf('campaign'),
    }),
  ],
})

/**
 * Training courses held (status held, month of startsOn in Vietnam time; unit = the organiser,
 * campaign = the course's campaign) and their trainees: the course's total and its trainee rows by
 * programme and by the trainees' unit type, as `trainees-programme-<programme>` and
 * `trainees-unit-kind-<kind>` (src/vocabulary/metrics.ts). A total nobody entered is left out.
 */
export const trainingsSource: RollupSourceModule = {
  name: RollupSource.Trainings,
  metrics: [
    Metric.TrainingsHeld,
    Metric.Trainees,
    ...TRAINEE_PROGRAMME_METRICS,
    ...TRAINEE_UNIT_KIND_METRICS,
  ],
  sqliteFacts: (w) => {
    if (!hasMonthly(w)) return null
    return sameFacts(
      unionAll([
        sql`SELECT ${factSelect({ ...dims, metric: Metric.TrainingsHeld, value: 1 })} FROM trainings tr WHERE ${held(w)}`,
        sql`SELECT ${factSelect({ ...dims, metric: Metric.Trainees, value: sql`tr.total_trainees` })} FROM trainings tr WHERE ${held(w)} AND tr.total_trainees IS NOT NULL`,
        ...BREAKDOWNS.map(
          ({
            column,
            prefix,
          }) => sql`SELECT ${factSelect({ ...dims, metric: sql`${prefix} || r.${t(column)}`, value: sql`r.count` })}
          FROM trainings_trainees r JOIN trainings tr ON tr.id = r._parent_id WHERE ${held(w)} AND r.${t(column)} IS NOT NULL`,
        ),
      ]),
    )
  },
  mongoFacts: (w) => {
    if (!hasMonthly(w)) return []
    return [
      mongoHeld(w, [], { metric: Metric.TrainingsHeld, value: { $literal: 1 } }),
      mongoHeld(w, [{ $match: { totalTrainees: { $ne: null } } }], {
        metric: Metric.Trainees,
        value: '$totalTrainees',
      }),
      ...BREAKDOWNS.map(({ field, prefix }) =>
        mongoHeld(
          w,
          [{ $unwind: '$trainees' }, { $match: { [`trainees.${field}`]: { $ne: null } } }],
          { metric: { $concat: [prefix, `$trainees.${field}`] }, value: '$trainees.count' },
        ),
      ),
    ]
  },
  watches: [{ collection: 'trainings', months: (doc) => monthOf(doc.startsOn) }],
}
