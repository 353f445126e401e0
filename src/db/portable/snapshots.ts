import type { Payload, Where } from 'payload'
import type { RollupCell, SnapshotCell } from '@/payload-types'
import { cellKey } from '@/reporting/cells'
import type { DashCell } from '@/reporting/dashboard/types'
import { PAGE_SIZE, type FrozenCell, type UnitFilter, type YearFigures } from '@/reporting/frozen'
import { toCell } from '@/reporting/readCells'
import type { SnapshotOps } from '../types'

// Snapshots through Payload's adapter-neutral API: MongoDB's implementation, and on SQLite what
// the fast paths are compared with (`portable` in src/reporting/snapshot.ts and export/scan.ts).

const unitFilterWhere = (u: UnitFilter): Where[] =>
  u == null ? [] : [typeof u === 'string' ? { unit: { equals: u } } : { unit: { in: [...u] } }]

export const portableSnapshots = (payload: Payload): SnapshotOps => {
  const ops: SnapshotOps = {
    // Keyset on the key, so every page is one index seek on (snapshot, key) whatever its position.
    async *cellPages(snapshot, options = {}) {
      const pageSize = options.pageSize ?? PAGE_SIZE
      let after: string | null = null
      for (;;) {
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
        const page: FrozenCell[] = found.docs.map((d) => ({ ...toCell(d), key: d.key }))
        if (!page.length) return
        yield page
        if (page.length < pageSize) return
        after = page[page.length - 1].key
      }
    },

    async *jsonPages(snapshot, req) {
      for await (const page of ops.cellPages(snapshot, { req }))
        yield page.map((cell) => JSON.stringify(cell))
    },

    // Page by page through the adapter, inside the request's transaction when there is one.
    async copyCells(snapshot, year, req) {
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
    },

    scan: (snapshot, unit, onProgress) =>
      foldFigures(ops.cellPages(snapshot, { unit }), onProgress),
  }
  return ops
}

/** The export's yearly figures (see YearFigures) folded from pages of frozen cells as they come. */
export async function foldFigures(
  pages: AsyncIterable<FrozenCell[]>,
  onProgress?: (cells: number) => void,
): Promise<YearFigures> {
  const folded = new Map<string, DashCell>()
  const monthly = new Map<string, number[]>()
  let count = 0
  for await (const page of pages) {
    count += page.length
    onProgress?.(page.length)
    for (const c of page) fold(c, folded, monthly)
  }
  return { cells: [...folded.values()], monthly, count }
}

function fold(c: FrozenCell, folded: Map<string, DashCell>, monthly: Map<string, number[]>) {
  if (c.topic) return
  if (!c.campaign && c.month >= 1) {
    let row = monthly.get(c.metric)
    if (!row) monthly.set(c.metric, (row = Array(13).fill(0)))
    row[c.month] += c.value
  }
  const key = [
    c.metric,
    c.campaign ?? '',
    c.unit ?? '',
    c.unitName ?? '',
    c.contentType ?? '',
    c.channel ?? '',
    c.channelKind ?? '',
  ].join('|')
  const cell = folded.get(key)
  if (cell) cell.value += c.value
  else
    folded.set(key, {
      year: c.year,
      month: 0,
      metric: c.metric,
      value: c.value,
      campaign: c.campaign,
      unit: c.unit,
      unitName: c.unitName,
      contentType: c.contentType,
      channel: c.channel,
      channelKind: c.channelKind,
      topic: null,
    })
}
