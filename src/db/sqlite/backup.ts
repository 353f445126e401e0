import { createClient } from '@libsql/client'
import type { Payload } from 'payload'
import { databaseUri } from '@/lib/env'
import type { BackupOps } from '../types'

/**
 * SQLite: `VACUUM INTO` on a connection of its own (one read transaction, so writers carry on and
 * the copy is one moment, never a file being written), then the counts read from the copy itself
 * (not the live database, which moved on).
 */
export const sqliteBackup = (payload: Payload): BackupOps => ({
  async copyTo(file) {
    const live = createClient({ url: databaseUri() })
    try {
      await live.execute('PRAGMA busy_timeout = 30000')
      await live.execute({ sql: 'VACUUM INTO ?', args: [file] })
    } finally {
      live.close()
    }
    return readCopy(payload, file)
  },
})

/** Counts per collection and the last migration, read from the copy. */
async function readCopy(payload: Payload, file: string) {
  const tables = (payload.db as unknown as { tableNameMap: Map<string, string> }).tableNameMap
  const copy = createClient({ url: `file:${file}` })
  try {
    const counts: Record<string, number> = {}
    for (const { slug } of payload.config.collections) {
      const table = tables.get(slug.replace(/-/g, '_')) ?? slug.replace(/-/g, '_')
      const rows = await copy.execute(`SELECT count(*) AS n FROM "${table}"`)
      counts[slug] = Number(rows.rows[0].n)
    }
    const last = await copy.execute(
      "SELECT name FROM payload_migrations WHERE name <> 'dev' ORDER BY name DESC LIMIT 1",
    )
    return { counts, migration: last.rows[0] ? String(last.rows[0].name) : null }
  } finally {
    copy.close()
  }
}
