import type { Payload } from 'payload'
import { migrations } from '../../migrations'

type Migrating = { migrate?: (args: { migrations: typeof migrations }) => Promise<void>; name?: string }

const isSqlite = (payload: Payload) => payload.db.name === 'sqlite'

/** Applies pending SQLite migrations (MongoDB needs none for this schema). Idempotent. */
export async function applyMigrations(payload: Payload): Promise<void> {
  if (!isSqlite(payload)) return
  await (payload.db as unknown as Migrating).migrate!({ migrations })
}

/** Names of committed migrations not yet recorded in the database; throws when the database is unreachable. */
export async function pendingMigrations(payload: Payload): Promise<string[]> {
  if (!isSqlite(payload)) {
    await payload.count({ collection: 'units', overrideAccess: true })
    return []
  }
  const applied = await payload.find({ collection: 'payload-migrations', limit: 0, pagination: false, depth: 0, overrideAccess: true })
  const names = new Set(applied.docs.map((d) => (d as { name?: string }).name))
  return migrations.map((m) => m.name).filter((n) => !names.has(n))
}
