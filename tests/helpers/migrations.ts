import type { Payload } from 'payload'
import { migrations } from '../../migrations'

/** Runs the migrations before `name` (the adapter's own migrate), so a test can write rows in the schema that migration meets. */
export async function migrateBefore(payload: Payload, name: string): Promise<void> {
  const before = migrations.slice(
    0,
    migrations.findIndex((m) => m.name === name),
  )
  await (
    payload.db as unknown as { migrate: (args: { migrations: typeof before }) => Promise<void> }
  ).migrate({ migrations: before })
}
