import crypto from 'node:crypto'
import { sql } from '@payloadcms/db-sqlite'
import type { Payload, PayloadRequest } from 'payload'
import type { DashCell } from '@/reporting/dashboard/types'
import { PAGE_SIZE, type FrozenCell, type UnitFilter, type YearFigures } from '@/reporting/frozen'
import type { SnapshotOps } from '../types'
import { rawReader, sqliteTx, type SqliteTx } from './connection'

/** A unit filter in SQL: a set of units is handed as one JSON array. */
const unitFilterSql = (u: UnitFilter) =>
  u == null
    ? ''
    : typeof u === 'string'
      ? ' AND unit = ?'
      : ' AND unit IN (SELECT value FROM json_each(?))'
const unitFilterArgs = (u: UnitFilter): string[] =>
  u == null ? [] : [typeof u === 'string' ? u : JSON.stringify(u)]

const SELECT_FROZEN = (unit: UnitFilter, pageSize: number) =>
  `SELECT year, month, metric, value, campaign, unit, unit_name, content_type, channel, channel_kind, topic, key
   FROM snapshot_cells WHERE snapshot = ? AND key > ?${unitFilterSql(unit)} ORDER BY key LIMIT ${Math.trunc(pageSize)}`

/** SQL for cellKey(): the same string, built in the database. */
const KEY_SQL = `year || '|' || month || '|' || metric || '|' || coalesce(campaign, '') || '|' || coalesce(unit, '') || '|' || coalesce(content_type, '') || '|' || coalesce(channel, '') || '|' || coalesce(topic, '')`
const CELL_COLUMNS = `year, month, metric, value, campaign, unit, unit_name, content_type, channel, channel_kind, topic`

/**
 * SQLite: plain SELECTs, outside a transaction on a read-only connection that gives rows as arrays,
 * inside one through the transaction (Payload's find costs ~80 µs a row in field hooks and
 * transforms: 15 s for a 185,000-cell year). They give the same cells as the portable path
 * (tests/int/snapshot-cells.test.ts).
 */
export const sqliteSnapshots = (payload: Payload): SnapshotOps => ({
  cellPages: (snapshot, options) => cellPages(payload, snapshot, options),
  jsonPages: async function* (snapshot, req) {
    yield* frozenJsonPages(await sqliteTx(payload, req), snapshot)
  },
  copyCells: (snapshot, year, req) => copyCells(payload, snapshot, year, req),
  scan: async (snapshot, unit, onProgress) => {
    const figures = await scanSqlite(payload, snapshot, unit)
    onProgress?.(figures.count)
    return figures
  },
})

/** A snapshot's frozen cells in key order, a page at a time (keyset on the key). */
async function* cellPages(
  payload: Payload,
  snapshot: string,
  options: Parameters<SnapshotOps['cellPages']>[1] = {},
): AsyncGenerator<FrozenCell[]> {
  const pageSize = options.pageSize ?? PAGE_SIZE
  const inTransaction = !!options.req?.transactionID
  const tx = inTransaction ? await sqliteTx(payload, options.req) : null
  const reader = !inTransaction
    ? (await rawReader(payload)).prepare(SELECT_FROZEN(options.unit, pageSize)).raw(true)
    : null
  let after: string | null = null
  for (;;) {
    let page: FrozenCell[]
    if (reader) {
      const rows = reader.all(snapshot, after ?? '', ...unitFilterArgs(options.unit))
      page = rows.map((r) => ({
        year: Number(r[0]),
        month: Number(r[1]),
        metric: r[2] as string,
        value: Number(r[3]),
        campaign: (r[4] as string | null) ?? null,
        unit: (r[5] as string | null) ?? null,
        unitName: (r[6] as string | null) ?? null,
        contentType: (r[7] as string | null) ?? null,
        channel: (r[8] as string | null) ?? null,
        channelKind: (r[9] as string | null) ?? null,
        topic: (r[10] as string | null) ?? null,
        key: r[11] as string,
      }))
    } else {
      const rows = await tx!.all<Record<string, unknown>>(
        sql`SELECT ${sql.raw(CELL_COLUMNS)}, key FROM snapshot_cells WHERE snapshot = ${snapshot}${
          after === null ? sql`` : sql` AND key > ${after}`
        }${
          options.unit == null
            ? sql``
            : typeof options.unit === 'string'
              ? sql` AND unit = ${options.unit}`
              : sql` AND unit IN (SELECT value FROM json_each(${JSON.stringify(options.unit)}))`
        } ORDER BY key LIMIT ${pageSize}`,
      )
      page = rows.map((r) => ({
        year: Number(r.year),
        month: Number(r.month),
        metric: String(r.metric),
        value: Number(r.value),
        campaign: (r.campaign as string | null) ?? null,
        unit: (r.unit as string | null) ?? null,
        unitName: (r.unit_name as string | null) ?? null,
        contentType: (r.content_type as string | null) ?? null,
        channel: (r.channel as string | null) ?? null,
        channelKind: (r.channel_kind as string | null) ?? null,
        topic: (r.topic as string | null) ?? null,
        key: String(r.key),
      }))
    }
    if (!page.length) return
    yield page
    if (page.length < pageSize) return
    after = page[page.length - 1].key
  }
}

/**
 * A snapshot's cells as JSON.stringify writes a FrozenCell, a page at a time in key order, read
 * through the request's transaction (the cells were just copied in it: the read-only connection
 * cannot see them yet). The libsql client builds an object per row with a property per column
 * (18 µs a row for twelve columns), so SQLite builds the JSON around the value instead and a row
 * travels as four columns. The value is left to JavaScript: a fraction (minutes = seconds / 60)
 * is written by JSON.stringify's shortest round-trip form, which SQLite's printf does not give;
 * the strings' escaping is the same in both (tests/int/snapshot-cells.test.ts compares them).
 */
async function* frozenJsonPages(tx: SqliteTx, snapshot: string): AsyncGenerator<string[]> {
  let after = ''
  for (;;) {
    const rows = await tx.all<{ head: string; value: number; tail: string; key: string }>(
      sql`SELECT json_object('year', year, 'month', month, 'metric', metric) AS head, value,
          json_object('campaign', campaign, 'unit', unit, 'unitName', unit_name,
            'contentType', content_type, 'channel', channel, 'channelKind', channel_kind,
            'topic', topic, 'key', key) AS tail, key
        FROM snapshot_cells WHERE snapshot = ${snapshot} AND key > ${after}
        ORDER BY key LIMIT ${PAGE_SIZE}`,
    )
    if (!rows.length) return
    yield rows.map(
      (r) => `${r.head.slice(0, -1)},"value":${JSON.stringify(Number(r.value))},${r.tail.slice(1)}`,
    )
    if (rows.length < PAGE_SIZE) return
    after = rows[rows.length - 1].key
  }
}

/**
 * Copies the year's live cells into the snapshot's frozen cells, inside the request's transaction
 * when there is one: one INSERT … SELECT (one consistent moment, nothing through JavaScript).
 */
async function copyCells(
  payload: Payload,
  snapshot: string,
  year: number,
  req?: PayloadRequest,
): Promise<void> {
  const tx = await sqliteTx(payload, req)
  const t = Date.now().toString(16).padStart(12, '0')
  const prefix = `${t.slice(0, 8)}-${t.slice(8)}-7${crypto.randomBytes(2).toString('hex').slice(0, 3)}-8`
  await tx.run(
    sql.raw(`INSERT INTO snapshot_cells (id, snapshot, key, ${CELL_COLUMNS})
      SELECT printf('%s%03x-%012x', '${prefix}', 0, row_number() OVER ()), '${snapshot.replace(/'/g, "''")}', ${KEY_SQL}, ${CELL_COLUMNS}
      FROM rollup_cells WHERE year = ${Math.trunc(year)}`),
  )
}

/**
 * The same folding as two GROUP BYs on SQLite's read-only connection (a third of the time of
 * reading every cell into JavaScript); tests/int/snapshot-cells.test.ts requires the same figures
 * as the portable path (foldFigures in src/db/portable/snapshots.ts).
 */
async function scanSqlite(
  payload: Payload,
  snapshot: string,
  unit: UnitFilter,
): Promise<YearFigures> {
  const db = await rawReader(payload)
  const where = `snapshot = ?${unitFilterSql(unit)}`
  const args = [snapshot, ...unitFilterArgs(unit)]
  const count = Number(
    db
      .prepare(`SELECT count(*) FROM snapshot_cells WHERE ${where}`)
      .raw(true)
      .all(...args)[0][0],
  )
  const cells: DashCell[] = db
    .prepare(
      `SELECT year, metric, campaign, unit, unit_name, content_type, channel, channel_kind, sum(value)
       FROM snapshot_cells WHERE ${where} AND topic IS NULL
       GROUP BY year, metric, campaign, unit, unit_name, content_type, channel, channel_kind`,
    )
    .raw(true)
    .all(...args)
    .map((r) => ({
      year: Number(r[0]),
      month: 0,
      metric: r[1] as string,
      value: Number(r[8]),
      campaign: (r[2] as string | null) ?? null,
      unit: (r[3] as string | null) ?? null,
      unitName: (r[4] as string | null) ?? null,
      contentType: (r[5] as string | null) ?? null,
      channel: (r[6] as string | null) ?? null,
      channelKind: (r[7] as string | null) ?? null,
      topic: null,
    }))
  const monthly = new Map<string, number[]>()
  for (const [metric, month, value] of db
    .prepare(
      `SELECT metric, month, sum(value) FROM snapshot_cells
       WHERE ${where} AND topic IS NULL AND campaign IS NULL AND month >= 1 GROUP BY metric, month`,
    )
    .raw(true)
    .all(...args)) {
    let row = monthly.get(metric as string)
    if (!row) monthly.set(metric as string, (row = Array(13).fill(0)))
    row[Number(month)] = Number(value)
  }
  return { cells, monthly, count }
}
