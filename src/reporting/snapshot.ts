import crypto from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'
import { dbOps } from '@/db'
import { portableSnapshots } from '@/db/portable/snapshots'
import { cellKey, type Cell } from './cells'
import type { FrozenCell, UnitFilter } from './frozen'
import { toCell } from './readCells'

export { PAGE_SIZE, type FrozenCell, type UnitFilter } from './frozen'

/** The snapshot operations of this database, or with `portable` the adapter-neutral ones (the tests compare the two). */
const snapshotOps = (payload: Payload, portable?: boolean) =>
  portable ? portableSnapshots(payload) : dbOps(payload).snapshots

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

/**
 * A snapshot's frozen cells in key order, a page at a time, optionally one unit's only, inside the
 * request's transaction when there is one (src/db: on SQLite plain SELECTs; with `portable`, or on
 * MongoDB, Payload's find). Both give the same cells (tests/int/snapshot-cells.test.ts).
 */
export function snapshotCellPages(
  payload: Payload,
  snapshot: string,
  options: {
    unit?: UnitFilter
    req?: PayloadRequest
    portable?: boolean
    pageSize?: number
  } = {},
): AsyncGenerator<FrozenCell[]> {
  const { portable, ...read } = options
  return snapshotOps(payload, portable).cellPages(snapshot, read)
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
  for await (const page of snapshotOps(payload, portable).jsonPages(snapshot, req))
    for (const json of page) hash.update((count++ ? ',' : '') + json)
  hash.update(']')
  return { cellCount: count, checksum: hash.digest('hex') }
}

/**
 * Copies the year's live cells into the snapshot's frozen cells, inside the request's transaction
 * when there is one (on SQLite one INSERT … SELECT: one consistent moment).
 */
export async function copyCellsToSnapshot(
  payload: Payload,
  snapshot: string,
  year: number,
  req?: PayloadRequest,
  options: { portable?: boolean } = {},
): Promise<void> {
  await snapshotOps(payload, options.portable).copyCells(snapshot, year, req)
}
