import type { CollectionSlug, Payload, PayloadRequest } from 'payload'
import type { Metric, RollupSource } from '@/vocabulary'
import type { SQL, Window } from '../window'

/**
 * One fact: one counted item for one measure, with its dimensions. Sources only produce facts; the
 * engine groups them into the three cell families, the same way for every source.
 *
 * SQLite columns of the temporary fact table, in this order:
 *   month, metric, value, unit, content_type, channel, channel_kind,
 *   campaign      the fact's own single campaign (a publication's), or NULL
 *   ref_kind, ref_id  the content item whose topics (and, with campaigns_from_ref = 1, campaigns) apply
 *   campaigns_from_ref
 * MongoDB fact documents: { month, metric, value, unit, contentType, channel, channelKind, campaigns: [], topics: [] }.
 */
export const FACT_COLUMNS = [
  'month',
  'metric',
  'value',
  'unit',
  'content_type',
  'channel',
  'channel_kind',
  'campaign',
  'ref_kind',
  'ref_id',
  'campaigns_from_ref',
] as const
export type FactColumn = (typeof FACT_COLUMNS)[number]

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
  /** SQLite: one SELECT yielding FACT_COLUMNS for the window, or null when the window has nothing for it. */
  sqliteFacts: (w: Window) => SQL | null
  /** MongoDB: aggregation pipelines yielding fact documents for the window. */
  mongoFacts: (w: Window, names: MongoNames) => MongoFacts[]
  /** Collections whose changes make this source's months stale. */
  watches: Watch[]
}
