/**
 * Contract of FigureReads (src/db): the same hand-made cells and units give the totals worked out
 * by hand below, on the test database (SQLite; a real MongoDB server with TEST_MONGODB_URI) and
 * on the MongoDB implementation over mingo. Only the (all campaigns, all topics) family counts:
 * the campaign's and the topic's cells, and another year's, are decoys.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { dbOps } from '@/db'
import { Metric, UnitKind } from '@/vocabulary'
import { testPayload } from '../helpers/payload'
import { mingoPayload } from './db-mingo'

const TARGETS: [string, () => Promise<Payload>][] = [
  [process.env.TEST_MONGODB_URI ? 'MongoDB server' : 'SQLite', testPayload],
  ['MongoDB over mingo', async () => mingoPayload()],
]

const P = Metric.PublicationsPublished
const E = Metric.Participants

describe.each(TARGETS)('FigureReads on %s', (_, start) => {
  let payload: Payload
  const u: Record<'province' | 'district' | 'commune', string> = {} as never

  beforeAll(async () => {
    payload = await start()
    const unit = async (name: string, kind: UnitKind, parent: string | null, active = true) =>
      String(
        (await payload.db.create({ collection: 'units', data: { name, kind, parent, active } })).id,
      )
    u.province = await unit('Sở Thông tin và Truyền thông', UnitKind.Department, null)
    u.district = await unit('UBND huyện Tân Châu', UnitKind.District, u.province)
    u.commune = await unit('UBND xã Tân Hà', UnitKind.Commune, null, false)
    let id = 1
    const cell = (
      year: number,
      month: number,
      metric: string,
      value: number,
      unitId: string,
      more: Record<string, unknown> = {},
    ) =>
      payload.db.create({
        collection: 'rollup-cells',
        data: { id: id++, year, month, metric, value, unit: unitId, unitName: 'x', ...more },
      })
    await cell(2026, 1, P, 3, u.province)
    await cell(2026, 2, P, 4, u.province)
    await cell(2026, 1, P, 5, u.district)
    await cell(2026, 1, E, 20, u.district)
    await cell(2026, 1, P, 7, u.commune)
    // Decoys: another family, another year.
    await cell(2026, 1, P, 100, u.province, { campaign: 'camp-1' })
    await cell(2026, 1, P, 1000, u.district, { topic: 'topic-1' })
    await cell(2027, 1, P, 9, u.province)
  })

  /** Rows may repeat a key: added up, as the callers do. */
  const summed = <T>(rows: T[], keyOf: (r: T) => string, valueOf: (r: T) => number) => {
    const out: Record<string, number> = {}
    for (const r of rows) out[keyOf(r)] = (out[keyOf(r)] ?? 0) + Number(valueOf(r))
    return out
  }

  it("the year's totals by month and measure", async () => {
    const rows = await dbOps(payload).figures.yearTotals(2026)
    expect(summed(rows, (r) => `${r.month}|${r.metric}`, (r) => r.total)).toEqual({
      [`1|${P}`]: 3 + 5 + 7,
      [`2|${P}`]: 4,
      [`1|${E}`]: 20,
    })
  })

  it("a set of units' totals by measure", async () => {
    const totals = await dbOps(payload).figures.subtreeTotals(2026, [u.province, u.district])
    expect(Object.fromEntries(totals)).toEqual({ [P]: 3 + 4 + 5, [E]: 20 })
    expect(Object.fromEntries(await dbOps(payload).figures.subtreeTotals(2026, []))).toEqual({})
  })

  it("the units' yearly totals of some measures, for some units or all", async () => {
    const { rollupByUnit } = dbOps(payload).figures
    const key = (r: { unit: string; year: number; metric: string }) =>
      `${r.unit}|${r.year}|${r.metric}`
    expect(
      summed(await rollupByUnit([P], [2026, 2027], [u.province, u.district]), key, (r) => r.total),
    ).toEqual({
      [`${u.province}|2026|${P}`]: 7,
      [`${u.district}|2026|${P}`]: 5,
      [`${u.province}|2027|${P}`]: 9,
    })
    expect(summed(await rollupByUnit([P, E], [2026], null), key, (r) => r.total)).toEqual({
      [`${u.province}|2026|${P}`]: 7,
      [`${u.district}|2026|${P}`]: 5,
      [`${u.district}|2026|${E}`]: 20,
      [`${u.commune}|2026|${P}`]: 7,
    })
  })

  it('every unit with its kind, parent and whether it is active', async () => {
    const units = await dbOps(payload).figures.allUnits()
    expect(Object.fromEntries(units.map((x) => [x.id, x]))).toEqual({
      [u.province]: {
        id: u.province,
        name: 'Sở Thông tin và Truyền thông',
        kind: UnitKind.Department,
        parent: null,
        active: true,
      },
      [u.district]: {
        id: u.district,
        name: 'UBND huyện Tân Châu',
        kind: UnitKind.District,
        parent: u.province,
        active: true,
      },
      [u.commune]: {
        id: u.commune,
        name: 'UBND xã Tân Hà',
        kind: UnitKind.Commune,
        parent: null,
        active: false,
      },
    })
  })
})
