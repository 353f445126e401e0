/**
 * Awareness indicators (issue 22) over a three-level tree (tests/helpers/indicators.ts): province →
 * districts D1, D2 → communes C1a, C1b, C2a, C2b, and department Dep. C2b sends nothing; C1b leaves
 * "updated" empty; D2 leaves the population empty. Values of 2024, by hand:
 *
 *          headcount updated | population sample respondents (share)
 *   D1        100      80    |   10,000    200     100  (0.50)
 *   D2         50      50    |      —      100      90
 *   C1a        20      10    |    3,000    100      60  (0.60)
 *   C1b        30       —    |    1,000     50      40  (0.80)
 *   C2a        10       9    |    2,000     40      10  (0.25)
 *   Dep        40      20    |  (department: no survey)   trainees in the rollup: 12 + 18 = 30
 *
 * CB-CAPNHAT (updated ÷ headcount), province: D1, D2, C1a, C2a, Dep reported both: 169 ÷ 220 =
 *   76.818…% (the mean of their shares would be 74%); coverage 5 of 7 (2 districts, 4 communes, Dep).
 *   Under D1: D1 and C1a: 90 ÷ 120 = 75%, coverage 2 of 3.
 * DAN-DVC (survey, weighted by population): D1, C1a, C1b, C2a: (10,000·0.5 + 3,000·0.6 + 1,000·0.8 +
 *   2,000·0.25) ÷ 16,000 = 8,100 ÷ 16,000 = 50.625% (pooled 210 ÷ 390 would be 53.8%); coverage 4 of 6.
 * CB-DAOTAO (trainees from the rollup ÷ headcount, departments): 30 ÷ 40 = 75%, coverage 1 of 1
 *   (the 99 trainees of a campaign's cell are the same people again and are not added).
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { PassThrough } from 'node:stream'
import * as XLSX from 'xlsx'
import { writeXlsx } from '@/reporting/export/xlsx'
import { yearModel, type ExportModel } from '@/reporting/export/model'
import { freezeYear } from '@/reporting/freeze'
import { loadIndicatorPanel } from '@/reporting/indicators/panel'
import { indicatorSheet } from '@/reporting/indicators/sheet'
import { pathValue } from '@/reporting/indicators/path'
import { ownIndicators } from '@/reporting/indicators/unitValues'
import { attempt, loose, type Doc, type LooseApi } from '../helpers/accessMatrix'
import { createUser } from '../helpers/fixtures'
import { indicatorCatalogue, indicatorTree, type IndicatorTree } from '../helpers/indicators'
import { testPayload } from '../helpers/payload'

let payload: Payload
let api: LooseApi
let t: IndicatorTree
let e: Record<string, string>
let campaign: string
const forms: Record<string, string> = {}
const users: Record<string, Doc> = {}

const valuesOf = (v: Partial<Record<string, number | null>>) =>
  Object.entries(v).map(([k, value]) => ({ element: e[k], value }))
const survey = {
  surveyMethod: 'Phiếu hỏi ngẫu nhiên hộ gia đình',
  surveyDate: '2024-10-15T00:00:00.000Z',
}

async function form(unit: string, v: Partial<Record<string, number | null>>, withSurvey = true) {
  const doc = await api.create({
    collection: 'indicator-reports',
    overrideAccess: true,
    data: { ownerUnit: t[unit], year: 2024, values: valuesOf(v), ...(withSurvey ? survey : {}) },
  })
  forms[unit] = doc.id
}

beforeAll(async () => {
  payload = await testPayload()
  api = loose(payload)
  t = await indicatorTree(payload)
  campaign = String(
    (
      await payload.create({
        collection: 'campaigns',
        overrideAccess: true,
        data: {
          name: 'Kế hoạch 1155/KH-UBND',
          leadUnit: t.P,
          startsOn: '2022-01-01T00:00:00+07:00',
          endsOn: '2025-12-31T00:00:00+07:00',
        } as never,
      })
    ).id,
  )
  e = await indicatorCatalogue(payload, campaign)
  await form('D1', {
    headcount: 100,
    updated: 80,
    population: 10_000,
    sample: 200,
    respondents: 100,
  })
  await form('D2', { headcount: 50, updated: 50, sample: 100, respondents: 90 })
  await form('C1a', { headcount: 20, updated: 10, population: 3000, sample: 100, respondents: 60 })
  await form('C1b', { headcount: 30, population: 1000, sample: 50, respondents: 40 })
  await form('C2a', { headcount: 10, updated: 9, population: 2000, sample: 40, respondents: 10 })
  await form('Dep', { headcount: 40, updated: 20 }, false)
  // The rollup's cells of Dep's trainees: two months of the (all, all) family, and the same people in a campaign's family.
  let id = 1
  for (const [month, value, camp] of [
    [3, 12, null],
    [7, 18, null],
    [7, 99, campaign],
  ] as const)
    await payload.db.create({
      collection: 'rollup-cells',
      data: { id: id++, year: 2024, month, metric: 'trainees', value, unit: t.Dep, campaign: camp },
    })
  users.editorD1 = (await createUser(payload, 'editor', t.D1)) as unknown as Doc
  users.editorC1a = (await createUser(payload, 'editor', t.C1a)) as unknown as Doc
  users.manager = (await createUser(payload, 'campaign-manager', null)) as unknown as Doc
}, 120_000)

/** An export model written as XLSX and read back by SheetJS: its sheets' names and the indicators sheet's rows. */
async function readBack(model: ExportModel) {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  await writeXlsx(model, out)
  const book = XLSX.read(Buffer.concat(chunks), { type: 'buffer' })
  const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Chỉ tiêu nhận thức'], {
    header: 1,
  })
  return { names: book.SheetNames, rows }
}

const row = (rows: { code: string }[], code: string) =>
  rows.find((r) => r.code === code) as never as {
    value: number | null
    numerator: number
    denominator: number
    reported: number
    expected: number
    coverage: number | null
    target: number | null
    status: string | null
    trend: { year: number; value: number | null; path: number | null }[]
  }

describe('aggregation over the tree', () => {
  it('sums numerators and denominators over the units that reported both, with coverage', async () => {
    for (const portable of [false, true]) {
      const { rows } = await loadIndicatorPanel(
        payload,
        { year: 2024, unit: null, campaign },
        { portable },
      )
      const r = row(rows, 'CB-CAPNHAT')
      expect([r.numerator, r.denominator, r.reported, r.expected]).toEqual([169, 220, 5, 7])
      expect(r.value).toBeCloseTo((169 / 220) * 100, 10)
      expect(r.coverage).toBeCloseTo(5 / 7, 10)
      // The path from 60% (2022) to 100% (2025): 86.67% in 2024; 76.8% is behind it.
      expect(r.target).toBeCloseTo(60 + (40 * 2) / 3, 10)
      expect(r.status).toBe('behind')
      const s = row(rows, 'DAN-DVC')
      expect(s.value).toBeCloseTo(50.625, 10)
      expect([s.reported, s.expected]).toEqual([4, 6])
      // 2024's path from 40% (2022) to 70% (2025) is 60%; 50.6% is behind.
      expect(s.target).toBeCloseTo(60, 10)
      const d = row(rows, 'CB-DAOTAO')
      expect([d.numerator, d.denominator, d.reported, d.expected]).toEqual([30, 40, 1, 1])
      expect(d.value).toBeCloseTo(75, 10)
      // The trend covers the plan's years (2022-2030); only 2024 has figures; missing is not zero.
      expect(s.trend.map((p) => p.year)).toEqual([
        2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030,
      ])
      expect(s.trend.find((p) => p.year === 2023)!.value).toBeNull()
      expect(s.trend.find((p) => p.year === 2027)!.path).toBeCloseTo(70 + (20 * 2) / 5, 10)
    }
  })

  it('takes a district with the communes below it, judged on its unit kind’s targets', async () => {
    const { rows, units } = await loadIndicatorPanel(payload, { year: 2024, unit: t.D1, campaign })
    expect(units.map((u) => u.id).sort()).toEqual([t.D1, t.C1a, t.C1b].sort())
    const r = row(rows, 'CB-CAPNHAT')
    expect([r.numerator, r.denominator, r.reported, r.expected]).toEqual([90, 120, 2, 3])
    expect(r.value).toBeCloseTo(75, 10)
    const c = await loadIndicatorPanel(payload, { year: 2024, unit: t.C1a, campaign })
    // A commune's own path: 40% (2022) → 70% (2025) gives 60% in 2024; C1a's 50% is behind it.
    expect(row(c.rows, 'CB-CAPNHAT').target).toBeCloseTo(60, 10)
    expect(row(c.rows, 'CB-CAPNHAT').value).toBeCloseTo(50, 10)
    expect(row(c.rows, 'CB-CAPNHAT').status).toBe('behind')
  })

  it('follows the tree of each year: a commune moved to the province on 01/07/2025 counts with its district in 2024, not in 2026', async () => {
    const moved = await payload.create({
      collection: 'units',
      overrideAccess: true,
      data: {
        name: 'Xã chuyển về tỉnh',
        kind: 'commune',
        parents: [
          { parent: t.D1, to: '2025-06-29T17:00:00.000Z' },
          { parent: t.P, from: '2025-06-30T17:00:00.000Z' },
        ],
      } as never,
    })
    try {
      const y2024 = await loadIndicatorPanel(payload, { year: 2024, unit: t.D1, campaign })
      const y2026 = await loadIndicatorPanel(payload, { year: 2026, unit: t.D1, campaign })
      expect(y2024.units.map((u) => u.id)).toContain(String(moved.id))
      expect(y2026.units.map((u) => u.id).sort()).toEqual([t.D1, t.C1a, t.C1b].sort())
      // The district's 2024 coverage expects the moved commune's form too: D1 and three communes.
      expect(row(y2024.rows, 'CB-CAPNHAT').expected).toBe(4)
    } finally {
      await payload.delete({ collection: 'units', id: moved.id, overrideAccess: true })
    }
  })

  it('exports the indicators sheet, read back with SheetJS: the province, then each unit', async () => {
    const sheet = await indicatorSheet(payload, [2024], null)
    const { names, rows } = await readBack({
      label: 'năm 2024',
      snapshot: { takenAt: new Date().toISOString() },
      sheets: [sheet],
    } as unknown as ExportModel)
    expect(names).toEqual(['Chỉ tiêu nhận thức'])
    const header = rows.findIndex((r) => r[0] === 'Mã')
    expect(rows[header]).toEqual([
      'Mã',
      'Chỉ tiêu',
      'Năm',
      'Đơn vị',
      'Chỉ tiêu (lộ trình)',
      'Tử số',
      'Mẫu số',
      'Thực hiện',
      'Đánh giá',
      'Tỷ lệ báo cáo',
      'Đã báo cáo',
    ])
    const find = (code: string, unit: string) =>
      rows.find((r) => r[0] === code && r[3] === unit) as unknown[]
    expect(find('CB-CAPNHAT', 'Toàn tỉnh').slice(4)).toEqual([
      86.7,
      169,
      220,
      76.8,
      'Chậm tiến độ',
      71.4,
      '5/7',
    ])
    expect(find('DAN-DVC', 'Toàn tỉnh')[7]).toBe(50.6)
    expect(find('CB-DAOTAO', 'Toàn tỉnh').slice(5, 8)).toEqual([30, 40, 75])
    // Each unit's own row; the commune that sent nothing is listed as such, C1b lacks "updated".
    expect(find('CB-CAPNHAT', 'Đơn vị D1').slice(5, 8)).toEqual([80, 100, 80])
    expect(find('CB-CAPNHAT', 'Đơn vị C2b')[8]).toBe('Chưa báo cáo')
    expect(find('CB-CAPNHAT', 'Đơn vị C1b')[8]).toBe('Chưa báo cáo')
    expect(rows.filter((r) => r[0] === 'CB-CAPNHAT')).toHaveLength(1 + 7)
  })

  it("a unit's own indicators for its yearly report: entered sides, value, its kind's target, missing as missing", async () => {
    const c1b = (await ownIndicators(payload, t.C1b, 2024))!
    // A commune reports the officials' share and the survey, not the department's training share.
    expect(c1b.rows.map((r) => r.indicator)).toEqual(['CB-CAPNHAT', 'DAN-DVC'])
    const [updated, survey] = c1b.rows
    // "updated" not entered: the headcount alone, no value (not 0 %), judged "no data".
    expect([updated.numerator, updated.denominator, updated.reported, updated.value]).toEqual([
      null,
      30,
      false,
      null,
    ])
    expect(updated.status).toBe('no-data')
    expect(updated.target).toBeCloseTo(60, 10)
    expect([survey.numerator, survey.denominator, survey.reported]).toEqual([40, 50, true])
    expect(survey.value).toBeCloseTo(80, 10)
    expect(survey.status).toBe('achieved')
    const dep = (await ownIndicators(payload, t.Dep, 2024))!
    // Its trainees from the rollup (12 + 18; the campaign's family is the same people) ÷ its headcount.
    const training = dep.rows.find((r) => r.indicator === 'CB-DAOTAO')!
    expect([training.numerator, training.denominator, training.value]).toEqual([30, 40, 75])
    expect(dep.rows.find((r) => r.indicator === 'CB-CAPNHAT')!.value).toBeCloseTo(50, 10)
    // A district with nothing entered for 2023: every indicator it reports, each missing.
    const none = (await ownIndicators(payload, t.D2, 2023))!
    expect(none.rows.map((r) => [r.indicator, r.reported, r.numerator, r.value])).toEqual([
      ['CB-CAPNHAT', false, null, null],
      ['DAN-DVC', false, null, null],
    ])
  })

  it("a frozen year's export shows the indicators as they were at the freeze, not as recomputed", async () => {
    await freezeYear(payload, 2024)
    const sheetRow = async (unit: string) => {
      const { rows } = await readBack(await yearModel(payload, { year: 2024 }))
      return rows.find((r) => r[0] === 'CB-CAPNHAT' && r[3] === unit) as unknown[]
    }
    expect((await sheetRow('Toàn tỉnh')).slice(5, 8)).toEqual([169, 220, 76.8])
    // D1 then records 100 of 100 updated instead of 80: today's panel changes (189 ÷ 220) ...
    const d1 = await payload.findByID({ collection: 'indicator-reports', id: forms.D1, depth: 0 })
    const changed = (updated: number) =>
      payload.update({
        collection: 'indicator-reports',
        id: forms.D1,
        overrideAccess: true,
        data: {
          values: d1.values!.map((v) => ({
            element: v.element,
            value: v.element === e.updated ? updated : v.value,
          })),
        },
      })
    await changed(100)
    try {
      const live = await loadIndicatorPanel(payload, { year: 2024, unit: null, campaign })
      expect([
        row(live.rows, 'CB-CAPNHAT').numerator,
        row(live.rows, 'CB-CAPNHAT').denominator,
      ]).toEqual([189, 220])
      // ... the frozen year's sheet does not: the province's sums and D1's own row as frozen.
      expect((await sheetRow('Toàn tỉnh')).slice(5, 8)).toEqual([169, 220, 76.8])
      expect((await sheetRow('Đơn vị D1')).slice(5, 8)).toEqual([80, 100, 80])
      expect((await sheetRow('Đơn vị C1b'))[8]).toBe('Chưa báo cáo')
    } finally {
      await changed(80)
    }
  })

  it('draws the path linearly between the plan’s stated years', () => {
    const targets = [
      { campaign, unitKind: null, year: 2021, value: 50 },
      { campaign, unitKind: null, year: 2025, value: 70 },
      { campaign, unitKind: null, year: 2030, value: 90 },
    ]
    expect([2020, 2021, 2023, 2025, 2028, 2031].map((y) => pathValue(targets, y))).toEqual([
      null,
      50,
      60,
      70,
      82,
      90,
    ])
  })
})

const stored = (id: string) =>
  api.findByID({ collection: 'indicator-reports', id, overrideAccess: true })
const facts = () =>
  api.find({ collection: 'indicator-facts', overrideAccess: true, limit: 0, pagination: false })
const messages = (r: { ok: boolean; error?: unknown }) => {
  const err = r.error as Error & { data?: { errors?: { path: string; message: string }[] } }
  return err?.data?.errors ?? [{ path: '', message: err?.message }]
}
const valueIn = (doc: Doc, key: string) =>
  doc.values.find(
    (v: { element: unknown }) => String((v.element as Doc)?.id ?? v.element) === e[key],
  )?.value

describe('the form', () => {
  it('lists every element of its unit kind, empty where nothing was entered', async () => {
    const dep = await stored(forms.Dep)
    expect(dep.values.map((v: Doc) => String(v.element?.id ?? v.element)).sort()).toEqual(
      [e.headcount, e.updated].sort(),
    )
    const c1b = await stored(forms.C1b)
    expect(c1b.values).toHaveLength(5)
    expect(valueIn(c1b, 'updated')).toBeNull()
  })

  it('refuses bad values in Vietnamese and changes nothing', async () => {
    const before = JSON.stringify([await stored(forms.C1a), (await facts()).docs])
    const cases: [Partial<Record<string, number | null>>, Record<string, string | null>, RegExp][] =
      [
        [{ headcount: 20, updated: 25 }, survey, /không được lớn hơn «Tổng số cán bộ/],
        [{ sample: 100, respondents: 101 }, survey, /không được lớn hơn «Số người được khảo sát»/],
        [{ headcount: 20.5 }, survey, /phải là số nguyên không âm/],
        [{ headcount: -1 }, survey, /phải là số nguyên không âm/],
        [
          { sample: 100, respondents: 50 },
          { surveyMethod: '', surveyDate: null },
          /phương pháp và ngày khảo sát/,
        ],
      ]
    for (const [v, extra, message] of cases) {
      const r = await attempt(() =>
        api.update({
          collection: 'indicator-reports',
          id: forms.C1a,
          user: users.editorC1a,
          overrideAccess: false,
          data: { values: valuesOf(v), ...extra },
        }),
      )
      expect(r.ok).toBe(false)
      expect(
        messages(r)
          .map((m) => m.message)
          .join(' | '),
      ).toMatch(message)
    }
    // An element another unit kind enters (a department's form has no survey).
    const r = await attempt(() =>
      api.update({
        collection: 'indicator-reports',
        id: forms.Dep,
        overrideAccess: true,
        data: { values: valuesOf({ headcount: 40, sample: 5 }) },
      }),
    )
    expect(messages(r)[0].message).toMatch(/không thuộc biểu mẫu của Sở, ban, ngành khác/)
    expect(JSON.stringify([await stored(forms.C1a), (await facts()).docs])).toBe(before)
  })

  it('lets a unit enter only its own values, and only a campaign manager reopen accepted ones', async () => {
    const asUser = (who: string) => ({ user: users[who], overrideAccess: false })
    const save = (who: string, id: string, data: Record<string, unknown>) =>
      attempt(() => api.update({ collection: 'indicator-reports', id, ...asUser(who), data }))
    // D1's editor cannot touch C1a's form (a commune below it), nor create one for it.
    expect((await save('editorD1', forms.C1a, { values: valuesOf({ headcount: 21 }) })).ok).toBe(
      false,
    )
    const other = await attempt(() =>
      api.create({
        collection: 'indicator-reports',
        ...asUser('editorD1'),
        data: { ownerUnit: t.C2b, year: 2024, values: [] },
      }),
    )
    expect(other.ok).toBe(false)
    // C1a's editor corrects and submits; the panel follows the form.
    expect(
      (
        await save('editorC1a', forms.C1a, {
          values: valuesOf({
            headcount: 20,
            updated: 12,
            population: 3000,
            sample: 100,
            respondents: 60,
          }),
        })
      ).ok,
    ).toBe(true)
    let p = row(
      (await loadIndicatorPanel(payload, { year: 2024, unit: null, campaign })).rows,
      'CB-CAPNHAT',
    )
    expect([p.numerator, p.denominator]).toEqual([171, 220])
    expect((await save('editorC1a', forms.C1a, { status: 'submitted' })).ok).toBe(true)
    const locked = await save('editorC1a', forms.C1a, {
      values: valuesOf({ headcount: 20, updated: 1 }),
    })
    expect(messages(locked)[0].message).toMatch(/đã nộp/)
    expect((await save('manager', forms.C1a, { status: 'accepted' })).ok).toBe(true)
    for (const who of ['editorC1a', 'manager'])
      expect(
        (await save(who, forms.C1a, { values: valuesOf({ headcount: 20, updated: 1 }) })).ok,
      ).toBe(false)
    const noReopen = await save('editorC1a', forms.C1a, { status: 'returned', returnReason: 'Sửa' })
    expect(messages(noReopen)[0].message).toMatch(/chỉ Sở TT&TT/)
    expect((await stored(forms.C1a)).status).toBe('accepted')
    expect(
      (
        await save('manager', forms.C1a, {
          status: 'returned',
          returnReason: 'Số liệu khảo sát cần kiểm tra lại',
        })
      ).ok,
    ).toBe(true)
    expect(
      (
        await save('editorC1a', forms.C1a, {
          values: valuesOf({
            headcount: 20,
            updated: 10,
            population: 3000,
            sample: 100,
            respondents: 60,
          }),
        })
      ).ok,
    ).toBe(true)
    const back = await stored(forms.C1a)
    expect(back.status).toBe('draft')
    p = row(
      (await loadIndicatorPanel(payload, { year: 2024, unit: null, campaign })).rows,
      'CB-CAPNHAT',
    )
    expect([p.numerator, p.denominator]).toEqual([169, 220])
  })
})
