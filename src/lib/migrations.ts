import type { Payload } from 'payload'
import { dbOps } from '@/db'

/**
 * Applies pending migrations (SQLite; MongoDB needs none for this schema). Idempotent, and safe
 * when several processes start at once on a fresh database (see src/db/sqlite/migrations.ts).
 */
export const applyMigrations = (payload: Payload): Promise<void> => dbOps(payload).migrations.apply()

/** Names of committed migrations not yet recorded in the database; throws when the database is unreachable. */
export const pendingMigrations = (payload: Payload): Promise<string[]> =>
  dbOps(payload).migrations.pending()
