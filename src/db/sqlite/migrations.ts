import fs from 'node:fs'
import path from 'node:path'
import lockfile from 'proper-lockfile'
import type { Payload } from 'payload'
import { migrations } from '../../../migrations'
import { databaseUri } from '@/lib/env'
import type { MigrationOps } from '../types'

type Migrating = { migrate: (args: { migrations: typeof migrations }) => Promise<void> }

/**
 * The committed migrations. The web server and any number of workers may start at once on a fresh
 * database, so the migration runs under a lock file beside the database: one process migrates,
 * the others wait and find nothing to do.
 */
export const sqliteMigrations = (payload: Payload): MigrationOps => ({
  async apply() {
    const dbFile = path.resolve(databaseUri().slice('file:'.length))
    const lockTarget = `${dbFile}.migrate`
    fs.closeSync(fs.openSync(lockTarget, 'a'))
    const release = await lockfile.lock(lockTarget, {
      retries: { retries: 120, minTimeout: 250, maxTimeout: 1000 },
      stale: 30_000,
    })
    try {
      await (payload.db as unknown as Migrating).migrate({ migrations })
    } finally {
      await release()
    }
  },
  async pending() {
    const applied = await payload.find({
      collection: 'payload-migrations',
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    const names = new Set(applied.docs.map((d) => (d as { name?: string }).name))
    return migrations.map((m) => m.name).filter((n) => !names.has(n))
  },
})
