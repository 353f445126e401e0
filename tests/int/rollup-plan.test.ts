/**
 * The rollup's publication and engagement queries read the indexes the migration made for them, in
 * order and alone: SQLite's plan names them as covering (no table row read) and has no temporary
 * B-tree for the GROUP BY (a sort of every publication of the year, which is what made a full
 * rebuild slow at a million). The indexes hold
 * the local month as an expression, so a query written with a different expression (or a bound
 * parameter for "+7 hours") silently falls back to a scan and a sort: this catches that.
 */
import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { engagementSource } from '@/reporting/sources/engagement'
import { publicationsSource } from '@/reporting/sources/publications'
import type { Window } from '@/reporting/window'
import { testPayload } from '../helpers/payload'

type Db = { all: <T>(q: unknown) => Promise<T[]> }
type Client = {
  execute: (q: { sql: string; args: never[] }) => Promise<{ rows: Record<string, unknown>[] }>
}
type Dialect = { sqlToQuery: (q: unknown) => { sql: string; params: unknown[] } }
let payload: Payload
let db: Db
let client: Client
let dialect: Dialect

const plan = async (query: unknown) =>
  (await db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${query}`)).map((r) => r.detail)

beforeAll(async () => {
  payload = await testPayload()
  const adapter = payload.db as unknown as { drizzle: Db & { dialect: Dialect }; client: Client }
  db = adapter.drizzle
  dialect = adapter.drizzle.dialect
  client = adapter.client
})

const windows: [string, Window][] = [
  ['a whole year', { year: 2026, months: null }],
  ['two months', { year: 2026, months: [11, 12] }],
]

describe.each(windows)('rollup query plans, %s', (_, w) => {
  it('publications: both groupings read their index in order, no sort', async () => {
    const facts = publicationsSource.sqliteFacts(w)!
    const cells = await plan(facts.cells)
    const byContent = await plan(facts.byContent)
    expect(cells.join('\n')).toContain('USING COVERING INDEX publications_rollup_published_idx')
    expect(cells.join('\n')).toContain('USING COVERING INDEX publications_rollup_aired_idx')
    expect(byContent.join('\n')).toContain(
      'USING COVERING INDEX publications_rollup_published_content_idx',
    )
    expect(byContent.join('\n')).toContain(
      'USING COVERING INDEX publications_rollup_aired_content_idx',
    )
    for (const detail of [...cells, ...byContent]) expect(detail).not.toMatch(/TEMP B-TREE/)
  })

  it('engagement: the latest observations staged from their index, then the publications in order', async () => {
    // Through the libsql client, whose one connection holds the staged temporary table. (libsql
    // leaves an EXPLAIN's statement open, which keeps the table from being dropped: it stays.)
    const explain = async (query: unknown) => {
      const { sql: text, params } = dialect.sqlToQuery(sql`EXPLAIN QUERY PLAN ${query}`)
      const result = await client.execute({ sql: text, args: params as never[] })
      return result.rows.map((r) => String(r.detail))
    }
    const exec = (query: unknown) => {
      const { sql: text, params } = dialect.sqlToQuery(query)
      return client.execute({ sql: text, args: params as never[] })
    }
    const [create, fill] = engagementSource.sqliteStage!(w)
    await exec(create)
    const stage = (await explain(fill)).join('\n')
    expect(stage).toContain('COVERING INDEX engagement_observations_rollup_latest_idx')
    expect(stage).not.toMatch(/TEMP B-TREE/)
    const facts = engagementSource.sqliteFacts(w)!
    const cells = await explain(facts.cells)
    const byContent = await explain(facts.byContent)
    expect(cells.join('\n')).toContain('USING COVERING INDEX publications_rollup_published_idx')
    expect(byContent.join('\n')).toContain(
      'USING COVERING INDEX publications_rollup_published_content_idx',
    )
    for (const detail of [...cells, ...byContent]) expect(detail).not.toMatch(/TEMP B-TREE/)
  })
})
