import { sql } from '@payloadcms/db-sqlite'
import type { Payload, PayloadRequest } from 'payload'
import { relationId } from '@/lib/relation'
import { ENGAGEMENT_METRICS, PublicationStatus, RollupSource } from '@/vocabulary'
import { mongoInWindow, windowRange, type SQL, type Window } from '../window'
import { monthOf } from './facts'
import { contentTopicsStages, publicationFact } from './mongo'
import type { DirtyMark, MongoFacts, MongoNames, Watch } from './types'

/**
 * Reach and engagement, counted with the publications (sources/publications.ts): for each published
 * publication, the figures of its latest observation (observedAt, then id) before the end of the
 * year, in the cells of the publication's publish month with its unit, channel, content type,
 * campaign and its content's topics. Views, reach, reactions, shares, comments and watch time
 * (seconds); a figure that observation leaves empty is left out. A publication published in
 * December 2026 and observed again in 2027 keeps its 2026 figure in 2026's cells as of 31/12/2026.
 * Not a source of its own: its figures ride on the published publications' rows, so SQLite reads
 * those rows once for both (at a million publications a separate pass cost 1.6 s of a rebuild).
 */

/** The end of the window's year: a publication's figure is its latest observation before it (for the current year: the latest known). */
const yearEnd = (w: Window) => windowRange({ year: w.year, months: null }).to

const FIGURES = ENGAGEMENT_METRICS.map((m) => m.column)
const LATEST = 'rollup_stage_latest_observation'

/**
 * SQLite: each publication's latest observation before the year's end, staged once. The covering
 * index engagement_observations_rollup_latest_idx gives a publication's rows in (time, id
 * descending) order, and SQLite's max() takes the other columns from the row it picks: the first
 * row holding the greatest time (a later row only replaces it when strictly greater), so among
 * observations at the same time the one with the greatest id, as MongoDB's sort gives (the tie is
 * tested). For some months, only the observations of the publications published in them are read
 * (seeks into that index).
 */
export function latestObservationStage(w: Window, publishedIn: SQL): SQL[] {
  const only = w.months
    ? sql` AND o.publication_id IN (SELECT p.id FROM publications p WHERE ${publishedIn})`
    : sql``
  return [
    sql.raw(
      `CREATE TEMP TABLE IF NOT EXISTS ${LATEST} (publication_id TEXT PRIMARY KEY, ${FIGURES.join(', ')}) WITHOUT ROWID`,
    ),
    sql`INSERT INTO ${sql.raw(LATEST)} SELECT publication_id, ${sql.raw(FIGURES.join(', '))} FROM (
      SELECT o.publication_id, max(o.observed_at) AS latest, ${sql.raw(FIGURES.map((f) => `o.${f}`).join(', '))}
      FROM engagement_observations o WHERE o.observed_at < ${yearEnd(w).toISOString()}${only} GROUP BY o.publication_id)`,
  ]
}

/** SQLite: the staged figures beside each publication `p` (NULL when it has none: SUM then gives no cell). */
export const LATEST_OBSERVATION_JOIN = sql.raw(`LEFT JOIN ${LATEST} o ON o.publication_id = p.id`)
export const ENGAGEMENT_SUMS: SQL[] = FIGURES.map((f) => sql.raw(`SUM(o.${f})`))

/** MongoDB: one pipeline per figure over the window's published publications and their latest observation. */
export function engagementMongoFacts(w: Window, names: MongoNames): MongoFacts[] {
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
      publicationFact('publishedAt', metric, `$latest.${field}`),
    ],
  }))
}

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
    monthOf(p.publishedAt).map((m) => ({ ...m, source: RollupSource.Publications })),
  )
}

/** A new, corrected or removed observation: its publication's publish month (both publications if it was moved). */
export const observationWatch: Watch = {
  collection: 'engagement-observations',
  months: () => [],
  related: ({ payload, doc, previousDoc, req }) =>
    publishMonths(
      payload,
      [relationId(doc.publication), relationId(previousDoc?.publication)],
      req,
    ),
}
