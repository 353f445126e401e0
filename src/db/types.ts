import type { CollectionSlug, Where } from 'payload'

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
