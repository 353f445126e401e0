import type { CollectionSlug, Payload, PayloadRequest } from 'payload'
import type { Metric, RollupSource } from '@/vocabulary'
import type { SQL, Window } from '../window'

/**
 * One fact: one counted item (or a group of them) for one measure, with its dimensions. Sources only
 * produce facts; the engine groups them into the three cell families, the same way for every source.
 *
 * SQLite columns of the temporary fact tables, in this order:
 *   month, metric, value, unit, content_type, channel, channel_kind,
 *   campaign      the fact's own single campaign (a publication's), or NULL
 *   ref_kind, ref_id  the content item whose topics (and, with campaigns_from_ref = 1, campaigns) apply
 *   campaigns_from_ref
 *   value1 … value6   when `metric` names one of the source's `metricSets`: its further measures'
 *                 values (value is the first), so measures read from the same rows travel as one
 *                 row through the grouping (a row per measure made the families' sorts 6 times longer)
 * MongoDB fact documents: { month, metric, value, unit, contentType, channel, channelKind, campaigns: [], topics: [] }.
 */
export const VALUE_SLOTS = [
  'value',
  'value1',
  'value2',
  'value3',
  'value4',
  'value5',
  'value6',
] as const
export const FACT_COLUMNS = [
  'month',
  'metric',
  'unit',
  'content_type',
  'channel',
  'channel_kind',
  'campaign',
  'ref_kind',
  'ref_id',
  'campaigns_from_ref',
  ...VALUE_SLOTS,
] as const
export type FactColumn = (typeof FACT_COLUMNS)[number]

/**
 * SQLite: the facts of a source as two SELECTs yielding FACT_COLUMNS, each at any grain (the engine
 * sums): `cells` for the (all, all) family and the facts' own campaigns, read without their content
 * reference; `byContent` for what is seen through the content item (its topics and, with
 * campaigns_from_ref = 1, its campaigns), read without channel or own campaign. A small source
 * hands the same SELECT twice (sameFacts); a large one groups each its own way, in the order of an
 * index, so neither needs a sort (publications: by channel and campaign, then by content item).
 */
export type SqliteFacts = { cells: SQL | null; byContent: SQL | null }

/** A month of a year whose figures a change touched. */
export type DirtyMonth = { year: number; month: number }
export type DirtyMark = DirtyMonth & { source: RollupSource }

export type MongoFacts = { collection: CollectionSlug; pipeline: Record<string, unknown>[] }

/** Resolves a collection slug to its MongoDB collection name (for `$lookup`). */
export type MongoNames = (slug: CollectionSlug) => string

export type Watch = {
  collection: CollectionSlug
  /** The months a document of this collection counts in for this source (read from one version of it). */
  months: (doc: Record<string, any>) => DirtyMonth[]
  /** Marks for other sources that depend on this document (e.g. a content item's topics seen through its publications). */
  related?: (args: WatchArgs) => Promise<DirtyMark[]>
  /** Whether an update can change this source's figures at all (default: always); saves that cannot mark nothing. */
  relevant?: (doc: Record<string, any>, previousDoc: Record<string, any>) => boolean
}

export type WatchArgs = {
  payload: Payload
  operation: 'create' | 'update' | 'delete'
  doc: Record<string, any>
  previousDoc?: Record<string, any>
  req: PayloadRequest
}

/**
 * A rollup source: one module per kind of input, listed in sources/index.ts, with its name and
 * measures in src/vocabulary/metrics.ts. (Adding trainings and engagement also took a drill-down
 * case each, and engagement marks from the content hook: a source that reads another collection's
 * dimensions must be marked when those change.)
 */
export interface RollupSourceModule {
  name: RollupSource
  metrics: readonly Metric[]
  /**
   * Several measures carried by one fact row (value, value1, …), under a name of their own in the
   * `metric` column; the engine turns them into a cell per measure at the end.
   */
  metricSets?: Record<string, readonly Metric[]>
  /**
   * SQLite: statements preparing temporary tables the facts read (named rollup_stage_*, dropped
   * by the engine afterwards), e.g. each publication's latest observation, computed once for both
   * groupings instead of once per row in each.
   */
  sqliteStage?: (w: Window) => SQL[]
  /** SQLite: the window's facts (see SqliteFacts), or null when the window has nothing for it. */
  sqliteFacts: (w: Window) => SqliteFacts | null
  /** MongoDB: aggregation pipelines yielding fact documents for the window. */
  mongoFacts: (w: Window, names: MongoNames) => MongoFacts[]
  /** Collections whose changes make this source's months stale. */
  watches: Watch[]
}
