import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import { CONTENT_KINDS, Metric } from '@/vocabulary'
import { FACT_COLUMNS, VALUE_SLOTS, type RollupSourceModule } from '@/reporting/sources/types'
import type { SQL, Window } from '@/reporting/window'
import type { RollupOps } from '../types'

type Runner = {
  run: (query: SQL) => Promise<{ rowsAffected?: number }>
  all: <T>(query: SQL) => Promise<T[]>
}
type Drizzle = Runner & {
  transaction: <T>(
    fn: (tx: Runner) => Promise<T>,
    config?: { behavior?: 'deferred' | 'immediate' | 'exclusive' },
  ) => Promise<T>
}
type SqliteAdapter = {
  drizzle: Drizzle
  client: { execute: (q: string) => Promise<unknown>; transaction: (mode: string) => Promise<unknown> }
  busyTimeout?: number
}

const env = (name: string, fallback: number) => Number(process.env[name] || fallback)
/**
 * Between two months' replacements, in the heavy-work child (src/heavy): long enough for the web
 * process's writers, polling in SQLite's busy handler, to get the lock. Elsewhere (inline, the
 * command line) no other process is waited for, and 13 pauses a source cost a full rebuild 2 s.
 */
const writePauseMs = () => env('ROLLUP_WRITE_PAUSE_MS', process.env.HEAVY_CHILD === '1' ? 30 : 0)

/** The temporary tables of one computation. */
const SCRATCH = [
  'rollup_facts',
  'rollup_groups',
  'rollup_by_content',
  'rollup_sets',
  'rollup_names',
]

/** The dimensions a cell is grouped by, besides its campaign or topic. */
const DIMS = sql.raw('month, metric, unit, content_type, channel, channel_kind')
const F_DIMS = sql.raw('f.month, f.metric, f.unit, f.content_type, f.channel, f.channel_kind')

const VALUES = sql.raw(VALUE_SLOTS.join(', '))
const F_VALUES = sql.raw(VALUE_SLOTS.map((v) => `f.${v}`).join(', '))
const VALUE_TYPES = VALUE_SLOTS.map((v) => `${v} NUMERIC`).join(', ')

/** What the two fact tables hold (see SqliteFacts in sources/types.ts). */
const CELL_FACTS = FACT_COLUMNS.filter(
  (c) => !['ref_kind', 'ref_id', 'campaigns_from_ref'].includes(c),
).join(', ')
const CONTENT_FACTS = FACT_COLUMNS.filter((c) => c !== 'campaign').join(', ')

/**
 * Facts seen through their content item, joined to its campaigns or topics (`path` of the content's
 * rels table), one branch per content kind.
 */
function viaContent(
  path: 'campaigns' | 'topics',
  column: string,
  onlyCampaignsFromRef: boolean,
): SQL {
  return sql.join(
    CONTENT_KINDS.map(
      // CROSS JOIN fixes the loop order (facts outside, the rels inside): otherwise SQLite may loop
      // over every rels row and scan the (unindexed) fact table for each, quadratic in practice.
      // Inside, (parent_id, path) finds the covering index <kind>_rels_rollup_idx (migration
      // *_rollup_fast_writes): no table row is read.
      (
        kind,
      ) => sql`SELECT ${F_DIMS}, r.${sql.raw(`"${column}"`)} AS ref, ${F_VALUES} FROM rollup_by_content f
        CROSS JOIN ${sql.raw(`"${kind}_rels"`)} r ON r.parent_id = f.ref_id AND r.path = ${path}
        WHERE f.ref_kind = ${kind}${onlyCampaignsFromRef ? sql` AND f.campaigns_from_ref = 1` : sql``}`,
    ),
    sql` UNION ALL `,
  )
}

/**
 * Where the three cell families are summed: a row per cell key, '' standing for "none" (a primary
 * key column cannot hold NULL). Summing by upsert into this B-tree takes half the time of GROUP BY
 * over the same rows (1.7 s against 3.4 s of CPU for the topic family at a million publications):
 * GROUP BY sorts every joined fact row, the upsert only seeks among the ~275,000 cells.
 */
const GROUPS =
  sql.raw(`CREATE TEMP TABLE rollup_groups (month INTEGER NOT NULL, metric TEXT NOT NULL,
  unit TEXT NOT NULL, content_type TEXT NOT NULL, channel TEXT NOT NULL, channel_kind TEXT NOT NULL,
  campaign TEXT NOT NULL, topic TEXT NOT NULL, ${VALUE_TYPES},
  PRIMARY KEY (month, metric, unit, content_type, channel, channel_kind, campaign, topic)) WITHOUT ROWID`)

/** Adds a row's values to its cell's: a slot nobody filled stays NULL (and gives no cell), as SUM would. */
const ADD = sql.raw(
  `ON CONFLICT DO UPDATE SET ${VALUE_SLOTS.map((v) => `${v} = coalesce(${v} + excluded.${v}, ${v}, excluded.${v})`).join(', ')}`,
)

/** Sums `rows` (DIMS, ref, values) into the groups, `ref` as the family's campaign or topic; topic cells leave the channel out (see collections/RollupCells.ts). */
const family = (rows: SQL, ref: 'campaign' | 'topic' | null) =>
  sql`INSERT INTO rollup_groups SELECT month, metric, IFNULL(unit, ''), IFNULL(content_type, ''),
    ${sql.raw(ref === 'topic' ? "'', ''" : "IFNULL(channel, ''), IFNULL(channel_kind, '')")},
    ${sql.raw(ref === 'campaign' ? 'ref' : "''")}, ${sql.raw(ref === 'topic' ? 'ref' : "''")}, ${VALUES}
    FROM (${rows}) WHERE true ${ADD}`

/**
 * The three cell families: (all, all) and the facts' own campaigns from rollup_facts, campaigns and
 * topics of their content from rollup_by_content.
 */
const FAMILIES = [
  family(sql`SELECT ${DIMS}, NULL AS ref, ${VALUES} FROM rollup_facts`, null),
  family(
    sql`SELECT ${F_DIMS}, f.campaign AS ref, ${F_VALUES} FROM rollup_facts f WHERE f.campaign IS NOT NULL
      UNION ALL ${viaContent('campaigns', 'campaigns_id', true)}`,
    'campaign',
  ),
  family(viaContent('topics', 'topics_id', false), 'topic'),
]

/** The groups' columns back with NULL for none. */
const GROUP_DIMS = sql.raw(
  ['campaign', 'unit', 'content_type', 'channel', 'channel_kind', 'topic']
    .map((c) => `NULLIF(g.${c}, '') AS ${c}`)
    .join(', '),
)

/** A family row's value for the measure of slot `s.slot` of its metric (set). */
const SLOT_VALUE = sql.raw(
  `CASE s.slot ${VALUE_SLOTS.map((v, i) => `WHEN ${i} THEN g.${v}`).join(' ')} END`,
)

/** Drops the scratch tables and the sources' staged ones (rollup_stage_*). */
async function dropScratch(tx: Runner) {
  const staged = await tx.all<{ name: string }>(
    sql`SELECT name FROM sqlite_temp_master WHERE type = 'table' AND name LIKE 'rollup_stage_%'`,
  )
  for (const table of [...SCRATCH, ...staged.map((t) => t.name)])
    await tx.run(sql.raw(`DROP TABLE IF EXISTS temp."${table}"`))
}

/** Logs each statement's time (ROLLUP_DEBUG=1), to profile a rebuild. */
const timed = (
  tx: Runner,
  dialect: { sqlToQuery: (q: SQL) => { sql: string; params: unknown[] } },
): Runner => {
  const time =
    <R>(fn: (q: SQL) => Promise<R>) =>
    async (query: SQL) => {
      const text = dialect.sqlToQuery(query).sql
      if (process.env.ROLLUP_DEBUG === 'sql') console.error(text)
      const started = performance.now()
      const result = await fn(query)
      const rows = (result as { rowsAffected?: number }).rowsAffected
      console.error(
        `[rollup] ${Math.round(performance.now() - started)} ms${rows != null ? ` (${rows} rows)` : ''}: ${text.replace(/\s+/g, ' ').slice(0, 140)}`,
      )
      return result
    }
  return { run: time((q) => tx.run(q)), all: time((q) => tx.all(q)) as Runner['all'] }
}

/** The measures each `metric` value of a fact stands for, by value slot: a measure itself in slot 0, or a set's. */
function metricSlots(sources: readonly RollupSourceModule[]): SQL {
  const rows = sources.flatMap((source) => [
    ...source.metrics.map((m) => [m, 0, m] as const),
    ...Object.entries(source.metricSets ?? {}).flatMap(([set, measures]) =>
      measures.map((m, slot) => [set, slot, m] as const),
    ),
  ])
  return sql`INSERT INTO rollup_sets (metric, slot, cell_metric) VALUES ${sql.join(
    rows.map(([metric, slot, cell]) => sql`(${metric}, ${slot}, ${cell})`),
    sql`, `,
  )}`
}

const CELL_COLUMN_NAMES = [
  'month',
  'metric',
  'value',
  'campaign',
  'unit',
  'unit_name',
  'content_type',
  'channel',
  'channel_kind',
  'topic',
]
const CELL_COLUMNS = sql.raw(CELL_COLUMN_NAMES.join(', '))

/** libsql's own transaction (a connection of its own until it ends), as @libsql/client gives it. */
type LibsqlTx = {
  execute: (stmt: { sql: string; args: unknown[] }) => Promise<{
    rows: unknown[]
    rowsAffected: number
  }>
  executeMultiple: (sql: string) => Promise<void>
  commit: () => Promise<void>
  close: () => void
}
type Dialect = { sqlToQuery: (q: SQL) => { sql: string; params: unknown[] } }

/** Runs drizzle's SQL on a libsql transaction. */
const onTransaction = (ltx: LibsqlTx, dialect: Dialect): Runner => {
  const exec = (q: SQL) => {
    const { sql: text, params } = dialect.sqlToQuery(q)
    return ltx.execute({ sql: text, args: params })
  }
  return {
    run: async (q) => ({ rowsAffected: (await exec(q)).rowsAffected }),
    all: async <T>(q: SQL) => (await exec(q)).rows as T[],
  }
}

/**
 * SQLite: recomputes the window's cells of these sources: stage what a source asks for, gather
 * the facts into two temporary tables (two INSERT … SELECT per source), group them into the three
 * families and a cell per measure, all in one read transaction (one snapshot of the sources,
 * written only to this connection's temporary tables, so it holds no lock that other writers wait
 * for), then, in a write transaction, replace the window's cells of these sources' measures with
 * them. Other processes' writes (the dispatcher's claims and sends, a check-in, a mark) wait only
 * for that last step, and libsql's waits are synchronous: a web process waiting on a lock serves
 * nothing meanwhile. A change committed between the two steps left its own stale mark, which the
 * minute's fold picks up. Nothing travels through JavaScript.
 * With `keepNames` (a past year) a unit keeps the name its cells of that year already carry.
 * Returns the number of cells the window has.
 */
async function computeSqlite(
  payload: Payload,
  w: Window,
  sources: readonly RollupSourceModule[],
  keepNames: boolean,
  pastNames: ReadonlyMap<string, string> = new Map(),
): Promise<number> {
  const adapter = payload.db as unknown as SqliteAdapter
  const dialect = (adapter.drizzle as unknown as { dialect: Dialect }).dialect
  const metrics = sql.join(
    sources.flatMap((s) => s.metrics).map((m) => sql`${m}`),
    sql`, `,
  )
  // The months replaced (0-12 for a whole year, 0 being the yearly figures): each DELETE reads the
  // (year, month, metric) index by seeks.
  const months = w.months ?? Array.from({ length: 13 }, (_, m) => m)
  const inMonths = (list: number[]) => sql.join(list.map((m) => sql`${m}`), sql`, `)
  let ltx: LibsqlTx | undefined
  try {
    // The transaction takes the client's current connection: its settings first. The scratch
    // tables stay in memory; the families' sorts may use a second core.
    await adapter.client.execute('PRAGMA temp_store = MEMORY')
    await adapter.client.execute(`PRAGMA cache_size = -${env('ROLLUP_CACHE_MB', 256) * 1024}`)
    await adapter.client.execute(`PRAGMA threads = ${env('ROLLUP_THREADS', 2)}`)
    // Figures that can always be recomputed: no sync of the WAL at this commit (still safe from
    // corruption in WAL mode; the next connection libsql opens has the default again).
    await adapter.client.execute('PRAGMA synchronous = NORMAL')
    // The write step waits for other writers' short transactions rather than fail.
    await adapter.client.execute(`PRAGMA busy_timeout = ${env('ROLLUP_BUSY_MS', 30_000)}`)
    const started = performance.now()
    ltx = (await adapter.client.transaction('deferred')) as unknown as LibsqlTx
    const raw = onTransaction(ltx, dialect)
    const tx = process.env.ROLLUP_DEBUG ? timed(raw, dialect) : raw
    await dropScratch(tx)
    await tx.run(
      sql.raw(`CREATE TEMP TABLE rollup_facts (month INTEGER, metric TEXT, unit TEXT, content_type TEXT, channel TEXT,
      channel_kind TEXT, campaign TEXT, ${VALUE_TYPES})`),
    )
    await tx.run(
      sql.raw(`CREATE TEMP TABLE rollup_by_content (month INTEGER, metric TEXT, unit TEXT, content_type TEXT, channel TEXT,
      channel_kind TEXT, ref_kind TEXT, ref_id TEXT, campaigns_from_ref INTEGER, ${VALUE_TYPES})`),
    )
    await tx.run(
      sql`CREATE TEMP TABLE rollup_sets (metric TEXT, slot INTEGER, cell_metric TEXT, PRIMARY KEY (metric, slot)) WITHOUT ROWID`,
    )
    await tx.run(metricSlots(sources))
    // Each unit's name for these cells: the one the year's cells already carry (past years: a
    // unit renamed or merged since keeps its old name there), else its name now.
    await tx.run(
      sql`CREATE TEMP TABLE rollup_names (unit TEXT PRIMARY KEY, name TEXT) WITHOUT ROWID`,
    )
    if (keepNames) {
      await tx.run(
        sql`INSERT OR IGNORE INTO rollup_names SELECT unit, unit_name FROM rollup_cells WHERE year = ${w.year} AND unit IS NOT NULL AND unit_name IS NOT NULL`,
      )
    }
    for (const [unit, name] of pastNames)
      await tx.run(sql`INSERT OR IGNORE INTO rollup_names VALUES (${unit}, ${name})`)
    await tx.run(sql`INSERT OR IGNORE INTO rollup_names SELECT id, name FROM units`)
    for (const source of sources) {
      const facts = source.sqliteFacts(w)
      if (!facts) continue
      for (const statement of source.sqliteStage?.(w) ?? []) await tx.run(statement)
      if (facts.cells)
        await tx.run(
          sql`INSERT INTO rollup_facts (${sql.raw(CELL_FACTS)}) SELECT ${sql.raw(CELL_FACTS)} FROM (${facts.cells})`,
        )
      if (facts.byContent)
        await tx.run(
          sql`INSERT INTO rollup_by_content (${sql.raw(CONTENT_FACTS)}) SELECT ${sql.raw(CONTENT_FACTS)} FROM (${facts.byContent}) WHERE ref_id IS NOT NULL`,
        )
    }
    await tx.run(GROUPS)
    for (const statement of FAMILIES) await tx.run(statement)
    // Some months' cells: each family row gives a cell per measure of its metric (set) that has a
    // value (rollup_groups' key begins with the month).
    const cellsOf = (list: number[]) => sql`SELECT c.month, c.metric,
        CASE WHEN c.metric = ${Metric.BroadcastMinutes} THEN ROUND(c.total / 60.0, 2) ELSE c.total END AS value,
        c.campaign, c.unit, n.name AS unit_name, c.content_type, c.channel, c.channel_kind, c.topic
      FROM (SELECT g.month, s.cell_metric AS metric, ${SLOT_VALUE} AS total, ${GROUP_DIMS}
        FROM rollup_groups g JOIN rollup_sets s ON s.metric = g.metric WHERE g.month IN (${inMonths(list)})) c
      LEFT JOIN rollup_names n ON n.unit = c.unit
      WHERE c.total IS NOT NULL`
    // The snapshot ends; the write lock is taken for the replacement only. In the heavy-work child,
    // a month at a time (each month's cells of these sources in one transaction) with a pause
    // between months in which other writers, waiting in SQLite's busy handler, get the lock (see
    // writePauseMs): at a million publications a whole year's replacement held it for over a
    // second, longer still at the child's lower priority than the web process that waits for it.
    // Elsewhere the window in one transaction: thirteen made a full rebuild 6.4 → 9.1 s.
    const pause = writePauseMs()
    const chunks = pause > 0 ? months.map((m) => [m]) : [months]
    let written = 0
    let longestMs = 0
    for (const [i, chunk] of chunks.entries()) {
      if (i > 0 && pause > 0) await new Promise((r) => setTimeout(r, pause))
      // Ends the read step's transaction, then the empty one between two chunks (libsql's
      // transaction object accepts statements only while one is open).
      await ltx.executeMultiple('COMMIT; BEGIN IMMEDIATE')
      const held = performance.now()
      // The window's cells are replaced, written straight: comparing them with the stored ones
      // to keep the unchanged (tried for some months: two temporary indexes and two anti-joins)
      // cost more than writing them again (2.9 → 2.3 s for two months at a million).
      await tx.run(
        sql`DELETE FROM rollup_cells WHERE year = ${w.year} AND metric IN (${metrics}) AND month IN (${inMonths(chunk)})`,
      )
      // The id is the rowid, given by SQLite (see collections/RollupCells.ts).
      const result = await tx.run(
        sql`INSERT INTO rollup_cells (year, ${CELL_COLUMNS}) SELECT ${w.year}, ${CELL_COLUMNS} FROM (${cellsOf(chunk)})`,
      )
      written += result.rowsAffected ?? 0
      await ltx.executeMultiple('COMMIT; BEGIN')
      longestMs = Math.max(longestMs, performance.now() - held)
    }
    // The scratch is dropped in a transaction of its own (libsql's transaction runs nothing once
    // it has ended) that writes only this connection's tables.
    await dropScratch(tx)
    await ltx.commit()
    if (process.env.ROLLUP_DEBUG)
      console.error(
        `[rollup] ${Math.round(performance.now() - started)} ms in all; the write lock held at most ${Math.round(longestMs)} ms at a time, commit included`,
      )
    return written
  } catch (err) {
    // Whatever was written is rolled back; the scratch tables (kept since the read step's commit)
    // are dropped in a transaction of their own.
    if (ltx)
      await ltx
        .executeMultiple('ROLLBACK; BEGIN')
        .then(() => dropScratch(onTransaction(ltx!, dialect)))
        .then(() => ltx!.commit())
        .catch(() => undefined)
    throw err
  } finally {
    ltx?.close()
    // libsql hands its connection to a transaction and opens a fresh one afterwards: give it the adapter's busy timeout again.
    if (adapter.busyTimeout)
      await adapter.client.execute(`PRAGMA busy_timeout = ${adapter.busyTimeout}`)
  }
}

export const sqliteRollup = (payload: Payload): RollupOps => ({
  compute: (w, sources, keepNames, pastNames) =>
    computeSqlite(payload, w, sources, keepNames, pastNames),
})
