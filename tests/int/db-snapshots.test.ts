/**
 * Contract of SnapshotOps (src/db): a year's live cells copied into a snapshot are read back by
 * pages in key order (whole, by unit, by small pages), as the JSON the checksum is taken over, and
 * folded into the export's yearly figures worked out by hand below. Run with the test database's
 * implementation (SQLite; a real MongoDB server with TEST_MONGODB_URI), with the adapter-neutral one
 * MongoDB uses on that same database, and with MongoDB's over mingo.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { dbOps, type SnapshotOps } from '@/db'
import { portableSnapshots } from '@/db/portable/snapshots'
import { cellKey } from '@/reporting/cells'
import type { FrozenCell } from '@/reporting/frozen'
import { Metric } from '@/vocabulary'
import { testPayload } from '../helpers/payload'
import { mingoPayload } from './db-mingo'

type Target = { payload: Payload; ops: SnapshotOps; year: number }
const real = process.env.TEST_MONGODB_URI ? 'MongoDB server' : 'SQLite'
const TARGETS: [string, () => Promise<Target>][] = [
  [real, async () => ({ payload: await testPayload(), ops: dbOps(await testPayload()).snapshots, year: 2030 })],
  [
    `the adapter-neutral implementation on ${real}`,
    async () => ({ payload: await testPayload(), ops: portableSnapshots(await testPayload()), year: 2040 }),
  ],
  [
    'MongoDB over mingo',
    async () => {
      const payload = mingoPayload()
      return { payload, ops: dbOps(payload).snapshots, year: 2030 }
    },
  ],
]

const P = Metric.PublicationsPublished
const E = Metric.Participants

const all = async (pages: AsyncIterable<FrozenCell[]>) => {
  const out: FrozenCell[] = []
  for await (const page of pages) out.push(...page)
  return out
}

describe.each(TARGETS)('SnapshotOps on %s', (_, start) => {
  let t: Target
  const snapshot = `snap-${Math.random().toString(36).slice(2, 8)}`

  beforeAll(async () => {
    t = await start()
    const { year } = t
    let id = year * 100
    const cell = (y: number, month: number, metric: string, value: number, unit: string, more = {}) =>
      t.payload.db.create({
        collection: 'rollup-cells',
        data: { id: id++, year: y, month, metric, value, unit, unitName: `Đơn vị ${unit}`, ...more },
      })
    await cell(year, 1, P, 3, 'u-a')
    await cell(year, 2, P, 4, 'u-a')
    await cell(year, 1, P, 5, 'u-b')
    await cell(year, 1, E, 20, 'u-b')
    await cell(year, 1, P, 100, 'u-a', { campaign: 'camp-1' })
    await cell(year, 1, P, 1000, 'u-b', { topic: 'topic-1' })
    // Another year: not copied.
    await cell(year + 1, 1, P, 9, 'u-a')
    await t.ops.copyCells(snapshot, year)
  })

  it('reads the frozen cells back in key order, whole, by unit and a page at a time', async () => {
    const cells = await all(t.ops.cellPages(snapshot))
    expect(cells).toHaveLength(6)
    expect(cells.map((c) => c.key)).toEqual(cells.map((c) => cellKey(c)).sort())
    expect(cells.map((c) => c.value).sort((a, b) => a - b)).toEqual([3, 4, 5, 20, 100, 1000])
    expect(cells.find((c) => c.campaign === 'camp-1')).toMatchObject({
      year: t.year,
      month: 1,
      metric: P,
      unit: 'u-a',
      unitName: 'Đơn vị u-a',
      topic: null,
    })
    const byTwo = await t.ops.cellPages(snapshot, { pageSize: 2 })
    const pages: number[] = []
    for await (const page of byTwo) pages.push(page.length)
    expect(pages).toEqual([2, 2, 2])
    const ofB = await all(t.ops.cellPages(snapshot, { unit: 'u-b' }))
    expect(ofB.map((c) => c.value).sort((a, b) => a - b)).toEqual([5, 20, 1000])
    expect(await all(t.ops.cellPages(snapshot, { unit: ['u-a', 'u-b'] }))).toEqual(cells)
    expect(await all(t.ops.cellPages('no-such-snapshot'))).toEqual([])
  })

  it('gives each cell as JSON.stringify writes it, in the same order', async () => {
    const json: string[] = []
    for await (const page of t.ops.jsonPages(snapshot)) json.push(...page)
    expect(json).toEqual((await all(t.ops.cellPages(snapshot))).map((c) => JSON.stringify(c)))
  })

  it("folds the export's yearly figures: months summed, topic cells left out, the month table from (all, all)", async () => {
    let heard = 0
    const figures = await t.ops.scan(snapshot, null, (n) => (heard += n))
    expect(figures.count).toBe(6)
    expect(heard).toBe(6)
    const folded = Object.fromEntries(
      figures.cells.map((c) => [`${c.metric}|${c.campaign ?? ''}|${c.unit}`, [c.month, c.value]]),
    )
    expect(folded).toEqual({
      [`${P}||u-a`]: [0, 3 + 4],
      [`${P}||u-b`]: [0, 5],
      [`${E}||u-b`]: [0, 20],
      [`${P}|camp-1|u-a`]: [0, 100],
    })
    const months = (n: Record<number, number>) => Array.from({ length: 13 }, (_, m) => n[m] ?? 0)
    expect(Object.fromEntries(figures.monthly)).toEqual({
      [P]: months({ 1: 3 + 5, 2: 4 }),
      [E]: months({ 1: 20 }),
    })
    const ofB = await t.ops.scan(snapshot, ['u-b'])
    expect(ofB.count).toBe(3)
    expect(ofB.cells.map((c) => [c.metric, c.value]).sort()).toEqual([
      [P, 5],
      [E, 20],
    ].sort())
  })
})
