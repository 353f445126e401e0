/**
 * The units' indicator figures by spreadsheet (issue 22, item 2): the template of a year and unit
 * kind, read back with SheetJS (not exceljs, which writes it); a filled-in file saved whole; a bad
 * file refused whole with each problem by row and column, nothing changed. Catalogue and tree from
 * tests/helpers/indicators.ts (communes enter headcount, updated ≤ headcount, population, and a
 * survey's sample and respondents ≤ sample).
 */
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { indicatorTemplate } from '../../collections/IndicatorReports/endpoints/spreadsheet'
import { importIndicatorFile, templateXlsx } from '@/reporting/indicators/spreadsheet'
import { enteredValues } from '@/reporting/indicators/facts'
import { createUser } from '../helpers/fixtures'
import { indicatorCatalogue, indicatorTree, type IndicatorTree } from '../helpers/indicators'
import { testPayload } from '../helpers/payload'

let payload: Payload
let t: IndicatorTree
let e: Record<string, string>
const users: Record<string, object> = {}
const YEAR = 2024

const reqAs = async (who: string) =>
  (await createLocalReq({ user: users[who] as never }, payload)) as PayloadRequest

/** A workbook written by SheetJS from rows, as a user's spreadsheet program would save it. */
const xlsxOf = (rows: unknown[][]) => {
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Năm 2024')
  return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }))
}

const formOf = async (unit: string) =>
  (
    await payload.find({
      collection: 'indicator-reports',
      where: { and: [{ ownerUnit: { equals: unit } }, { year: { equals: YEAR } }] },
      depth: 0,
      overrideAccess: true,
    })
  ).docs[0]

const valuesOf = async (unit: string) => {
  const form = await formOf(unit)
  if (!form) return null
  const byId = new Map(enteredValues(form).map((v) => [v.element, v.value]))
  return Object.fromEntries(Object.entries(e).map(([k, id]) => [k, byId.get(id) ?? null]))
}

let header: string[]
const code = (h: string) => h.split(' – ')[0]
/** A data row in the template's column order: unit id and name, the values by code, the survey. */
const row = (unit: string, values: Record<string, unknown>, survey: unknown[] = []) => [
  unit,
  '',
  ...header.slice(2, 7).map((h) => values[code(h)] ?? ''),
  ...survey,
]
/** The column letter of an element's code in the template. */
const col = (c: string) => String.fromCharCode(65 + header.findIndex((h) => code(h) === c))

beforeAll(async () => {
  payload = await testPayload()
  t = await indicatorTree(payload)
  const campaign = String(
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
  users.manager = await createUser(payload, 'campaign-manager', null)
  users.editorC1a = await createUser(payload, 'editor', t.C1a)
  users.viewer = await createUser(payload, 'viewer', t.C1a)
})

describe('the template', () => {
  it("lists a kind's units and elements, read back by SheetJS", async () => {
    const file = await templateXlsx(await reqAs('manager'), YEAR, 'commune')
    const wb = XLSX.read(file)
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]], { header: 1 })
    header = rows[0]
    expect(header.slice(0, 2)).toEqual(['Mã đơn vị', 'Tên đơn vị'])
    expect(header.slice(2, 7).map(code).sort()).toEqual([
      'headcount',
      'population',
      'respondents',
      'sample',
      'updated',
    ])
    expect(header.slice(7)).toEqual(['Phương pháp khảo sát', 'Ngày khảo sát (dd/mm/yyyy)'])
    expect(
      rows
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(['Đơn vị C1a', 'Đơn vị C1b', 'Đơn vị C2a', 'Đơn vị C2b'])
  })

  it("gives an editor their own unit's row only, by their unit's kind; a viewer is refused", async () => {
    const req = await reqAs('editorC1a')
    Object.assign(req, { searchParams: new URLSearchParams({ year: String(YEAR), format: 'csv' }) })
    const res = await indicatorTemplate.handler(req)
    expect(res.status).toBe(200)
    const text = (await res.text()).replace(/^\uFEFF/, '')
    const lines = text.trim().split(/\r?\n/)
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain(t.C1a)
    const viewer = await reqAs('viewer')
    Object.assign(viewer, { searchParams: new URLSearchParams({ year: String(YEAR) }) })
    expect((await indicatorTemplate.handler(viewer)).status).toBe(403)
  })
})

describe('importing a filled-in file', () => {
  it('saves every row, with grouped numbers, empty as missing, and the survey fields', async () => {
    const result = await importIndicatorFile(
      await reqAs('manager'),
      YEAR,
      xlsxOf([
        header,
        row(
          t.C1a,
          { headcount: 20, updated: 10, population: '3.000', sample: 100, respondents: 60 },
          ['Phiếu hỏi', '15/10/2024'],
        ),
        row(t.C1b, { headcount: 30, population: 1000, sample: 50, respondents: 40 }, [
          'Phiếu hỏi',
          '15/10/2024',
        ]),
      ]),
    )
    expect(result).toMatchObject({ ok: true, created: 2, updated: 0 })
    expect(await valuesOf(t.C1a)).toEqual({
      headcount: 20,
      updated: 10,
      population: 3000,
      sample: 100,
      respondents: 60,
    })
    expect((await valuesOf(t.C1b))?.updated).toBeNull()
    expect((await formOf(t.C1b))?.surveyDate?.slice(0, 10)).toBe('2024-10-15')
  })

  it('refuses a bad file whole, naming row and column, and changes nothing', async () => {
    const before = await valuesOf(t.C1a)
    const line = (cells: unknown[]) => cells.join(';')
    const survey = ['Phiếu hỏi', '15/10/2024']
    const csv = [
      header.join(';'),
      line(
        row(
          t.C1a,
          { headcount: 20, updated: 25, population: 3000, sample: 100, respondents: 60 },
          survey,
        ),
      ),
      line(
        row(
          t.C2a,
          { headcount: 10, updated: 9, population: 'abc', sample: 40, respondents: 10 },
          survey,
        ),
      ),
      line(row('không-có', { headcount: 1 })),
      line(row(t.C2b, { headcount: 5, updated: 5, population: 100, sample: 10, respondents: 20 })),
    ].join('\n')
    const result = await importIndicatorFile(await reqAs('manager'), YEAR, Buffer.from(csv))
    expect(result.ok).toBe(false)
    expect(result.problems).toEqual([
      `Dòng 2, cột ${col('updated')}: «Số được cập nhật kiến thức CĐS trong năm» (25) không được lớn hơn «Tổng số cán bộ, công chức, viên chức» (20).`,
      `Dòng 3, cột ${col('population')}: “abc” không phải số nguyên không âm (để trống nếu chưa có số liệu).`,
      'Dòng 4, cột A: Không có đơn vị mã “không-có”.',
      `Dòng 5, cột ${col('respondents')}: «Số người biết và sử dụng DVC trực tuyến» (20) không được lớn hơn «Số người được khảo sát» (10).`,
      'Dòng 5, cột H: Đã nhập số liệu khảo sát: hãy ghi phương pháp và ngày khảo sát.',
    ])
    expect(await valuesOf(t.C1a)).toEqual(before)
    expect(await formOf(t.C2a)).toBeUndefined()
    expect(await formOf(t.C2b)).toBeUndefined()
  })

  it("refuses an editor's row for another unit, and a form already handed in", async () => {
    const other = await importIndicatorFile(
      await reqAs('editorC1a'),
      YEAR,
      xlsxOf([header, row(t.C1b, { headcount: 31 })]),
    )
    expect(other.problems).toEqual([
      expect.stringMatching(/^Dòng 2, cột A: Bạn không được nhập số liệu cho “Đơn vị C1b”/),
    ])
    expect((await valuesOf(t.C1b))?.headcount).toBe(30)
    const c1a = await formOf(t.C1a)
    // Set straight in the database: the workflow's own steps are tested in indicators.test.ts.
    await payload.db.updateOne({
      collection: 'indicator-reports',
      id: c1a.id,
      data: { status: 'submitted' },
    })
    const locked = await importIndicatorFile(
      await reqAs('editorC1a'),
      YEAR,
      xlsxOf([header, row(t.C1a, { headcount: 21 })]),
    )
    expect(locked.problems).toEqual([expect.stringMatching(/đã nộp hoặc đã được chấp nhận/)])
    expect((await valuesOf(t.C1a))?.headcount).toBe(20)
  })

  it("updates an editor's own draft, keeping the columns the file leaves out", async () => {
    await payload.db.updateOne({
      collection: 'indicator-reports',
      id: (await formOf(t.C1a)).id,
      data: { status: 'returned', returnReason: 'Kiểm tra lại số cán bộ' },
    })
    const result = await importIndicatorFile(
      await reqAs('editorC1a'),
      YEAR,
      xlsxOf([
        [header[0], header[2 + header.slice(2).findIndex((h) => code(h) === 'headcount')]],
        [t.C1a, 24],
      ]),
    )
    expect(result).toMatchObject({ ok: true, created: 0, updated: 1 })
    expect(await valuesOf(t.C1a)).toEqual({
      headcount: 24,
      updated: 10,
      population: 3000,
      sample: 100,
      respondents: 60,
    })
  })
})
