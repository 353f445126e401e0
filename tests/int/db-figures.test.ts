/**
 * Contract of FigureReads (src/db): the same hand-made cells and units give the totals worked out
 * by hand below, on the test database (SQLite; a real MongoDB server with TEST_MONGODB_URI) and
 * on the MongoDB implementation over mingo. Only the (all campaigns, all topics) family counts:
 * the campaign's and the topic's cells, and another year's, are decoys.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { dbOps } from '@/db'
import type { Indicator } from '@/reporting/indicators/catalogue'
import { IndicatorKind, Metric, OperandSource, UnitKind } from '@/vocabulary'
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

  it("the indicators' sums: entered sides, a rollup side, a survey's weights, complete facts only", async () => {
    const fact = (
      indicator: string,
      unit: string,
      year: number,
      numerator: number | null,
      denominator: number | null,
      more: Record<string, unknown> = {},
    ) =>
      payload.db.create({
        collection: 'indicator-facts',
        data: { indicator, unit, year, numerator, denominator, complete: true, ...more },
      })
    // A: entered ÷ entered; the commune's fact is incomplete (missing is not zero).
    await fact('A', u.province, 2026, 30, 40)
    await fact('A', u.district, 2026, 10, 20)
    await fact('A', u.commune, 2026, 5, null, { complete: false })
    await fact('A', u.province, 2027, 1, 2)
    // R: the units' published items (the rollup's all-campaigns, all-topics cells) ÷ an entered figure.
    await fact('R', u.province, 2026, null, 70)
    await fact('R', u.district, 2026, null, 50)
    await fact('R', u.commune, 2026, null, 10)
    await fact('R', u.province, 2027, null, 10)
    // W: a survey, weighted by population.
    await fact('W', u.province, 2026, 50, 100, { weight: 1000 })
    await fact('W', u.district, 2026, 20, 80, { weight: 3000 })
    // Changed after it was written, then removed: the sums follow (SQLite keeps them by triggers).
    const gone = await fact('A', u.district, 2026, 999, 999)
    await payload.db.updateOne({
      collection: 'indicator-facts',
      id: gone.id,
      data: { numerator: 500 },
    })
    await payload.db.deleteMany({ collection: 'indicator-facts', where: { id: { equals: gone.id } } })

    const ind = (code: string, more: Partial<Indicator> = {}) =>
      ({
        code,
        kind: IndicatorKind.Percentage,
        numerator: { source: OperandSource.Element, element: 'n' },
        denominator: { source: OperandSource.Element, element: 'd' },
        weight: null,
        ...more,
      }) as Indicator
    const indicators = [
      ind('A'),
      ind('R', { numerator: { source: OperandSource.Rollup, measure: P } }),
      ind('W', { weight: 'w' }),
    ]
    const plain = (numerator: number, denominator: number, reported: number) => ({
      numerator,
      denominator,
      weight: 0,
      weighted: 0,
      reported,
    })
    const sums = async (units: string[] | null) =>
      Object.fromEntries(
        await dbOps(payload).figures.indicatorSums({ indicators, years: [2026, 2027], units }),
      )
    const survey = {
      numerator: 70,
      denominator: 180,
      weight: 4000,
      weighted: 1000 * (50 / 100) + 3000 * (20 / 80),
      reported: 2,
    }
    expect(await sums(null)).toEqual({
      'A|2026': plain(40, 60, 2),
      'A|2027': plain(1, 2, 1),
      'R|2026': plain(7 + 5 + 7, 130, 3),
      'R|2027': plain(9, 10, 1),
      'W|2026': survey,
    })
    expect(await sums([u.province, u.district])).toEqual({
      'A|2026': plain(40, 60, 2),
      'A|2027': plain(1, 2, 1),
      'R|2026': plain(7 + 5, 120, 2),
      'R|2027': plain(9, 10, 1),
      'W|2026': survey,
    })
  })
})
