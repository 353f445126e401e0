import crypto from 'node:crypto'
import { sql } from '@payloadcms/db-sqlite'
import type { Payload, PayloadRequest, Where } from 'payload'
import type { RollupCell, SnapshotCell } from '@/payload-types'
import { cellKey, type Cell } from './cells'
import { toCell } from './readCells'

export type FrozenCell = Cell & { key: string }

type SqliteTx = {
  run: (q: unknown) => Promise<unknown>
  all: <T>(q: unknown) => Promise<T[]>
}
type SqliteAdapter = {
  name: string
  drizzle: SqliteTx
  sessions?: Record<string, { db?: SqliteTx } | undefined>
}
/** The request's transaction on SQLite when there is one (its writes are seen), else the adapter's connection. */
const sqliteTx = async (db: SqliteAdapter, req?: PayloadRequest) =>
  (req?.transactionID && db.sessions?.[String(await req.transactionID)]?.db) || db.drizzle

/** How many cells travel at once when a snapshot is copied, checked or exported. */
export const PAGE_SIZE = 5000

/** The live cells of a year in key order (the order the checksum is taken in). Small years only. */
export async function cellsOfYear(
  payload: Payload,
  year: number,
  req?: PayloadRequest,
): Promise<FrozenCell[]> {
  const found = await payload.find({
    collection: 'rollup-cells',
    where: { year: { equals: year } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return found.docs
    .map((d) => {
      const cell: Cell = toCell(d)
      return { ...cell, key: cellKey(cell) }
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

/** SHA-256 of the cells as JSON, in key order: the same figures always give the same checksum. */
export const checksumOf = (cells: FrozenCell[]) =>
  crypto.createHash('sha256').update(JSON.stringify(cells)).digest('hex')

export type RawStatement = {
  raw: (on: boolean) => RawStatement
  all: (...args: unknown[]) => unknown[][]
}
type RawDatabase = { prepare: (sql: string) => RawStatement; close: () => void }
const readers = new WeakMap<Payload, RawDatabase>()

/**
 * A read-only connection of its own to the SQLite file, whose statements give rows as plain arrays
 * (the `libsql` driver under @libsql/client, which builds an object per row with named and indexed
 * getters: 18 µs a row, against 6 µs here). It sees what is committed, so it serves reads outside a
 * transaction only. Closed with Payload.
 */
export async function rawReader(payload: Payload): Promise<RawDatabase> {
  const open = readers.get(payload)
  if (open) return open
  const { default: Database } = (await import('libsql')) as unknown as {
    default: new (file: string, options: { readonly: boolean }) => RawDatabase
  }
  const url = String((payload.db as unknown as { clientConfig: { url: string } }).clientConfig.url)
  const db = new Database(url.replace(/^file:/, ''), { readonly: true })
  readers.set(payload, db)
  const destroy = payload.destroy.bind(payload)
  payload.destroy = async () => {
    db.close()
    readers.delete(payload)
    return destroy()
  }
  return db
}

/**
 * Which units' cells a read takes: one unit, a set of units (a unit with its descendants: on SQLite
 * handed as one JSON array), or all (null).
 */
export type UnitFilter = string | readonly string[] | null | undefined
export const unitFilterSql = (u: UnitFilter) =>
  u == null
    ? ''
    : typeof u === 'string'
      ? ' AND unit = ?'
      : ' AND unit IN (SELECT value FROM json_each(?))'
export const unitFilterArgs = (u: UnitFilter): string[] =>
  u == null ? [] : [typeof u === 'string' ? u : JSON.stringify(u)]
export const unitFilterWhere = (u: UnitFilter): Where[] =>
  u == null ? [] : [typeof u === 'string' ? { unit: { equals: u } } : { unit: { in: [...u] } }]

const SELECT_FROZEN = (unit: UnitFilter, pageSize: number) =>
  `SELECT year, month, metric, value, campaign, unit, unit_name, content_type, channel, channel_kind, topic, key
   FROM snapshot_cells WHERE snapshot = ? AND key > ?${unitFilterSql(unit)} ORDER BY key LIMIT ${Math.trunc(pageSize)}`

/**
 * A snapshot's frozen cells in key order, a page at a time (keyset on the key, so every page is one
 * index seek on (snapshot, key) whatever its position), optionally one unit's only. Inside the
 * request's transaction when there is one. On SQLite plain SELECTs: outside a transaction on a
 * read-only connection that gives rows as arrays, inside one through the transaction (Payload's
 * find costs ~80 µs a row in field hooks and transforms: 15 s for a 185,000-cell year);
 * elsewhere, or with `portable`, through Payload's find. Both give the same cells
 * (tests/int/snapshot-cells.test.ts).
 */
export async function* snapshotCellPages(
  payload: Payload,
  snapshot: string,
  options: {
    unit?: UnitFilter
    req?: PayloadRequest
    portable?: boolean
    pageSize?: number
  } = {},
): AsyncGenerator<FrozenCell[]> {
  const pageSize = options.pageSize ?? PAGE_SIZE
  const db = payload.db as unknown as SqliteAdapter
  const raw = db.name === 'sqlite' && !options.portable
  const inTransaction = !!options.req?.transactionID
  const tx = raw && inTransaction ? await sqliteTx(db, options.req) : null
  const reader =
    raw && !inTransaction
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
    } else if (tx) {
      const rows = await tx.all<Record<string, unknown>>(
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
    } else {
      const where: Where[] = [
        { snapshot: { equals: snapshot } },
        ...(after === null ? [] : [{ key: { greater_than: after } }]),
        ...unitFilterWhere(options.unit),
      ]
      const found: { docs: SnapshotCell[] } = await payload.find({
        collection: 'snapshot-cells',
        where: { and: where },
        sort: 'key',
        limit: pageSize,
        pagination: false,
        depth: 0,
        overrideAccess: true,
        req: options.req,
      })
      page = found.docs.map((d) => ({ ...toCell(d), key: d.key }))
    }
    if (!page.length) return
    yield page
    if (page.length < pageSize) return
    after = page[page.length - 1].key
  }
}

/**
 * The checksum and count of a snapshot's frozen cells, read a page at a time: the JSON of the
 * cells in key order written piece by piece, so it equals checksumOf() of the whole array.
 */
export async function checksumOfSnapshot(
  payload: Payload,
  snapshot: string,
  req?: PayloadRequest,
  portable = false,
) {
  const hash = crypto.createHash('sha256')
  let count = 0
  hash.update('[')
  const db = payload.db as unknown as SqliteAdapter
  if (db.name === 'sqlite' && !portable) {
    for await (const page of frozenJsonPages(await sqliteTx(db, req), snapshot))
      for (const json of page) hash.update((count++ ? ',' : '') + json)
  } else
    for await (const page of snapshotCellPages(payload, snapshot, { req, portable }))
      for (const cell of page) hash.update((count++ ? ',' : '') + JSON.stringify(cell))
  hash.update(']')
  return { cellCount: count, checksum: hash.digest('hex') }
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

/** SQL for cellKey(): the same string, built in the database. */
const KEY_SQL = `year || '|' || month || '|' || metric || '|' || coalesce(campaign, '') || '|' || coalesce(unit, '') || '|' || coalesce(content_type, '') || '|' || coalesce(channel, '') || '|' || coalesce(topic, '')`
const CELL_COLUMNS = `year, month, metric, value, campaign, unit, unit_name, content_type, channel, channel_kind, topic`

/**
 * Copies the year's live cells into the snapshot's frozen cells, inside the request's transaction
 * when there is one. On SQLite one INSERT … SELECT (one consistent moment, nothing through
 * JavaScript); on other databases page by page through the adapter.
 */
export async function copyCellsToSnapshot(
  payload: Payload,
  snapshot: string,
  year: number,
  req?: PayloadRequest,
  options: { portable?: boolean } = {},
): Promise<void> {
  const db = payload.db as unknown as SqliteAdapter
  if (db.name === 'sqlite' && !options.portable) {
    const tx =
      (req?.transactionID && db.sessions?.[String(await req.transactionID)]?.db) || db.drizzle
    const t = Date.now().toString(16).padStart(12, '0')
    const prefix = `${t.slice(0, 8)}-${t.slice(8)}-7${crypto.randomBytes(2).toString('hex').slice(0, 3)}-8`
    await tx.run(
      sql.raw(`INSERT INTO snapshot_cells (id, snapshot, key, ${CELL_COLUMNS})
        SELECT printf('%s%03x-%012x', '${prefix}', 0, row_number() OVER ()), '${snapshot.replace(/'/g, "''")}', ${KEY_SQL}, ${CELL_COLUMNS}
        FROM rollup_cells WHERE year = ${Math.trunc(year)}`),
    )
    return
  }
  let after: string | null = null
  for (;;) {
    const found: { docs: RollupCell[] } = await payload.find({
      collection: 'rollup-cells',
      where: {
        and: [
          { year: { equals: year } },
          ...(after === null ? [] : [{ id: { greater_than: after } }]),
        ],
      },
      sort: 'id',
      limit: PAGE_SIZE,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    for (const doc of found.docs) {
      const cell = toCell(doc)
      await payload.db.create({
        collection: 'snapshot-cells',
        data: { ...cell, snapshot, key: cellKey(cell) },
        req,
        returning: false,
      })
    }
    if (found.docs.length < PAGE_SIZE) return
    after = String(found.docs[found.docs.length - 1].id)
  }
}
