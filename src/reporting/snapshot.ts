import crypto from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'
import { cellKey, type Cell } from './cells'
import { toCell } from './readCells'

export type FrozenCell = Cell & { key: string }

/** The live cells of a year in key order (the order the checksum is taken in). */
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

/** What a new snapshot stores: the year's cells, their count and checksum. */
export async function freezeYear(payload: Payload, year: number, req?: PayloadRequest) {
  const cells = await cellsOfYear(payload, year, req)
  return { cells, cellCount: cells.length, checksum: checksumOf(cells) }
}
