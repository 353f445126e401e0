/**
 * Period reports: the mid-term review (2022-2023) and the final review (2022-2025), a column per
 * year and the period's total, from each year's latest snapshot, over a dataset whose totals are
 * known by hand (below). XLSX read back with SheetJS (exceljs wrote it), CSV with csv-parse, JSON,
 * the .docx's text from its XML; the CLI with --to; a period that ends before it starts refused.
 * A unit's own export holds its figures only. Every document the exports produce (yearly and
 * period, every format, the province's and a unit's, the draft report) is scanned for ISO dates
 * (YYYY-MM-DD) in what people read: dates are written dd/mm/yyyy and "ngày 05 tháng 12 năm 2026".
 *
 * The dataset (two units: Báo = the newspaper, Huyện = a district People's Committee):
 *   articles published    2022: Báo 2          2023: Báo 1, Huyện 2   2024: Huyện 1   2025: Báo 3, Huyện 1
 *                         → 2, 3, 1, 4; mid-term 5, final 10; Báo 6 (2, 1, 0, 3), Huyện 4 (0, 2, 1, 1)
 *   courses held (trainees, by programme)
 *                         2022: Báo 40 (leaders 10, dx-staff 30)
 *                         2023: Báo 25 (dx-experts 25), Huyện 15 (civil-servants 15)
 *                         2024: none      2025: Huyện 60 (citizens 60)
 *                         → courses 1, 2, 0, 1 = 4; trainees 40, 40, 0, 60 = 140 (mid-term 80)
 *   the plan (campaign "Kế hoạch CĐS 2022-2025"): DX experts 10, 20, 20, 30 = 80.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { UNIT_COLUMNS } from '@/reporting/dashboard'
import { rebuildYear } from '@/reporting/engine'
import { exportToFile } from '@/reporting/export'
import { dashboardCounters, metrics, trainingProgrammes } from '@/vocabulary'
import { createUnit, createUser } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'
import { content } from '../helpers/rollup'
import { zipParts } from '../helpers/soffice'

let payload: Payload
const id: Record<string, string> = {}
const dir = path.join(process.env.TEST_TMP_DIR ?? '/tmp', 'period-exports')
const file = (name: string) => path.join(dir, name)
const PUBLISHED = dashboardCounters.label('content-published')

/** A sheet's rows under its title and header, and its header row, as SheetJS reads them. */
const read = (f: string) => {
  const book = XLSX.readFile(file(f), { cellNF: true })
  const rows = (name: string) =>
    XLSX.utils.sheet_to_json(book.Sheets[name], {
      header: 1,
      raw: true,
      defval: null,
    }) as unknown[][]
  return { book, rows: (name: string) => rows(name).slice(3), header: (n: string) => rows(n)[2] }
}

const run = (...args: string[]) =>
  new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', './src/preload.ts', 'scripts/export.ts', ...args],
      { env: process.env },
    )
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('close', (code) => resolve({ code, out }))
  })

beforeAll(async () => {
  payload = await testPayload()
  fs.mkdirSync(dir, { recursive: true })
  id.bao = String((await createUnit(payload, 'Báo Bến Tre', 'newspaper')).id)
  id.huyen = String((await createUnit(payload, 'UBND huyện Châu Thành', 'district')).id)
  const articles: [number, string, number][] = [
    [2022, 'bao', 2],
    [2023, 'bao', 1],
    [2023, 'huyen', 2],
    [2024, 'huyen', 1],
    [2025, 'bao', 3],
    [2025, 'huyen', 1],
  ]
  let n = 0
  for (const [year, unit, count] of articles)
    for (let i = 0; i < count; i++) {
      const at = `${year}-0${(n % 9) + 1}-15T03:00:00.000Z`
      await content(
        payload,
        'articles',
        { title: `Tin ${++n}`, ownerUnit: id[unit], _status: 'published', publishedAt: at },
        at,
      )
    }
  const courses: [number, string, number, [string, string, number][]][] = [
    [
      2022,
      'bao',
      40,
      [
        ['leaders', 'department', 10],
        ['dx-staff', 'commune', 30],
      ],
    ],
    [2023, 'bao', 25, [['dx-experts', 'district', 25]]],
    [2023, 'huyen', 15, [['civil-servants', 'commune', 15]]],
    [2025, 'huyen', 60, [['citizens', 'commune', 60]]],
  ]
  for (const [year, unit, total, rows] of courses)
    await payload.create({
      collection: 'trainings',
      overrideAccess: true,
      data: {
        title: `Lớp ${year} ${unit}`,
        ownerUnit: id[unit],
        status: 'held',
        startsOn: `${year}-06-09T17:00:00.000Z`,
        totalTrainees: total,
        trainees: rows.map(([programme, unitKind, count]) => ({ programme, unitKind, count })),
      } as never,
    })
  await payload.create({
    collection: 'campaigns',
    overrideAccess: true,
    data: {
      name: 'Kế hoạch CĐS 2022-2025',
      leadUnit: id.bao,
      startsOn: '2022-01-01T00:00:00+07:00',
      endsOn: '2025-12-31T00:00:00+07:00',
      traineeTargets: [
        { programme: 'dx-experts', year: 2022, target: 10 },
        { programme: 'dx-experts', year: 2023, target: 20 },
        { programme: 'dx-experts', year: 2024, target: 20 },
        { programme: 'dx-experts', year: 2025, target: 30 },
      ],
    } as never,
  })
  // Huyện's 2025 report, submitted: a date in the report-status sheet.
  const editor = await createUser(payload, 'editor', id.huyen)
  await payload.create({
    collection: 'unit-reports',
    user: editor,
    overrideAccess: false,
    data: { year: 2025, results: 'Đã thực hiện.', status: 'submitted' } as never,
  })
  for (const year of [2022, 2023, 2024, 2025]) {
    await rebuildYear(payload, year)
    await payload.create({ collection: 'rollup-snapshots', overrideAccess: true, data: { year } })
  }
}, 180_000)

describe('the final review 2022-2025 (XLSX through npm run export)', () => {
  let x: ReturnType<typeof read>
  beforeAll(async () => {
    const r = await run(
      '--year',
      '2022',
      '--to',
      '2025',
      '--format',
      'xlsx',
      '--out',
      file('final.xlsx'),
    )
    expect([r.code, r.out]).toEqual([0, expect.stringContaining('giai đoạn 2022-2025')])
    x = read('final.xlsx')
  }, 120_000)

  it('has a column per year and a total, as number cells', () => {
    expect(x.header('Tổng hợp')).toEqual([
      'Nhóm',
      'Chỉ số',
      'Năm 2022',
      'Năm 2023',
      'Năm 2024',
      'Năm 2025',
      'Cả giai đoạn',
    ])
    const published = x.rows('Tổng hợp').find((r) => r[1] === PUBLISHED)!
    expect(published.slice(2)).toEqual([2, 3, 1, 4, 10])
    const courses = x.rows('Tổng hợp').find((r) => r[1] === metrics.label('trainings-held'))!
    expect(courses.slice(2)).toEqual([1, 2, 0, 1, 4])
    const trainees = x.rows('Tổng hợp').find((r) => r[1] === metrics.label('trainees'))!
    expect(trainees.slice(2)).toEqual([40, 40, 0, 60, 140])
    const ws = x.book.Sheets['Tổng hợp']
    const row = x.rows('Tổng hợp').findIndex((r) => r[1] === PUBLISHED)
    const total = ws[XLSX.utils.encode_cell({ r: row + 3, c: 6 })]
    expect([total.t, total.v, total.z]).toEqual(['n', 10, '#,##0'])
  })

  it('splits per unit per year', () => {
    const units = x.rows('Theo đơn vị')
    const of = (unit: string) =>
      units.find((r) => r[0] === unit && r[1] === UNIT_COLUMNS[0].label)?.slice(2)
    expect(of('Báo Bến Tre')).toEqual([2, 1, 0, 3, 6])
    expect(of('UBND huyện Châu Thành')).toEqual([0, 2, 1, 1, 4])
  })

  it('sets the plan against what was done per programme and year', () => {
    const rows = x.rows('Đào tạo')
    const experts = trainingProgrammes.label('dx-experts')
    expect(
      rows.find((r) => r[0] === experts && r[1] === 'Kế hoạch: Kế hoạch CĐS 2022-2025')?.slice(2),
    ).toEqual([10, 20, 20, 30, 80])
    expect(rows.find((r) => r[0] === experts && r[1] === 'Thực hiện')?.slice(2)).toEqual([
      0, 25, 0, 0, 25,
    ])
    expect(
      rows
        .find((r) => r[0] === trainingProgrammes.label('citizens') && r[1] === 'Thực hiện')
        ?.slice(2),
    ).toEqual([0, 0, 0, 60, 60])
  })

  it('lists the detail rows with their year', () => {
    const detail = x.rows('Số liệu chi tiết')
    expect(x.header('Số liệu chi tiết').slice(0, 3)).toEqual(['Năm', 'Tháng', 'Chỉ số'])
    expect(new Set(detail.map((r) => r[0]))).toEqual(new Set([2022, 2023, 2024, 2025]))
    const published = detail.filter(
      (r) => r[2] === metrics.label('content-published') && !r[4] && !r[7],
    )
    // The (all, all) family's cells of content published add up to the period's 10.
    expect(published.reduce((n, r) => n + (r[8] as number), 0)).toBe(10)
  })
})

describe('the mid-term review 2022-2023 in every format', () => {
  it('XLSX, CSV and JSON carry the same figures; the .docx names the period and its figures', async () => {
    const model = await exportToFile(payload, { year: 2022, to: 2023 }, 'xlsx', file('mid.xlsx'))
    expect(model.snapshots.map((s) => s.year)).toEqual([2022, 2023])
    const x = read('mid.xlsx')
    const summary = x.rows('Tổng hợp')
    expect(summary.find((r) => r[1] === PUBLISHED)?.slice(2)).toEqual([2, 3, 5])
    expect(summary.find((r) => r[1] === metrics.label('trainees'))?.slice(2)).toEqual([40, 40, 80])

    await exportToFile(payload, { year: 2022, to: 2023 }, 'csv', file('mid.csv'))
    const raw = fs.readFileSync(file('mid.csv'))
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const records = parse(raw, { bom: true, relax_column_count: true }) as string[][]
    const start = records.findIndex((r) => r[0] === 'Tổng hợp')
    const csvRows = records.slice(start + 2, start + 2 + summary.length)
    expect(csvRows.map((r) => r.map((v, i) => (i > 1 && v !== '' ? Number(v) : v)))).toEqual(
      summary.map((r) => r.map((v) => v ?? '')),
    )

    await exportToFile(payload, { year: 2022, to: 2023 }, 'json', file('mid.json'))
    const json = JSON.parse(fs.readFileSync(file('mid.json'), 'utf8'))
    expect([json.year, json.to, json.label]).toEqual([2022, 2023, 'giai đoạn 2022-2023'])
    expect(json.sheets.map((s: { name: string }) => s.name)).toEqual(x.book.SheetNames)
    for (const name of ['Tổng hợp', 'Theo đơn vị', 'Đào tạo', 'Số liệu chi tiết']) {
      const sheet = json.sheets.find((s: { name: string }) => s.name === name)
      expect(sheet.rows).toEqual(x.rows(name).map((r) => r.slice(0, sheet.columns.length)))
    }

    await exportToFile(payload, { year: 2022, to: 2023 }, 'docx', file('mid.docx'))
    const zip = XLSX.CFB.read(fs.readFileSync(file('mid.docx')), { type: 'buffer' })
    const xml = Buffer.from(
      zip.FileIndex[zip.FullPaths.findIndex((p: string) => p.endsWith('/word/document.xml'))]
        .content,
    ).toString('utf8')
    const text = xml.replace(/<[^>]+>/g, '')
    expect(text).toContain('chuyển đổi số giai đoạn 2022-2023')
    expect(text).toContain('Năm 2023')
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
  })
})

describe('a unit’s own export', () => {
  it('holds that unit’s figures only', async () => {
    await exportToFile(payload, { year: 2022, to: 2025 }, 'xlsx', file('huyen.xlsx'), {
      unit: id.huyen,
    })
    const x = read('huyen.xlsx')
    expect(
      x
        .rows('Tổng hợp')
        .find((r) => r[1] === PUBLISHED)
        ?.slice(2),
    ).toEqual([0, 2, 1, 1, 4])
    expect(
      x
        .rows('Tổng hợp')
        .find((r) => r[1] === metrics.label('trainees'))
        ?.slice(2),
    ).toEqual([0, 15, 0, 60, 75])
    expect(new Set(x.rows('Theo đơn vị').map((r) => r[0]))).toEqual(
      new Set(['UBND huyện Châu Thành']),
    )
    expect(new Set(x.rows('Số liệu chi tiết').map((r) => r[3]))).toEqual(
      new Set(['UBND huyện Châu Thành']),
    )
  })
})

describe('bad input', () => {
  it('a period that ends before it starts: a Vietnamese error, exit code 1, no file', async () => {
    const r = await run('--year', '2025', '--to', '2022', '--out', file('nguoc.xlsx'))
    expect(r.code).toBe(1)
    expect(r.out).toContain('năm kết thúc (2022) trước năm bắt đầu (2025)')
    await expect(
      exportToFile(payload, { year: 2025, to: 2022 }, 'xlsx', file('nguoc2.xlsx')),
    ).rejects.toThrow('Giai đoạn không hợp lệ: năm kết thúc (2022) trước năm bắt đầu (2025).')
    expect(fs.existsSync(file('nguoc.xlsx')) || fs.existsSync(file('nguoc2.xlsx'))).toBe(false)
  })

  it('a year of the period without a snapshot is named; an unknown unit is refused', async () => {
    await expect(
      exportToFile(payload, { year: 2021, to: 2022 }, 'xlsx', file('2021.xlsx')),
    ).rejects.toThrow('Năm 2021 chưa có bản chốt số liệu')
    await expect(
      exportToFile(payload, { year: 2022, to: 2023 }, 'xlsx', file('u.xlsx'), { unit: 'khong-co' }),
    ).rejects.toThrow('Không tìm thấy đơn vị "khong-co"')
    expect(fs.existsSync(file('2021.xlsx')) || fs.existsSync(file('u.xlsx'))).toBe(false)
  })
})

describe('dates in every generated document', () => {
  const ISO = /\b\d{4}-\d{2}-\d{2}\b/g
  const FORMATS = ['xlsx', 'csv', 'json', 'docx'] as const
  /** What a person reads in a file: the parts' text (not docProps' metadata), CSV as is, JSON without its documented data fields. */
  const readable = (f: string, format: (typeof FORMATS)[number]) => {
    if (format === 'csv') return fs.readFileSync(file(f), 'utf8')
    if (format === 'json') {
      // Data for programs (csv.ts' writeJson): the snapshots' instants and date columns' days stay ISO 8601.
      const json = JSON.parse(fs.readFileSync(file(f), 'utf8'))
      for (const s of [json.snapshot, ...json.snapshots]) {
        expect(s.takenAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
        delete s.takenAt
      }
      for (const sheet of json.sheets) {
        const dates = sheet.columns.flatMap((c: { kind: string }, i: number) =>
          c.kind === 'date' ? [i] : [],
        )
        for (const r of sheet.rows) for (const i of dates) r[i] = null
      }
      return JSON.stringify(json)
    }
    const parts = [...zipParts(file(f)).entries()].filter(([p]) => !p.startsWith('docProps/'))
    const xml = parts.map(([, x]) => x.replace(/<[^>]+>/g, ' ')).join('\n')
    if (format === 'docx') return xml
    // The XLSX also as a spreadsheet shows it: each cell's formatted text (a date cell as dd/mm/yyyy).
    const book = XLSX.readFile(file(f))
    return [xml, ...book.SheetNames.map((n) => XLSX.utils.sheet_to_csv(book.Sheets[n]))].join('\n')
  }
  const exports: [string, { year: number; to?: number }, { unit?: string; draft?: boolean }][] = [
    ['year', { year: 2025 }, {}],
    ['draft', { year: 2025 }, { draft: true }],
    ['period', { year: 2022, to: 2025 }, {}],
    ['unit-year', { year: 2025 }, { unit: 'huyen' }],
    ['unit-period', { year: 2022, to: 2023 }, { unit: 'huyen' }],
  ]

  it.each(exports)('%s: no ISO date in XLSX, CSV, JSON or .docx', async (name, which, o) => {
    const seen: string[] = []
    for (const format of FORMATS) {
      const f = `dates-${name}.${format}`
      await exportToFile(payload, which, format, file(f), {
        unit: o.unit ? id[o.unit] : null,
        draft: o.draft,
        date: new Date('2026-12-04T20:00:00.000Z'),
      })
      const text = readable(f, format)
      expect(text.match(ISO) ?? [], `${f}`).toEqual([])
      seen.push(text)
    }
    // The scan has dates to see: snapshot days in titles, the .docx's date in prose.
    const day = /\b\d{2}\/\d{2}\/20\d{2}\b/
    expect(seen[0]).toMatch(day)
    expect(seen[1]).toMatch(day)
    expect(seen[3]).toContain('ngày 05 tháng 12 năm 2026')
  })

  it('a submission day is dd/mm/yyyy in the CSV and the XLSX, a day in the JSON', async () => {
    const report = (
      await payload.find({
        collection: 'unit-reports',
        where: { year: { equals: 2025 } },
        overrideAccess: true,
      })
    ).docs[0]
    const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })
      .format(new Date(report.submittedAt!))
      .split('-')
    expect(readable('dates-year.csv', 'csv')).toMatch(
      new RegExp(`\\nUBND huyện Châu Thành,[^,]+,${d}/${m}/${y}\\r\\n`),
    )
    expect(readable('dates-year.xlsx', 'xlsx')).toContain(`${d}/${m}/${y}`)
    const json = JSON.parse(fs.readFileSync(file('dates-year.json'), 'utf8'))
    const status = json.sheets.find((s: { name: string }) => s.name === 'Tình trạng báo cáo')
    expect(status.rows.find((r: string[]) => r[0] === 'UBND huyện Châu Thành')[2]).toBe(
      `${y}-${m}-${d}`,
    )
  })
})
