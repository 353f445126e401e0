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
import { publicationsSource } from '@/reporting/sources/publications'
import { SUBTREE_TOTALS_SQL } from '@/db/sqlite/figures'
import type { Window } from '@/reporting/window'
import { testPayload } from '../helpers/payload'

type Client = {
  execute: (q: { sql: string; args: never[] }) => Promise<{ rows: Record<string, unknown>[] }>
}
type Dialect = { sqlToQuery: (q: unknown) => { sql: string; params: unknown[] } }
let payload: Payload
let client: Client
let dialect: Dialect

beforeAll(async () => {
  payload = await testPayload()
  const adapter = payload.db as unknown as { drizzle: { dialect: Dialect }; client: Client }
  dialect = adapter.drizzle.dialect
  client = adapter.client
})

const windows: [string, Window][] = [
  ['a whole year', { year: 2026, months: null }],
  ['two months', { year: 2026, months: [11, 12] }],
]

describe.each(windows)('rollup query plans, %s', (_, w) => {
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

  it('publications: the latest observations staged from their index, then both groupings read their index in order, no sort', async () => {
    const [create, fill] = publicationsSource.sqliteStage!(w)
    await exec(create)
    const stage = (await explain(fill)).join('\n')
    expect(stage).toContain('COVERING INDEX engagement_observations_rollup_latest_idx')
    // For some months, only the observations of the publications published in them (seeks).
    if (w.months)
      expect(stage).toContain('USING COVERING INDEX publications_rollup_published_content_idx')
    expect(stage).not.toMatch(/TEMP B-TREE/)
    const facts = publicationsSource.sqliteFacts(w)!
    const cells = await explain(facts.cells)
    const byContent = await explain(facts.byContent)
    expect(cells.join('\n')).toContain('USING COVERING INDEX publications_rollup_published_idx')
    expect(cells.join('\n')).toContain('USING COVERING INDEX publications_rollup_aired_idx')
    expect(byContent.join('\n')).toContain(
      'USING COVERING INDEX publications_rollup_published_content_idx',
    )
    expect(byContent.join('\n')).toContain(
      'USING COVERING INDEX publications_rollup_aired_content_idx',
    )
    // Each publication's staged figures are found by its primary key, not by a scan.
    expect(cells.join('\n')).toMatch(/SEARCH o USING (PRIMARY KEY|INDEX)/)
    for (const detail of [...stage.split('\n'), ...cells, ...byContent])
      expect(detail).not.toMatch(/TEMP B-TREE/)
  })
})

describe('subtree totals plan', () => {
  it('reads the (all, all) family from its partial index alone: a seek per unit, no table row', async () => {
    const result = await client.execute({
      sql: `EXPLAIN QUERY PLAN ${SUBTREE_TOTALS_SQL}`,
      args: [2026, '["a","b"]'] as never[],
    })
    const plan = result.rows.map((r) => String(r.detail)).join('\n')
    expect(plan).toContain('COVERING INDEX rollup_cells_all_family_idx (year=? AND unit=?)')
  })
})
