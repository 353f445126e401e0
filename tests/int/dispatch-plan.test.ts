/**
 * The dispatcher's "which of these are still mine" and a claim's read-back find publications by
 * their lease token. Nearly no publication holds one, and after an ANALYZE (an administrator may
 * run one; the bench year does) SQLite's statistics for a full index on the token said each value
 * matched every row, so libsql's SQLite scanned the table at every firing (216 ms at a million
 * publications). The lease indexes hold only claimed rows (migration *_lease_partial_indexes):
 * with 5,000 unclaimed publications and fresh statistics, both queries still seek.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { testPayload } from '../helpers/payload'

type Connection = {
  exec: (sql: string) => void
  prepare: (sql: string) => { all: (...args: unknown[]) => Record<string, unknown>[] }
  close: () => void
}
let payload: Payload
let db: Connection

beforeAll(async () => {
  payload = await testPayload()
  if (!process.env.DATABASE_URI?.startsWith('file:')) return
  const { default: Database } = (await import('libsql')) as unknown as {
    default: new (file: string) => Connection
  }
  db = new Database(process.env.DATABASE_URI.replace(/^file:/, ''))
  // Bare rows (no channel behind them: foreign keys off on this connection only).
  db.exec('PRAGMA foreign_keys = OFF')
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
    INSERT INTO publications (id, channel_id, scheduled_at, status)
    SELECT printf('pub-%05d', i), 'no-channel', '2026-06-01T00:00:00.000Z', 'published' FROM n`)
  db.exec(`UPDATE publications SET lease_owner = 'w1:token', lease_worker = 'w1' WHERE id = 'pub-00001'`)
  db.exec('ANALYZE')
})

describe.runIf(process.env.DATABASE_URI?.startsWith('file:'))('dispatcher lease query plans', () => {
  const plan = (sql: string, ...args: unknown[]) =>
    db
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...args)
      .map((r) => String(r.detail))
      .join(' | ')

  it('finds publications by lease token through the lease index, after ANALYZE', () => {
    expect(payload.db.name).toBe('sqlite')
    expect(plan('SELECT id, status FROM publications WHERE lease_owner IN (?, ?)', 'a', 'b')).toMatch(
      /^SEARCH publications USING INDEX publications_lease_owner_idx \(lease_owner=\?\)/,
    )
    expect(plan('SELECT id FROM publications WHERE lease_owner = ?', 'a')).toMatch(
      /^SEARCH publications USING INDEX publications_lease_owner_idx/,
    )
    expect(plan('SELECT id FROM publications WHERE lease_worker IN (?)', 'w1')).toMatch(
      /^SEARCH publications USING INDEX publications_lease_worker_idx/,
    )
    expect(db.prepare(`SELECT id FROM publications WHERE lease_owner = ?`).all('w1:token')).toEqual([
      { id: 'pub-00001' },
    ])
  })
})
