import { sql } from '@payloadcms/db-sqlite'
import {
  AiringStatus,
  BROADCAST_KINDS,
  ENGAGEMENT_METRICS,
  Metric,
  PublicationStatus,
  RollupSource,
} from '@/vocabulary'
import {
  hasMonthly,
  mongoInWindow,
  sqlYearMonth,
  sqlYearMonthInWindow,
  type SQL,
  type Window,
} from '../window'
import { relationId } from '@/lib/relation'
import {
  ENGAGEMENT_SUMS,
  LATEST_OBSERVATION_JOIN,
  engagementMongoFacts,
  latestObservationStage,
  observationWatch,
} from './engagement'
import { factSelect, monthOf, unionAll } from './facts'
import { contentTopicsStages, publicationFact } from './mongo'
import type { MongoNames, RollupSourceModule, SqliteFacts } from './types'

/** The fields whose change moves a publication's figures. */
export const FIGURE_FIELDS = [
  'status',
  'publishedAt',
  'scheduledAt',
  'airing.status',
  'airing.actualDurationSeconds',
  'channel',
  'channelKind',
  'campaign',
  'ownerUnit',
  'content',
]
export const pick = (doc: Record<string, any>, path: string) => {
  const v = path.split('.').reduce<any>((o, k) => o?.[k], doc)
  return v && typeof v === 'object' && 'id' in v
    ? v.id
    : v && typeof v === 'object' && 'value' in v
      ? relationId(v.value)
      : (v ?? null)
}

/** Measures read from the same rows (see metricSets): publications published with their engagement, broadcasts aired with their minutes. */
const PUBLISHED = 'set:published'
const AIRED = 'set:broadcasts-aired'
const ENGAGEMENT = ENGAGEMENT_METRICS.map((m) => m.metric)

const broadcastKinds = sql.join(
  BROADCAST_KINDS.map((k) => sql`${k}`),
  sql`, `,
)

/**
 * The two groupings of a set of publications (`where`: a status and the window on the local month
 * of `time`), each in the order of one of the indexes the migration 20261126_*_publication_content_ref
 * made for it, so SQLite reads them already grouped: by the cell's own dimensions (channel, kind,
 * campaign, type), and by content item (for its topics). `values` are the sums each group carries
 * for `metric` (a measure, or a set of them: see metricSets).
 */
export function publicationGroups(args: {
  time: 'published_at' | 'scheduled_at'
  where: SQL
  metric: string
  values: SQL[]
  /** Tables joined after `publications p` (e.g. its latest observation). */
  join?: SQL
}): SqliteFacts {
  const { time, where, metric, values, join = sql`` } = args
  const ym = sqlYearMonth(time)
  const sums = sql.join(
    values.map((v, i) => sql`${v} AS v${sql.raw(String(i))}`),
    sql`, `,
  )
  const sumsOf = values.map((_, i) => sql.raw(`g.v${i}`))
  const grouped = (select: SQL, dims: SQL, facts: Parameters<typeof factSelect>[0]) =>
    sql`SELECT ${factSelect({ month: sql`g.ym % 100`, metric, values: sumsOf, ...facts })}
      FROM (SELECT ${ym} AS ym, ${select}, ${sums} FROM publications p ${join} WHERE ${where} GROUP BY ${ym}, ${dims}) g`
  return {
    cells: grouped(
      sql`p.owner_unit_id AS unit, p.channel_id AS channel, p.channel_kind AS channel_kind, p.campaign_id AS campaign, p.content_kind AS kind`,
      sql`p.owner_unit_id, p.channel_id, p.channel_kind, p.campaign_id, p.content_kind`,
      {
        unit: sql`g.unit`,
        content_type: sql`g.kind`,
        channel: sql`g.channel`,
        channel_kind: sql`g.channel_kind`,
        campaign: sql`g.campaign`,
      },
    ),
    byContent: grouped(
      sql`p.content_kind AS kind, p.content_id AS content, p.owner_unit_id AS unit`,
      sql`p.content_kind, p.content_id, p.owner_unit_id`,
      {
        unit: sql`g.unit`,
        content_type: sql`g.kind`,
        ref_kind: sql`g.kind`,
        ref_id: sql`g.content`,
      },
    ),
  }
}

/**
 * The rows of the rollup's partial indexes (migration *_publication_lean_indexes): literal text, not
 * bound values, because SQLite uses a partial index only when the query's WHERE names its very terms.
 */
const PUBLISHED_ROWS = sql.raw(`p.status = '${PublicationStatus.Published}'`)
const AIRED_ROWS = sql.raw(`p.airing_status = '${AiringStatus.Aired}'`)

/** Published publications of the window (by the local month of their publishedAt). */
export const publishedIn = (w: Window) =>
  sql`${PUBLISHED_ROWS} AND ${sqlYearMonthInWindow('published_at', w)}`

function mongoPublicationFacts(
  w: Window,
  names: MongoNames,
  match: Record<string, unknown>,
  time: string,
  metric: string,
  value: unknown,
) {
  return {
    collection: 'publications' as const,
    pipeline: [
      { $match: { ...match, ...mongoInWindow(time, w) } },
      ...contentTopicsStages(names),
      publicationFact(time, metric, value),
    ],
  }
}

/**
 * Publications published per channel (publication status published, month of its publishedAt;
 * unit = the publication's owner unit, campaign = its campaign, type and topics from its content),
 * with their reach and engagement (sources/engagement.ts), and broadcasts aired on radio, TV and loudspeaker channels (airing confirmed "aired", month of
 * the slot's scheduledAt) with their minutes (actual duration; facts carry seconds, cells minutes).
 * Loudspeaker broadcasts are the cells whose channel kind is loudspeaker.
 */
export const publicationsSource: RollupSourceModule = {
  name: RollupSource.Publications,
  metrics: [
    Metric.PublicationsPublished,
    Metric.BroadcastsAired,
    Metric.BroadcastMinutes,
    ...ENGAGEMENT,
  ],
  metricSets: {
    [PUBLISHED]: [Metric.PublicationsPublished, ...ENGAGEMENT],
    [AIRED]: [Metric.BroadcastsAired, Metric.BroadcastMinutes],
  },
  sqliteStage: (w) => latestObservationStage(w, publishedIn(w)),
  sqliteFacts: (w) => {
    if (!hasMonthly(w)) return null
    const published = publicationGroups({
      time: 'published_at',
      where: publishedIn(w),
      join: LATEST_OBSERVATION_JOIN,
      metric: PUBLISHED,
      values: [sql`COUNT(*)`, ...ENGAGEMENT_SUMS],
    })
    // Broadcast minutes: the seconds of the slots whose actual duration was entered (cells show minutes).
    const aired = publicationGroups({
      time: 'scheduled_at',
      where: sql`${AIRED_ROWS} AND ${sqlYearMonthInWindow('scheduled_at', w)} AND p.channel_kind IN (${broadcastKinds})`,
      metric: AIRED,
      values: [sql`COUNT(*)`, sql`SUM(p.airing_actual_duration_seconds)`],
    })
    return {
      cells: unionAll([published.cells, aired.cells]),
      byContent: unionAll([published.byContent, aired.byContent]),
    }
  },
  mongoFacts: (w, names) => {
    if (!hasMonthly(w)) return []
    const aired = {
      'airing.status': AiringStatus.Aired,
      channelKind: { $in: [...BROADCAST_KINDS] },
    }
    return [
      mongoPublicationFacts(
        w,
        names,
        { status: PublicationStatus.Published },
        'publishedAt',
        Metric.PublicationsPublished,
        { $literal: 1 },
      ),
      mongoPublicationFacts(w, names, aired, 'scheduledAt', Metric.BroadcastsAired, {
        $literal: 1,
      }),
      mongoPublicationFacts(
        w,
        names,
        { ...aired, 'airing.actualDurationSeconds': { $ne: null } },
        'scheduledAt',
        Metric.BroadcastMinutes,
        '$airing.actualDurationSeconds',
      ),
      ...engagementMongoFacts(w, names),
    ]
  },
  watches: [
    {
      collection: 'publications',
      // Both times of both versions: a status, airing or time change moves a publication between months.
      months: (doc) => [...monthOf(doc.publishedAt), ...monthOf(doc.scheduledAt)],
      // The dispatcher saves leases and attempts often; only these fields move a publication's figures.
      relevant: (doc, prev) =>
        FIGURE_FIELDS.some((f) => JSON.stringify(pick(doc, f)) !== JSON.stringify(pick(prev, f))),
    },
    observationWatch,
  ],
}
