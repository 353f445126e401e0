/**
 * The annual export from a frozen snapshot of the hand-known dataset (tests/int/rollup.test.ts
 * works out every total): the XLSX read back with SheetJS (not exceljs, which wrote it) and its
 * raw sheet XML, figure by figure against the hand totals; the CSV (UTF-8 with BOM, parsed by
 * csv-parse) and the JSON equal to it; a missing snapshot refused before any file is written.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { rebuildYear } from '@/reporting/engine'
import { exportToFile } from '@/reporting/export'
import { dashboardCounters, metrics, planSubtotals } from '@/vocabulary'
import { testPayload } from '../helpers/payload'
import { handDataset } from '../helpers/rollup'

let payload: Payload
let id: Record<string, string>
let snapshotId: string
const dir = path.join(process.env.TEST_TMP_DIR ?? '/tmp', 'exports')
const file = (name: string) => path.join(dir, name)
let book: XLSX.WorkBook

/** A sheet's rows under its title and header (row 4 on), as SheetJS reads them. */
const rowsOf = (name: string) =>
  (
    XLSX.utils.sheet_to_json(book.Sheets[name], {
      header: 1,
      raw: true,
      defval: null,
    }) as unknown[][]
  ).slice(3)
const summaryValue = (label: string) => rowsOf('Tổng hợp').find((r) => r[1] === label)?.[2]

beforeAll(async () => {
  payload = await testPayload()
  fs.mkdirSync(dir, { recursive: true })
  id = await handDataset(payload)
  // C1's training plan: a typed subtotal that disagrees with its detail rows (890 ≠ 60 + 120 + 700).
  await payload.update({
    collection: 'campaigns',
    id: id.C1,
    overrideAccess: true,
    data: {
      traineeTargets: [
        { programme: 'dx-experts', year: 2026, target: 100 },
        { programme: 'leaders', year: 2026, target: 60 },
        { programme: 'dx-staff', year: 2026, target: 120 },
        { programme: 'civil-servants', year: 2026, target: 700 },
      ],
      unitKindNeeds: [{ unitKind: 'newspaper', expertsPerUnit: 2, traineesPerUnit: 15 }],
      typedSubtotals: [{ row: 'short-courses', year: 2026, value: 890 }],
      kpiTargets: [{ metric: 'items-published', year: 2026, target: 4 }],
    } as never,
  })
  await rebuildYear(payload, 2026)
  snapshotId = String(
    (
      await payload.create({
        collection: 'rollup-snapshots',
        overrideAccess: true,
        data: { year: 2026 },
      })
    ).id,
  )
  await exportToFile(payload, { year: 2026 }, 'xlsx', file('2026.xlsx'))
  book = XLSX.readFile(file('2026.xlsx'), { cellDates: true, cellNF: true })
}, 120_000)

describe('the annual export (XLSX)', () => {
  it('has the sheets in order', () => {
    expect(book.SheetNames).toEqual([
      'Tổng hợp',
      'Theo chiến dịch',
      'Theo đơn vị',
      'Theo kênh',
      'Theo tháng',
      'Đào tạo',
      'Chỉ tiêu KPI',
      'Kinh phí',
      'Tình trạng báo cáo',
      'Chỉ tiêu nhận thức',
      'Số liệu chi tiết',
    ])
  })

  it('gives the hand-known totals of 2026 as number cells formatted #,##0', () => {
    const expected: [string, number][] = [
      [dashboardCounters.label('content-published'), 3], // A1, V1, E2
      [dashboardCounters.label('publications-published'), 6], // P1, P2, P3, P4, P5, P8
      [dashboardCounters.label('broadcasts-aired'), 3], // P2, P3, P4
      [dashboardCounters.label('broadcast-minutes'), 9], // 5 + 4
      [dashboardCounters.label('loudspeaker-broadcasts'), 2],
      [dashboardCounters.label('events-held'), 1],
      [dashboardCounters.label('participants'), 120],
      [dashboardCounters.label('budget-planned'), 130_000_000],
      [dashboardCounters.label('budget-spent'), 70_000_000],
      [metrics.label('trainings-held'), 2], // TR1, TR2
      [metrics.label('trainees'), 70], // 40 + 30
      [metrics.label('engagement-views'), 290], // P3 250 (O2), P8 40 (O3); P9 counts in 2025
    ]
    for (const [label, value] of expected)
      expect([label, summaryValue(label)]).toEqual([label, value])
    const ws = book.Sheets['Tổng hợp']
    const row = rowsOf('Tổng hợp').findIndex(
      (r) => r[1] === dashboardCounters.label('budget-planned'),
    )
    const cell = ws[XLSX.utils.encode_cell({ r: row + 3, c: 2 })]
    expect(cell.t).toBe('n')
    expect(cell.z).toBe('#,##0')
  })

  it('splits by unit, channel and month as the hand totals do', () => {
    const units = rowsOf('Theo đơn vị')
    const header = XLSX.utils.sheet_to_json(book.Sheets['Theo đơn vị'], {
      header: 1,
    })[2] as string[]
    const col = (label: string) => header.indexOf(label)
    const bao = units.find((r) => r[0] === 'Báo Tây Ninh')!
    expect(bao[col(metrics.label('publications-published'))]).toBe(2)
    expect(bao[col(metrics.label('broadcast-minutes'))]).toBe(5)
    const month = rowsOf('Theo tháng').find((r) => r[0] === metrics.label('content-published'))!
    // Jan … Dec, then the year: V1 in May, E2 in August, A1 in December.
    expect(month.slice(1)).toEqual([0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 3])
    const loudspeaker = rowsOf('Theo kênh').find((r) => r[0] === 'Loa truyền thanh xã')!
    expect(loudspeaker.slice(1)).toEqual(['loudspeaker', 2, 2, 4])
  })

  it('computes the training plan from its detail rows and flags the typed subtotal', () => {
    const rows = rowsOf('Đào tạo')
    const shortCourses = rows.find(
      (r) => r[0] === planSubtotals.label('short-courses') && r[1] === '2026',
    )!
    expect(shortCourses[2]).toBe(880)
    expect(shortCourses[3]).toBe('Số ghi trong kế hoạch: 890, tính từ các dòng chi tiết: 880')
    expect(rows.find((r) => r[0] === 'Tổng cộng nhu cầu')?.[2]).toBe(17) // 1 newspaper × (2 + 15)
    expect(
      rows.find((r) => r[0] === planSubtotals.label('grand-total') && r[1] === '2026')?.[2],
    ).toBe(980)
  })

  it('has frozen headers, column widths, A4 landscape with the title rows repeated', () => {
    const zip = XLSX.CFB.read(fs.readFileSync(file('2026.xlsx')), { type: 'buffer' })
    const entry = (name: string) =>
      Buffer.from(
        zip.FileIndex[zip.FullPaths.findIndex((p: string) => p.endsWith(`/${name}`))].content,
      ).toString('utf8')
    const xml = entry('xl/worksheets/sheet1.xml')
    expect(xml).toMatch(/<pane [^>]*ySplit="3"[^>]*state="frozen"/)
    expect(xml).toMatch(/<col [^>]*width="50/)
    expect(xml).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"/)
    const workbookXml = entry('xl/workbook.xml')
    expect(workbookXml).toContain('_xlnm.Print_Titles')
  })

  it('writes dates as date cells dd/mm/yyyy', async () => {
    // A unit report submitted on 28/11/2026, Vietnam time.
    const editor = await payload.create({
      collection: 'users',
      overrideAccess: true,
      data: {
        email: 'bt@test.vn',
        password: 'MatKhau@2026',
        fullName: 'BT',
        role: 'editor',
        unit: id.U1,
      } as never,
    })
    const report = await payload.create({
      collection: 'unit-reports',
      user: editor,
      overrideAccess: false,
      data: { year: 2026, status: 'submitted' } as never,
    })
    await payload.db.updateOne({
      collection: 'unit-reports',
      id: report.id,
      data: { submittedAt: '2026-11-28T02:00:00.000Z' },
      returning: false,
    })
    await exportToFile(payload, { id: snapshotId }, 'xlsx', file('dates.xlsx'))
    const b = XLSX.readFile(file('dates.xlsx'), { cellDates: true, cellNF: true })
    const ws = b.Sheets['Tình trạng báo cáo']
    const rows = XLSX.utils.sheet_to_json(ws, { header: 1, raw: true }) as unknown[][]
    const r = rows.findIndex((x) => x[0] === 'Báo Tây Ninh')
    const cell = ws[XLSX.utils.encode_cell({ r, c: 2 })]
    expect(cell.t).toBe('d')
    expect(cell.z).toBe('dd/mm/yyyy')
  })
})

describe('CSV and JSON of the same figures', () => {
  it('CSV: UTF-8 with BOM, every sheet’s rows equal to the XLSX', async () => {
    await exportToFile(payload, { year: 2026 }, 'csv', file('2026.csv'))
    const raw = fs.readFileSync(file('2026.csv'))
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const records = parse(raw, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][]
    const start = records.findIndex((r) => r[0] === 'Tổng hợp')
    const csvSummary = records
      .slice(start + 2)
      .filter((r) => r.length > 1)
      .slice(0, rowsOf('Tổng hợp').length)
    expect(csvSummary.map((r) => [r[1], r[2] === '' ? null : Number(r[2])])).toEqual(
      rowsOf('Tổng hợp').map((r) => [r[1], r[2]]),
    )
  })

  it('JSON: the same sheets and rows, with the snapshot it comes from', async () => {
    await exportToFile(payload, { year: 2026 }, 'json', file('2026.json'))
    const json = JSON.parse(fs.readFileSync(file('2026.json'), 'utf8'))
    expect(json.snapshot.id).toBe(snapshotId)
    expect(json.sheets.map((s: { name: string }) => s.name)).toEqual(book.SheetNames)
    for (const name of ['Tổng hợp', 'Theo đơn vị', 'Theo tháng', 'Đào tạo']) {
      const sheet = json.sheets.find((s: { name: string }) => s.name === name)
      expect(sheet.rows.map((r: unknown[]) => r.map((v) => v ?? null))).toEqual(
        rowsOf(name).map((r) => r.slice(0, sheet.columns.length)),
      )
    }
  })
})

describe('bad input', () => {
  it('a year without a snapshot, or an unknown snapshot: a Vietnamese error, no file', async () => {
    await expect(exportToFile(payload, { year: 2019 }, 'xlsx', file('2019.xlsx'))).rejects.toThrow(
      'Năm 2019 chưa có bản chốt số liệu',
    )
    await expect(exportToFile(payload, { id: 'khong-co' }, 'xlsx', file('x.xlsx'))).rejects.toThrow(
      'Không tìm thấy bản chốt số liệu',
    )
    expect(fs.existsSync(file('2019.xlsx')) || fs.existsSync(file('x.xlsx'))).toBe(false)
  })

  it('a year with no data: a valid export that says so', async () => {
    await payload.create({
      collection: 'rollup-snapshots',
      overrideAccess: true,
      data: { year: 2030 },
    })
    await exportToFile(payload, { year: 2030 }, 'xlsx', file('2030.xlsx'))
    const b = XLSX.readFile(file('2030.xlsx'))
    const rows = XLSX.utils.sheet_to_json(b.Sheets['Tổng hợp'], { header: 1 }) as unknown[][]
    expect(rows[3][1]).toBe('Năm 2030 chưa có số liệu nào trong bản chốt.')
  })
})

describe('npm run export', () => {
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

  it('exports the configured database’s snapshot; bad arguments exit 1 with a message', async () => {
    const ok = await run('--year', '2026', '--format', 'json', '--out', file('cli.json'))
    expect(ok.out).toContain('Đã xuất số liệu năm 2026')
    expect(ok.code).toBe(0)
    expect(JSON.parse(fs.readFileSync(file('cli.json'), 'utf8')).year).toBe(2026)
    const badYear = await run('--year', '20x6', '--out', file('bad.xlsx'))
    expect([badYear.code, badYear.out]).toEqual([
      1,
      expect.stringContaining('năm "20x6" không hợp lệ'),
    ])
    const badFormat = await run('--year', '2026', '--format', 'pdf', '--out', file('bad.pdf'))
    expect([badFormat.code, badFormat.out]).toEqual([
      1,
      expect.stringContaining('định dạng "pdf" không hỗ trợ'),
    ])
    const noSnapshot = await run('--year', '2018', '--out', file('bad.xlsx'))
    expect([noSnapshot.code, noSnapshot.out]).toEqual([
      1,
      expect.stringContaining('Năm 2018 chưa có bản chốt'),
    ])
    expect(fs.existsSync(file('bad.xlsx'))).toBe(false)
  }, 120_000)
})
