import { sql } from '@payloadcms/db-sqlite'
import type { Payload, PayloadRequest } from 'payload'
import { relationId } from '@/lib/relation'
import { ENGAGEMENT_METRICS, PublicationStatus, RollupSource } from '@/vocabulary'
import {
  hasMonthly,
  mongoInWindow,
  mongoMonth,
  sqlInWindow,
  sqlMonth,
  windowRange,
  type Window,
} from '../window'
import { factSelect, monthOf, t } from './facts'
import { contentTopicsStages, mongoFact, oneOf } from './mongo'
import { contentId, contentKind, FIGURE_FIELDS, pick } from './publications'
import type { DirtyMark, RollupSourceModule } from './types'

/** The end of the window's year: a publication's figure is its latest observation before it (for the current year: the latest known). */
const yearEnd = (w: Window) => windowRange({ year: w.year, months: null }).to

/** The measure of each engagement figure and its value in the latest observation `o`, as SQL. */
const metricRows = sql.raw(
  ENGAGEMENT_METRICS.map((m, i) => `SELECT '${m.metric}' AS metric, ${i} AS n`).join(' UNION ALL '),
)
const metricValue = sql.raw(
  `CASE m.n ${ENGAGEMENT_METRICS.map((m, i) => `WHEN ${i} THEN o."${m.column}"`).join(' ')} END`,
)

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
  sqliteFacts: (w) => {
    if (!hasMonthly(w)) return null
    const published = sql`p.status = ${PublicationStatus.Published} AND ${sqlInWindow(sql`p.published_at`, w)}`
    // The latest observation of each publication of the window, numbered once; one fact per figure.
    // Joined rather than IN (…): SQLite then walks the smaller side (the window's publications by the
    // covering index and their observations by publication, or the observations).
    const latest = sql`SELECT o.*, ROW_NUMBER() OVER (PARTITION BY o.publication_id ORDER BY o.observed_at DESC, o.id DESC) AS rn
      FROM engagement_observations o JOIN publications p ON p.id = o.publication_id
      WHERE o.observed_at < ${yearEnd(w).toISOString()} AND ${published}`
    const select = factSelect({
      month: sqlMonth(sql`p.published_at`),
      metric: sql`m.metric`,
      value: metricValue,
      unit: sql`p.owner_unit_id`,
      content_type: contentKind,
      channel: sql`p.channel_id`,
      channel_kind: sql`p.channel_kind`,
      campaign: sql`p.campaign_id`,
      ref_kind: contentKind,
      ref_id: contentId,
    })
    return sql`SELECT ${select} FROM (${latest}) o CROSS JOIN ${t('publications')} p ON p.id = o.publication_id
      LEFT JOIN publications_rels r ON r.parent_id = p.id AND r.path = 'content'
      CROSS JOIN (${metricRows}) m WHERE o.rn = 1 AND ${published} AND ${metricValue} IS NOT NULL`
  },
  mongoFacts: (w, names) => {
    if (!hasMonthly(w)) return []
    const head = [
      { $match: { status: PublicationStatus.Published, ...mongoInWindow('publishedAt', w) } },
      {
        $lookup: {
          from: names('engagement-observations'),
          localField: '_id',
          foreignField: 'publication',
          as: 'latest',
          pipeline: [
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
