/**
 * A snapshot's frozen cells read the SQLite way (one INSERT … SELECT to copy, a read-only
 * connection to page, GROUP BY to fold) and the portable way other databases take (Payload's
 * find and the adapter's create, page by page): the same cells, the same checksum, the same
 * figures, over the hand-known dataset.
 */
import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { rebuildYear, refreshDirty } from '@/reporting/engine'
import { scanSnapshot } from '@/reporting/export/scan'
import { cellsOfYear, checksumOf, snapshotCellPages, type FrozenCell } from '@/reporting/snapshot'
import { testPayload } from '../helpers/payload'
import { handDataset } from '../helpers/rollup'

let payload: Payload
let id: Record<string, string>
let fast: { id: string; checksum: string; cellCount: number }
let portable: { id: string; checksum: string; cellCount: number }

const all = async (snapshot: string, options: { portable?: boolean; unit?: string } = {}) => {
  const cells: FrozenCell[] = []
  for await (const page of snapshotCellPages(payload, snapshot, options)) cells.push(...page)
  return cells
}
const snap = async (context: Record<string, unknown> = {}) => {
  const doc = await payload.create({
    collection: 'rollup-snapshots',
    overrideAccess: true,
    data: { year: 2026 },
    context,
  })
  return { id: String(doc.id), checksum: doc.checksum ?? '', cellCount: doc.cellCount ?? 0 }
}

beforeAll(async () => {
  payload = await testPayload()
  id = await handDataset(payload)
  await rebuildYear(payload, 2026)
  // The dataset's pending marks folded now: a freeze folds what is pending first, which would
  // recompute July and drop the cell written by hand below.
  await refreshDirty(payload)
  // A cell the hand dataset lacks, for the SQLite checksum's JSON (built by SQLite around the value):
  // a fraction JSON.stringify writes in full (140 s of airtime in minutes) and a unit name with
  // quotes, a backslash, control characters and a character outside the BMP to escape.
  await (
    payload.db as unknown as { drizzle: { run: (q: unknown) => Promise<unknown> } }
  ).drizzle.run(
    sql`INSERT INTO rollup_cells (year, month, metric, value, unit, unit_name, topic)
      VALUES (2026, 7, 'broadcast-minutes', ${140 / 60}, ${id.U2}, ${'Đài "PT-TH" \\ Tây Ninh\t\n\u0001 😀'}, 'kiểm-tra')`,
  )
  fast = await snap()
  portable = await snap({ portableSnapshot: true })
}, 120_000)

describe('snapshot cells, SQLite and portable paths', () => {
  it('copy the same cells with the same count and checksum as the live table', async () => {
    const live = await cellsOfYear(payload, 2026)
    expect(live.length).toBeGreaterThan(10)
    expect(live.find((c) => c.topic === 'kiểm-tra')?.value).toBe(140 / 60)
    expect([fast.cellCount, portable.cellCount]).toEqual([live.length, live.length])
    expect(fast.checksum).toBe(checksumOf(live))
    expect(portable.checksum).toBe(fast.checksum)
  })

  it('page the same cells in key order, whole or for one unit', async () => {
    const live = await cellsOfYear(payload, 2026)
    expect(await all(fast.id)).toEqual(live)
    expect(await all(fast.id, { portable: true })).toEqual(live)
    const ofUnit = live.filter((c) => c.unit === id.U1)
    expect(ofUnit.length).toBeGreaterThan(0)
    expect(await all(fast.id, { unit: id.U1 })).toEqual(ofUnit)
    expect(await all(fast.id, { unit: id.U1, portable: true })).toEqual(ofUnit)
  })

  it('fold the same figures for the export’s tables', async () => {
    const round = (f: Awaited<ReturnType<typeof scanSnapshot>>) => ({
      count: f.count,
      cells: f.cells
        .map((c) => ({ ...c, value: Math.round(c.value * 100) / 100 }))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      monthly: Object.fromEntries(
        [...f.monthly].map(([m, v]) => [m, v.map((x) => Math.round(x * 100) / 100)]),
      ),
    })
    for (const unit of [null, id.U1]) {
      const sqlite = await scanSnapshot(payload, fast.id, unit)
      const other = await scanSnapshot(payload, fast.id, unit, undefined, { portable: true })
      expect(sqlite.count).toBeGreaterThan(0)
      expect(round(sqlite)).toEqual(round(other))
    }
  })
})
