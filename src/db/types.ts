import type { CollectionSlug, PayloadRequest, Where } from 'payload'
import type {
  ClaimedPublication,
  ClaimedRemoval,
  Lease,
  Recorded,
} from '@/dispatch/publication'
import type { FrozenCell, UnitFilter, YearFigures } from '@/reporting/frozen'
import type { FactQuery, Sums, TreeUnit } from '@/reporting/indicators/shapes'
import type { RollupSourceModule } from '@/reporting/sources/types'
import type { Window } from '@/reporting/window'
import type { Metric } from '@/vocabulary'

/**
 * What the application asks of the database beyond Payload's adapter-neutral API: each interface is
 * one area's adapter-specific operations (see README.md). `dbOps(payload)` in index.ts gives the
 * implementation of the configured adapter.
 */
export interface DbOps {
  /** The adapter's name as Payload gives it ('sqlite', 'mongoose'): for display only, never to branch on. */
  readonly name: string
  readonly updates: ConditionalUpdates
  readonly migrations: MigrationOps
  readonly dispatch: DispatchOps
  /** Backups taken by the application (SQLite); null where the database has its own tools (MongoDB: mongodump). */
  readonly backup: BackupOps | null
  readonly rollup: RollupOps
  readonly snapshots: SnapshotOps
  readonly figures: FigureReads
}

/**
 * A conditional update of every row matching `where`, atomic per row: of two workers racing for
 * a row, the one whose update lands first takes it and the other's no longer matches. Leases and
 * the dispatcher's takeovers rest on it.
 */
export interface ConditionalUpdates {
  updateWhere(collection: CollectionSlug, where: Where, data: Record<string, unknown>): Promise<void>
}

/** The schema's migrations: MongoDB needs none for this schema. */
export interface MigrationOps {
  /** Applies the committed migrations not yet applied; idempotent, safe for processes starting together. */
  apply(): Promise<void>
  /** Names of committed migrations not yet applied; throws when the database does not answer. */
  pending(): Promise<string[]>
}

/** What a claim round looks for: due by `horizon`, a dead worker's lease run out by `now`, not on a held channel. */
export type DueQuery = { now: Date; horizon: Date; heldChannels: string[] }

/** The dispatcher's claim loop and the recording of its outcomes (src/dispatch/claim.ts, record.ts). */
export interface DispatchOps {
  /** Up to `look` of each kind of due publication (see `dueArms`), whose content link is written. */
  candidates(args: DueQuery & { look: number }): Promise<{ id: string; nextAttemptAt?: string | null }[]>
  /**
   * Makes `lease` the lease of those of `candidates` that are still due, and returns them; a row
   * taken over from "sending" is marked in doubt (`outcomeUnknown`). Of workers racing for a
   * publication exactly one gets it.
   */
  claim(args: DueQuery & { candidates: string[]; lease: Lease }): Promise<ClaimedPublication[]>
  /** Of these lease tokens' publications, each one's id and status. */
  leased(tokens: string[]): Promise<{ id: string; status: string }[]>
  /**
   * Writes at once what it can of a firing's outcomes (with the site-change mark when one of
   * them is `published`), only where the lease is still theirs; returns those left to be written
   * one by one, and whether the mark was written.
   */
  recordBatch(
    outcomes: Recorded[],
    published: (o: Recorded) => boolean,
  ): Promise<{ left: Recorded[]; marked: boolean }>
  /**
   * Withdrawn publications' removal jobs (collections/Removals): makes `lease` the lease of up to
   * `limit` of those due by `now` ("pending" or "retrying"), or "removing" past their lease (a dead
   * worker's), and returns them. A read first, so a tick with nothing to remove writes nothing.
   * Of workers racing for a job exactly one gets it.
   */
  claimRemovals(args: { now: Date; limit: number; lease: Lease }): Promise<ClaimedRemoval[]>
}

/** The application's backups (src/backup/backup.ts): the database part of one. */
export interface BackupOps {
  /**
   * Copies the running database into `file`, one consistent moment while writers carry on, and
   * reads back from the copy its documents per collection and its last migration.
   */
  copyTo(file: string): Promise<{ counts: Record<string, number>; migration: string | null }>
}

/** The rollup engine's computation (src/reporting/engine.ts). */
export interface RollupOps {
  /**
   * Replaces the window's cells of these sources' measures with freshly computed ones, from the
   * facts each source gives (`sqliteFacts` / `mongoFacts`). With `keepNames` (a past year) a unit
   * keeps the name its cells of that year already carry; `pastNames` are units' names in that year.
   * Returns the number of cells written.
   */
  compute(
    w: Window,
    sources: readonly RollupSourceModule[],
    keepNames: boolean,
    pastNames?: ReadonlyMap<string, string>,
  ): Promise<number>
}

/**
 * A snapshot's frozen cells (src/reporting/snapshot.ts, export/scan.ts): every read in key order,
 * a page at a time, inside the request's transaction when there is one.
 */
export interface SnapshotOps {
  /** The frozen cells, optionally of some units only. */
  cellPages(
    snapshot: string,
    options?: { unit?: UnitFilter; req?: PayloadRequest; pageSize?: number },
  ): AsyncGenerator<FrozenCell[]>
  /** Each frozen cell as JSON.stringify writes a FrozenCell (what the checksum is taken over). */
  jsonPages(snapshot: string, req?: PayloadRequest): AsyncGenerator<string[]>
  /** Copies the year's live cells into the snapshot's frozen cells. */
  copyCells(snapshot: string, year: number, req?: PayloadRequest): Promise<void>
  /** The export's yearly figures (see YearFigures); `onProgress` hears of the cells read. */
  scan(
    snapshot: string,
    unit: UnitFilter,
    onProgress?: (cells: number) => void,
  ): Promise<YearFigures>
}

/**
 * Reads of the figures that the database can answer in one statement: the year's summary
 * (src/reporting/summary.ts), a unit's subtree (subtree.ts), and the indicators' units and sums
 * (indicators/unitsUnder.ts, aggregate.ts). All over the (all campaigns, all topics) family.
 */
export interface FigureReads {
  /** The year's cells summed by month and measure (rows may repeat a month and measure: add them). */
  yearTotals(year: number): Promise<{ month: number; metric: string; total: number }[]>
  /** The year's cells of these units summed by measure. */
  subtreeTotals(year: number, units: string[]): Promise<Map<string, number>>
  /** Every unit, as the indicators' tree reads it. */
  allUnits(req?: PayloadRequest): Promise<TreeUnit[]>
  /** The units' yearly totals of these measures (rows may repeat a unit, year and measure: add them); `units` null: every unit. */
  rollupByUnit(
    measures: readonly Metric[],
    years: readonly number[],
    units: readonly string[] | null,
    req?: PayloadRequest,
  ): Promise<{ unit: string; year: number; metric: string; total: number }[]>
  /**
   * The sums of every indicator and year over the group, keyed `indicator|year`, added up by the
   * database (SQLite: the province's kept by triggers; MongoDB: one pipeline), never unit by unit.
   */
  indicatorSums(q: FactQuery): Promise<Map<string, Sums>>
}
