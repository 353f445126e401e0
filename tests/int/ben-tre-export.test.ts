/**
 * Bến Tre's training annexe reproduced end to end: its 188 units and its plan entered as data, a
 * snapshot frozen, the annual export's training sheet read back with SheetJS: 473 experts, 3,945
 * short-course trainees, 4,418 in all, per unit type and per year, the printed row 2 flagged. The
 * province's .docx of the same snapshot, read back through LibreOffice (PDF, text, and the PDF's
 * pages with pdftotext): the same figures in both shapes of the annexe, the typed-subtotal note,
 * Decree 30's page numbers from page 2, number, recipients and signer from the report settings.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { exportToFile } from '@/reporting/export'
import { planSubtotals, trainingProgrammes, unitKinds } from '@/vocabulary'
import { BEN_TRE_PLAN, BEN_TRE_UNITS } from '../helpers/benTre'
import { createUnit } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'
import { readDocx, zipParts } from '../helpers/soffice'

let payload: Payload
let rows: unknown[][]
let docx: Awaited<ReturnType<typeof readDocx>>
let parts: Map<string, string>
const dir = path.join(process.env.TEST_TMP_DIR ?? '/tmp', 'ben-tre')

beforeAll(async () => {
  payload = await testPayload()
  let lead = ''
  for (const [kind, count] of Object.entries(BEN_TRE_UNITS))
    for (let i = 1; i <= count; i++) {
      const unit = await createUnit(payload, `${unitKinds.label(kind)} ${i}`, kind)
      lead ||= String(unit.id)
    }
  await payload.create({
    collection: 'campaigns',
    overrideAccess: true,
    data: {
      name: 'Kế hoạch 2021-2025 Bến Tre',
      startsOn: '2021-01-01T00:00:00+07:00',
      endsOn: '2025-12-31T00:00:00+07:00',
      leadUnit: lead,
      ...BEN_TRE_PLAN,
    } as never,
  })
  await payload.create({
    collection: 'rollup-snapshots',
    overrideAccess: true,
    data: { year: 2025 },
  })
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, 'ben-tre-2025.xlsx')
  await exportToFile(payload, { year: 2025 }, 'xlsx', file)
  const book = XLSX.readFile(file)
  rows = XLSX.utils.sheet_to_json(book.Sheets['Đào tạo'], {
    header: 1,
    defval: null,
  }) as unknown[][]
  fs.rmSync(file)

  // The report settings: a general signer and recipients, and 2025's own number and signer.
  await payload.updateGlobal({
    slug: 'report-settings',
    overrideAccess: true,
    data: {
      parentBody: 'UBND TỈNH BẾN TRE',
      place: 'Bến Tre',
      signerTitle: 'GIÁM ĐỐC',
      recipients: [{ name: 'UBND tỉnh Bến Tre' }, { name: 'Lưu: VT' }],
      years: [
        { year: 2024, number: '99', signerName: 'Người ký năm 2024' },
        {
          year: 2025,
          number: '125',
          symbol: 'BC-STTTT',
          signerAuthority: 'KT. GIÁM ĐỐC',
          signerTitle: 'PHÓ GIÁM ĐỐC',
          signerName: 'Nguyễn Văn Ký',
        },
      ],
    },
  })
  const report = path.join(dir, 'bao-cao-ben-tre-2025.docx')
  await exportToFile(payload, { year: 2025 }, 'docx', report, {
    date: new Date('2026-12-04T20:00:00.000Z'), // 03:00 on 05/12 in Vietnam
  })
  docx = await readDocx(report)
  parts = zipParts(report)
}, 240_000)

const value = (label: string, when: string | null = null) =>
  rows.find((r) => r[0] === label && r[1] === when)?.[2]

describe('Bến Tre’s annexe in the annual export', () => {
  it('needs by unit type: units × need per unit, 473 experts and 3,945 trainees, 4,418 in all', () => {
    expect(value(`Chuyên gia CĐS – ${unitKinds.label('commune')}`, '157 đơn vị')).toBe(314)
    expect(value(`Bồi dưỡng ngắn hạn – ${unitKinds.label('district')}`, '9 đơn vị')).toBe(900)
    expect(value('Tổng nhu cầu chuyên gia CĐS')).toBe(473)
    expect(value('Tổng nhu cầu bồi dưỡng ngắn hạn')).toBe(3945)
    expect(value('Tổng cộng nhu cầu')).toBe(4418)
  })

  it('per year from the detail rows: 270, 980, 980, 980, 1,208; row 2’s printed slips flagged', () => {
    const years = ['2021', '2022', '2023', '2024', '2025']
    expect(years.map((y) => value(planSubtotals.label('grand-total'), y))).toEqual([
      270, 980, 980, 980, 1208,
    ])
    expect(value(planSubtotals.label('grand-total'), 'Cả giai đoạn')).toBe(4418)
    expect(value(planSubtotals.label('dx-experts'), 'Cả giai đoạn')).toBe(473)
    expect(value(planSubtotals.label('short-courses'), 'Cả giai đoạn')).toBe(3945)
    const notes = years.map(
      (y) => rows.find((r) => r[0] === planSubtotals.label('short-courses') && r[1] === y)?.[3],
    )
    expect(notes).toEqual([
      'Số ghi trong kế hoạch: 120, tính từ các dòng chi tiết: 220',
      'Số ghi trong kế hoạch: 890, tính từ các dòng chi tiết: 880',
      'Số ghi trong kế hoạch: 890, tính từ các dòng chi tiết: 880',
      'Số ghi trong kế hoạch: 890, tính từ các dòng chi tiết: 880',
      null,
    ])
  })
})

/** The text of LibreOffice's conversion, one cell or paragraph a line, blank lines dropped. */
const lines = () =>
  docx.text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
/** The lines that follow the first line equal to `label` (a table row's cells, as LibreOffice writes them). */
const after = (label: string, n: number, from = 0) => {
  const all = lines()
  const i = all.indexOf(label, from)
  expect(i, `"${label}" in the .docx text`).toBeGreaterThanOrEqual(0)
  return all.slice(i + 1, i + 1 + n)
}

describe('Bến Tre’s annexe in the province’s .docx (LibreOffice text and PDF)', () => {
  it('need by unit type: units × need per unit, totals 473 and 3.945, and 4.418 in all', () => {
    expect(after(unitKinds.label('commune'), 6)).toEqual(['157', '2', '314', '15', '2.355', '0'])
    expect(after(unitKinds.label('district'), 6)).toEqual(['9', '5', '45', '100', '900', '0'])
    expect(after('Tổng cộng', 4)).toEqual(['188', '473', '3.945', '0'])
    expect(docx.text).toContain(
      'Tổng nhu cầu đào tạo, bồi dưỡng: 4.418 người (473 chuyên gia chuyển đổi số và 3.945 người bồi dưỡng ngắn hạn).',
    )
  })

  it('plan against done by programme and year: 270 / 980 / 980 / 980 / 1.208 = 4.418, and the note', () => {
    const all = lines()
    const plan = all.indexOf('Chương trình')
    expect(plan).toBeGreaterThan(0)
    const grand = all.indexOf(planSubtotals.label('grand-total'), plan)
    expect(after('Kế hoạch', 6, grand)).toEqual(['270', '980', '980', '980', '1.208', '4.418'])
    // Done only in the report's year (2025) and over the period: the other years' cells are empty.
    expect(after('Thực hiện', 2, grand)).toEqual(['0', '0'])
    const experts = all.indexOf(planSubtotals.label('dx-experts'), plan)
    expect(after('Kế hoạch', 6, experts)).toEqual(['50', '100', '100', '100', '123', '473'])
    const short = all.indexOf(planSubtotals.label('short-courses'), plan)
    expect(after('Kế hoạch', 6, short)).toEqual(['220', '880', '880', '880', '1.085', '3.945'])
    const leaders = all.indexOf(`a) ${trainingProgrammes.label('leaders')}`, plan)
    expect(after('Kế hoạch', 6, leaders)).toEqual(['60', '60', '60', '60', '60', '300'])
    for (const [typed, computed, year] of [
      ['120', '220', 2021],
      ['890', '880', 2022],
      ['890', '880', 2024],
    ])
      expect(docx.text).toContain(
        `Ghi chú: dòng "${planSubtotals.label('short-courses')}" của kế hoạch ghi ${typed} (năm ${year}), tính từ các dòng chi tiết được ${computed}.`,
      )
    expect(docx.text).not.toContain('(năm 2025), tính từ')
  })

  it('every table repeats its header row and never splits a row; columns sized to their content', () => {
    const xml = parts.get('word/document.xml')!
    const tables = xml.split('<w:tbl>').length - 1
    expect(tables).toBeGreaterThanOrEqual(6)
    const rows = xml.match(/<w:tr>|<w:tr /g)!.length
    expect(xml.match(/<w:cantSplit\/>/g)!.length).toBe(rows - 2) // all but the header's and the signature's layout rows
    expect(xml.match(/<w:tblHeader\/>/g)!.length).toBe(tables - 2)
    // The plan table (after the header's layout and the need table): the programme's column
    // wider than twice a year's, the year columns about alike (a 4-digit figure is wider).
    const grids = [...xml.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)].map((m) =>
      [...m[1].matchAll(/w:w="(\d+)"/g)].map((w) => Number(w[1])),
    )
    const plan = grids[2]
    expect(plan.length).toBe(8)
    expect(plan[0]).toBeGreaterThan(2 * plan[2])
    const years = plan.slice(2, 7)
    expect(Math.max(...years) / Math.min(...years)).toBeLessThan(1.5)
  })

  it('has page numbers from the second page: none on the first, "2" at the top of the second', () => {
    const xml = parts.get('word/document.xml')!
    expect(xml).toContain('<w:titlePg/>')
    const headers = [...parts.entries()].filter(([p]) => /word\/header\d+\.xml/.test(p))
    expect(headers.some(([, h]) => /PAGE/.test(h))).toBe(true)
    if (!docx.pages) return // pdftotext missing: the document XML above is the check
    expect(docx.pages.length).toBeGreaterThanOrEqual(3)
    const firstLine = (p: string) =>
      p
        .split('\n')
        .find((l) => l.trim())!
        .trim()
    expect(firstLine(docx.pages[0])).toMatch(/^UBND TỈNH BẾN TRE /)
    expect(firstLine(docx.pages[1])).toBe('2')
    expect(firstLine(docx.pages[docx.pages.length - 1])).toBe(String(docx.pages.length))
  })

  it('takes the number, place, recipients and signer from the report settings of its year', () => {
    for (const s of [
      'UBND TỈNH BẾN TRE',
      'Số: 125/BC-STTTT',
      'Bến Tre, ngày 05 tháng 12 năm 2026',
      '- UBND tỉnh Bến Tre;',
      '- Lưu: VT.',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Nguyễn Văn Ký',
    ])
      expect(docx.text).toContain(s)
    expect(docx.text).not.toContain('Người ký năm 2024')
    expect(docx.text).not.toContain('Bộ Thông tin và Truyền thông;')
  })
})
