import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import { CONTENT_KINDS, Metric } from '@/vocabulary'
import { FACT_COLUMNS } from './sources/types'
import type { RollupSourceModule } from './sources/types'
import type { SQL, Window } from './window'

type Runner = { run: (query: SQL) => Promise<{ rowsAffected?: number }> }
type Drizzle = Runner & { transaction: <T>(fn: (tx: Runner) => Promise<T>, config?: { behavior?: 'deferred' | 'immediate' | 'exclusive' }) => Promise<T> }
type SqliteAdapter = { drizzle: Drizzle; client: { execute: (q: string) => Promise<unknown> }; busyTimeout?: number }

const env = (name: string, fallback: number) => Number(process.env[name] || fallback)

/** The dimensions a cell is grouped by, besides its campaign or topic. */
const DIMS = sql.raw('month, metric, unit, content_type, channel, channel_kind')
const F_DIMS = sql.raw('f.month, f.metric, f.unit, f.content_type, f.channel, f.channel_kind')

/** Facts joined to their content's campaigns or topics (`path` of the content's rels table), one branch per content kind. */
function viaContent(path: 'campaigns' | 'topics', column: string, onlyCampaignsFromRef: boolean): SQL {
  return sql.join(
    CONTENT_KINDS.map(
      // CROSS JOIN fixes the loop order (facts outside, the rels' parent index inside) and `+r.path`
      // keeps SQLite off the path index: otherwise it loops over every rels row and scans the
      // (unindexed) fact table for each, quadratic in practice.
      (kind) => sql`SELECT ${F_DIMS}, r.${sql.raw(`"${column}"`)} AS ref, f.value FROM rollup_facts f
        CROSS JOIN ${sql.raw(`"${kind}_rels"`)} r ON r.parent_id = f.ref_id AND +r.path = ${path}
        WHERE f.ref_kind = ${kind}${onlyCampaignsFromRef ? sql` AND f.campaigns_from_ref = 1` : sql``}`,
    ),
    sql` UNION ALL `,
  )
}

/**
 * The three cell families from the fact table: (all, all), (campaign X, all), (all, topic T).
 * A fact's campaign is its own (a publication's) or, when campaigns_from_ref, its content's.
 */
const FAMILIES = sql`
  SELECT ${DIMS}, NULL AS campaign, NULL AS topic, SUM(value) AS total FROM rollup_facts GROUP BY ${DIMS}
  UNION ALL
  SELECT ${DIMS}, ref AS campaign, NULL AS topic, SUM(value) AS total FROM (
    SELECT ${F_DIMS}, f.campaign AS ref, f.value FROM rollup_facts f WHERE f.campaign IS NOT NULL
    UNION ALL ${viaContent('campaigns', 'campaigns_id', true)}
  ) GROUP BY ${DIMS}, ref
  UNION ALL
  SELECT ${DIMS}, NULL AS campaign, ref AS topic, SUM(value) AS total FROM (${viaContent('topics', 'topics_id', false)}) GROUP BY ${DIMS}, ref`

/** Logs each statement's time (ROLLUP_DEBUG=1), to profile a rebuild. */
const timed = (tx: Runner, dialect?: { sqlToQuery: (q: SQL) => { sql: string; params: unknown[] } }): Runner => ({
  run: async (query) => {
    if (dialect && process.env.ROLLUP_DEBUG === 'sql') console.error(JSON.stringify(dialect.sqlToQuery(query)))
    const started = performance.now()
    const result = await tx.run(query)
    console.error(`[rollup] ${Math.round(performance.now() - started)} ms: ${JSON.stringify(query).slice(0, 160)}`)
    return result
  },
})

/** A random RFC 4122 id (the adapter's ids are strings; cells are never looked up by id). */
const UUID = sql.raw(
  `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`,
)

/** The cell key, built like cellKey() in cells.ts: year|month|metric|campaign|unit|type|channel|topic, empty for none. */
const KEY = sql.raw(
  `g.year || '|' || g.month || '|' || g.metric || '|' || IFNULL(g.campaign, '') || '|' || IFNULL(g.unit, '') || '|' || IFNULL(g.content_type, '') || '|' || IFNULL(g.channel, '') || '|' || IFNULL(g.topic, '')`,
)

/**
 * SQLite: recomputes the window's cells of these sources in one write transaction: delete the
 * window's cells of the sources' measures, gather the facts into a temporary table (one
 * INSERT … SELECT per source), then group them into the cells in one INSERT … SELECT. Nothing
 * travels through JavaScript. With `keepNames` (a past year) a unit keeps the name its cells of
 * that year already carry. Returns the number of cells written.
 */
export async function computeSqlite(payload: Payload, w: Window, sources: readonly RollupSourceModule[], keepNames: boolean): Promise<number> {
  const adapter = payload.db as unknown as SqliteAdapter
  const columns = sql.raw(FACT_COLUMNS.join(', '))
  const months = w.months ? sql` AND month IN (${sql.join(w.months.map((m) => sql`${m}`), sql`, `)})` : sql``
  try {
    // The fact table is scratch: keep it in memory. (Not allowed inside a transaction; the client's
    // current connection is the one the transaction takes.)
    await adapter.client.execute('PRAGMA temp_store = MEMORY')
    // A rebuild writes hundreds of thousands of cells into ten indexes in key order that is random
    // to them: with SQLite's default 2 MB page cache nearly every insert misses the cache.
    await adapter.client.execute(`PRAGMA cache_size = -${env('ROLLUP_CACHE_MB', 256) * 1024}`)
    return await adapter.drizzle.transaction(
      async (raw) => {
        const tx = process.env.ROLLUP_DEBUG ? timed(raw, (adapter.drizzle as unknown as { dialect: never }).dialect) : raw
        await tx.run(sql`CREATE TEMP TABLE IF NOT EXISTS rollup_facts (month INTEGER, metric TEXT, value NUMERIC, unit TEXT, content_type TEXT, channel TEXT,
          channel_kind TEXT, campaign TEXT, ref_kind TEXT, ref_id TEXT, campaigns_from_ref INTEGER)`)
        await tx.run(sql`DELETE FROM rollup_facts`)
        // Names the year's cells already carry (past years): a unit renamed or merged since keeps its old name there.
        await tx.run(sql`CREATE TEMP TABLE IF NOT EXISTS rollup_names (unit TEXT PRIMARY KEY, name TEXT)`)
        await tx.run(sql`DELETE FROM rollup_names`)
        if (keepNames) {
          await tx.run(sql`INSERT OR IGNORE INTO rollup_names SELECT unit_id, unit_name FROM rollup_cells WHERE year = ${w.year} AND unit_id IS NOT NULL AND unit_name IS NOT NULL`)
        }
        for (const source of sources) {
          const metrics = sql.join(source.metrics.map((m) => sql`${m}`), sql`, `)
          await tx.run(sql`DELETE FROM rollup_cells WHERE year = ${w.year} AND metric IN (${metrics})${months}`)
          const facts = source.sqliteFacts(w)
          if (facts) await tx.run(sql`INSERT INTO rollup_facts (${columns}) ${facts}`)
        }
        const inserted = await tx.run(sql`INSERT INTO rollup_cells (id, year, month, metric, value, campaign_id, unit_id, unit_name, content_type, channel_id, channel_kind, topic_id, key)
          SELECT ${UUID}, g.year, g.month, g.metric,
            CASE WHEN g.metric = ${Metric.BroadcastMinutes} THEN ROUND(g.total / 60.0, 2) ELSE g.total END,
            g.campaign, g.unit, COALESCE(n.name, u.name), g.content_type, g.channel, g.channel_kind, g.topic, ${KEY}
          FROM (SELECT CAST(${w.year} AS INTEGER) AS year, * FROM (${FAMILIES})) g LEFT JOIN units u ON u.id = g.unit LEFT JOIN rollup_names n ON n.unit = g.unit`)
        await tx.run(sql`DROP TABLE rollup_facts`)
        await tx.run(sql`DROP TABLE rollup_names`)
        return inserted.rowsAffected ?? 0
      },
      { behavior: 'immediate' },
    )
  } finally {
    // libsql hands its connection to a transaction and opens a fresh one afterwards: give it the adapter's busy timeout again.
    if (adapter.busyTimeout) await adapter.client.execute(`PRAGMA busy_timeout = ${adapter.busyTimeout}`)
  }
}
