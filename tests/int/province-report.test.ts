/**
 * The province's yearly report (.docx, Decree 30/2020/NĐ-CP layout) from a snapshot of the
 * hand-known dataset, converted by real LibreOffice headless to PDF and to text: the header, the
 * national motto, number and symbol, place and date, title, the figures (Vietnamese digit grouping)
 * and the narrative of the accepted unit reports only, "Nơi nhận" and the signer (the defaults: no
 * report settings entered); the summary table's columns sized to their labels.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { rebuildYear } from '@/reporting/engine'
import { exportToFile } from '@/reporting/export'
import { createUser } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'
import { handDataset } from '../helpers/rollup'
import { readDocx, zipParts } from '../helpers/soffice'

let payload: Payload
const dir = path.join(process.env.TEST_TMP_DIR ?? '/tmp', 'docx')
let text: string
let pages: string[] | null
let xml: string

beforeAll(async () => {
  payload = await testPayload()
  fs.mkdirSync(dir, { recursive: true })
  const id = await handDataset(payload)
  await rebuildYear(payload, 2026)
  await payload.create({
    collection: 'rollup-snapshots',
    overrideAccess: true,
    data: { year: 2026 },
  })
  const manager = await createUser(payload, 'campaign-manager', null)
  const report = async (unit: string, results: string, end: 'accepted' | 'returned') => {
    const editor = await createUser(payload, 'editor', unit)
    const doc = await payload.create({
      collection: 'unit-reports',
      user: editor,
      overrideAccess: false,
      data: {
        year: 2026,
        results,
        difficulties: `Khó khăn của đơn vị (${end}).`,
        status: 'submitted',
      } as never,
    })
    await payload.update({
      collection: 'unit-reports',
      id: doc.id,
      user: manager,
      overrideAccess: false,
      data: { status: end, returnReason: 'Bổ sung.' } as never,
    })
  }
  await report(id.U1, 'Báo Tây Ninh đã đăng chuyên mục Chuyển đổi số hằng tuần.', 'accepted')
  await report(id.U2, 'Nội dung của báo cáo bị trả lại.', 'returned')
  const file = path.join(dir, 'bao-cao-2026.docx')
  await exportToFile(payload, { year: 2026 }, 'docx', file, {
    date: new Date('2026-12-15T03:00:00.000Z'),
  })
  ;({ text, pages } = await readDocx(file))
  xml = zipParts(file).get('word/document.xml')!
}, 240_000)

describe('the province report (.docx)', () => {
  it('converts to PDF with LibreOffice headless', () => {
    const pdf = fs.readFileSync(path.join(dir, 'bao-cao-2026.pdf'))
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.length).toBeGreaterThan(5_000)
  })

  it('has the Decree 30 header: issuing body, number and symbol, motto, place and date, title', () => {
    for (const s of [
      'UBND TỈNH TÂY NINH',
      'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
      'Số:       /BC-STTTT',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Tây Ninh, ngày 15 tháng 12 năm 2026',
      'BÁO CÁO',
      'Kết quả thực hiện tuyên truyền, nâng cao nhận thức về chuyển đổi số năm 2026',
      'Nơi nhận:',
      '- Bộ Thông tin và Truyền thông;',
      'GIÁM ĐỐC',
    ])
      expect(text).toContain(s)
  })

  it('carries the hand-known figures, grouped the Vietnamese way', () => {
    // Budget planned 100,000,000 + 30,000,000; spent 40,000,000 + 30,000,000; 120 participants.
    expect(text).toMatch(/Kinh phí dự toán \(VNĐ\)\s+130\.000\.000/)
    expect(text).toMatch(/Kinh phí đã chi \(VNĐ\)\s+70\.000\.000/)
    expect(text).toMatch(/Người tham dự sự kiện\s+120/)
  })

  it('compiles the narrative from accepted unit reports only', () => {
    expect(text).toContain('Báo Tây Ninh: Báo Tây Ninh đã đăng chuyên mục Chuyển đổi số hằng tuần.')
    expect(text).toContain('Khó khăn của đơn vị (accepted).')
    expect(text).not.toContain('Nội dung của báo cáo bị trả lại.')
    expect(text).not.toContain('(returned)')
  })
})

describe('the summary table', () => {
  it('sizes its columns to their content: labels on one line, not eight equal columns', () => {
    const grids = [...xml.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)].map((m) =>
      [...m[1].matchAll(/w:w="(\d+)"/g)].map((w) => Number(w[1])),
    )
    // After the header's layout table: Chỉ số, Thực hiện, Chỉ tiêu (the group is a heading line).
    const [label, done, target] = grids[1]
    expect(grids[1].length).toBe(3)
    expect(label).toBeGreaterThan(2 * Math.max(done, target))
    if (!pages) return
    // Its label stays on one line next to its figure in the PDF.
    expect(pages.join('\n')).toMatch(/Kinh phí dự toán \(VNĐ\)\s+130\.000\.000/)
  })
})

describe('the appendix', () => {
  it('holds the wide tables on landscape pages after the signature, numbered on', () => {
    const appendix = text.indexOf('PHỤ LỤC')
    expect(appendix).toBeGreaterThan(text.indexOf('Nơi nhận:'))
    for (const t of [
      '1. Kết quả theo đơn vị',
      '2. Kết quả theo chiến dịch',
      '4. Kết quả theo tháng',
    ])
      expect(text.indexOf(t, appendix)).toBeGreaterThan(appendix)
    // Landscape: a page 297 mm wide (16838 twips) in the appendix's section.
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/)
    if (!pages) return
    const last = pages[pages.length - 1]
    expect(
      last
        .split('\n')
        .find((l) => l.trim())!
        .trim(),
    ).toBe(String(pages.length))
  })
})
