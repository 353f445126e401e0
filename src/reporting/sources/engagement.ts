import { sql } from '@payloadcms/db-sqlite'
import type { Payload, PayloadRequest } from 'payload'
import { relationId } from '@/lib/relation'
import { ENGAGEMENT_METRICS, PublicationStatus, RollupSource } from '@/vocabulary'
import { hasMonthly, mongoInWindow, mongoMonth, windowRange, type Window } from '../window'
import { monthOf } from './facts'
import { contentTopicsStages, mongoFact, oneOf } from './mongo'
import { FIGURE_FIELDS, pick, publicationGroups, publishedIn } from './publications'
import type { DirtyMark, RollupSourceModule } from './types'

/** The end of the window's year: a publication's figure is its latest observation before it (for the current year: the latest known). */
const yearEnd = (w: Window) => windowRange({ year: w.year, months: null }).to

/** The engagement figures, read from the same rows (see metricSets), and where they are staged. */
const SET = 'set:engagement'
const FIGURES = ENGAGEMENT_METRICS.map((m) => m.column)
const LATEST = 'rollup_stage_latest_observation'

/** The months whose engagement cells a publication's figures land in: its publish month. */
async function publishMonths(
  payload: Payload,
  ids: (string | null)[],
  req: PayloadRequest,
): Promise<DirtyMark[]> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))]
  if (!wanted.length) return []
  const pubs = await payload.find({
    collection: 'publications',
    where: { id: { in: wanted } },
    select: { publishedAt: true },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return pubs.docs.flatMap((p) =>
    monthOf(p.publishedAt).map((m) => ({ ...m, source: RollupSource.Engagement })),
  )
}

/**
 * Reach and engagement: for each published publication, the figures of its latest observation
 * (observedAt, then id) before the end of the year, in the cells of the publication's publish
 * month with its unit, channel, content type, campaign and its content's topics. Views, reach,
 * reactions, shares, comments and watch time (seconds); a figure that observation leaves empty is
 * left out. A publication published in December 2026 and observed again in 2027 keeps its 2026
 * figure in 2026's cells as of 31/12/2026.
 */
export const engagementSource: RollupSourceModule = {
  name: RollupSource.Engagement,
  metrics: ENGAGEMENT_METRICS.map((m) => m.metric),
  metricSets: { [SET]: ENGAGEMENT_METRICS.map((m) => m.metric) },
  // Each publication's latest observation before the year's end, once: the covering index
  // engagement_observations_rollup_latest_idx gives a publication's rows in (time, id) order, and
  // SQLite's max() takes the other columns from the row it picks. Every observation is read in
  // index order, even for some months: starting from their publications instead seeks and sorts,
  // slower in practice (1.2 s against 0.35 s for two months at a million).
  sqliteStage: (w) => [
    sql.raw(
      `CREATE TEMP TABLE IF NOT EXISTS ${LATEST} (publication_id TEXT PRIMARY KEY, ${FIGURES.join(', ')}) WITHOUT ROWID`,
    ),
    sql`INSERT INTO ${sql.raw(LATEST)} SELECT publication_id, ${sql.raw(FIGURES.join(', '))} FROM (
      SELECT o.publication_id, max(o.observed_at || '|' || o.id) AS latest, ${sql.raw(FIGURES.map((f) => `o.${f}`).join(', '))}
      FROM engagement_observations o WHERE o.observed_at < ${yearEnd(w).toISOString()} GROUP BY o.publication_id)`,
  ],
  sqliteFacts: (w) => {
    if (!hasMonthly(w)) return null
    return publicationGroups({
      time: 'published_at',
      where: publishedIn(w),
      join: sql.raw(`CROSS JOIN ${LATEST} o ON o.publication_id = p.id`),
      metric: SET,
      values: FIGURES.map((f) => sql.raw(`SUM(o.${f})`)),
    })
  },
  mongoFacts: (w, names) => {
    if (!hasMonthly(w)) return []
    const head = [
      { $match: { status: PublicationStatus.Published, ...mongoInWindow('publishedAt', w) } },
      {
        $lookup: {
          from: names('engagement-observations'),
          // The join as `let` + `$expr` rather than localField/foreignField beside `pipeline` (same result
          // on MongoDB 5+, and the form mingo, which runs these pipelines in the tests, joins correctly).
          let: { publication: '$_id' },
          as: 'latest',
          pipeline: [
            { $match: { $expr: { $eq: ['$publication', '$$publication'] } } },
            { $match: { observedAt: { $lt: yearEnd(w) } } },
            { $sort: { observedAt: -1, _id: -1 } },
            { $limit: 1 },
          ],
        },
      },
      { $unwind: '$latest' },
    ]
    return ENGAGEMENT_METRICS.map(({ field, metric }) => ({
      collection: 'publications' as const,
      pipeline: [
        ...head,
        { $match: { [`latest.${field}`]: { $ne: null } } },
        ...contentTopicsStages(names),
        mongoFact({
          month: mongoMonth('publishedAt'),
          metric,
          value: `$latest.${field}`,
          unit: '$ownerUnit',
          contentType: '$content.relationTo',
          channel: '$channel',
          channelKind: '$channelKind',
          campaigns: oneOf('campaign'),
          topics: '$contentTopics',
        }),
      ],
    }))
  },
  watches: [
    // A new, corrected or removed observation: its publication's publish month (both publications if it was moved).
    {
      collection: 'engagement-observations',
      months: () => [],
      related: ({ payload, doc, previousDoc, req }) =>
        publishMonths(
          payload,
          [relationId(doc.publication), relationId(previousDoc?.publication)],
          req,
        ),
    },
    // A publication published, unpublished, moved or re-attributed takes its figures along.
    {
      collection: 'publications',
      months: (doc) => monthOf(doc.publishedAt),
      relevant: (doc, prev) =>
        FIGURE_FIELDS.some((f) => JSON.stringify(pick(doc, f)) !== JSON.stringify(pick(prev, f))),
    },
  ],
}
