import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx'
import type { Payload } from 'payload'
import { formatNumber } from '@/lib/format'
import { vnDayKey } from '@/lib/time'
import { UnitReportStatus } from '@/vocabulary'
import type { ExportModel, Value } from './model'
import { TASK_DETAIL_SHEET, TASK_SUMMARY_SHEET } from '../tasks/sheets'

/** Who issues the province's report, and who signs it (Decree 30/2020/NĐ-CP's header and signer block). */
export type Issuer = {
  parent: string
  body: string
  symbol: string
  place: string
  signerTitle: string
  signerName: string
  recipients: string[]
}

export const defaultIssuer = (): Issuer => ({
  parent: process.env.REPORT_PARENT_BODY || 'UBND TỈNH TÂY NINH',
  body: process.env.REPORT_ISSUING_BODY || 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
  symbol: process.env.REPORT_SYMBOL || 'BC-STTTT',
  place: process.env.REPORT_PLACE || 'Tây Ninh',
  signerTitle: process.env.REPORT_SIGNER_TITLE || 'GIÁM ĐỐC',
  signerName: process.env.REPORT_SIGNER_NAME || '',
  recipients: ['UBND tỉnh', 'Bộ Thông tin và Truyền thông', 'Lưu: VT, STTTT'],
})

const FONT = 'Times New Roman'
const SIZE = 28 // half-points: 14 pt body, as Decree 30 asks (13-14 pt)
const mm = (n: number) => Math.round((n / 25.4) * 1440) // twips
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
const noBorders = {
  top: none,
  bottom: none,
  left: none,
  right: none,
  insideHorizontal: none,
  insideVertical: none,
}

const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: o.size ?? SIZE, bold: o.bold, italics: o.italics })
const para = (
  children: ParagraphChild[] | string,
  o: {
    align?: (typeof AlignmentType)[keyof typeof AlignmentType]
    bold?: boolean
    indent?: boolean
  } = {},
) =>
  new Paragraph({
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: { after: 80 },
    indent: o.indent ? { firstLine: mm(10) } : undefined,
    children: typeof children === 'string' ? [run(children, { bold: o.bold })] : children,
  })
const center = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, o)] })

/** Two borderless columns side by side: the header's and the signature block's layout. */
const twoColumns = (leftPercent: number, left: Paragraph[], right: Paragraph[]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: leftPercent, type: WidthType.PERCENTAGE },
            children: left,
          }),
          new TableCell({
            width: { size: 100 - leftPercent, type: WidthType.PERCENTAGE },
            children: right,
          }),
        ],
      }),
    ],
  })

const show = (v: Value) =>
  v == null ? '' : typeof v === 'number' ? formatNumber(v) : v instanceof Date ? vnDayKey(v) : v

/** A figure table: the sheet's columns and rows, numbers as Vietnamese write them (1.234.567). */
function figureTable(columns: string[], rows: Value[][]) {
  const cell = (text: string, bold = false, right = false) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [run(text, { bold, size: 24 })],
        }),
      ],
    })
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c) => cell(c, true)) }),
      ...rows.map(
        (r) =>
          new TableRow({ children: r.map((v) => cell(show(v), false, typeof v === 'number')) }),
      ),
    ],
  })
}

type UnitNarrative = { unit: string; results: string; difficulties: string; proposals: string }

/** The accepted unit reports of the year, in Vietnamese name order: the narrative the province compiles. */
export async function acceptedNarratives(
  payload: Payload,
  year: number,
  to = year,
  unit?: string | null,
): Promise<UnitNarrative[]> {
  const found = await payload.find({
    collection: 'unit-reports',
    where: {
      and: [
        { year: { greater_than_equal: year } },
        { year: { less_than_equal: to } },
        { status: { equals: UnitReportStatus.Accepted } },
        ...(unit ? [{ ownerUnit: { equals: unit } }] : []),
      ],
    },
    sort: 'year',
    depth: 1,
    limit: 0,
    pagination: false,
    overrideAccess: true,
  })
  return found.docs
    .map((r) => ({
      unit:
        (typeof r.ownerUnit === 'object' ? r.ownerUnit.name : String(r.ownerUnit)) +
        (to > year ? ` (năm ${r.year})` : ''),
      results: r.results ?? '',
      difficulties: r.difficulties ?? '',
      proposals: r.proposals ?? '',
    }))
    .sort((a, b) => a.unit.localeCompare(b.unit, 'vi'))
}

/**
 * The province's yearly report to UBND tỉnh and the Ministry as a Word document in the layout of
 * Decree 30/2020/NĐ-CP: issuing body and number top left, national motto, place and date top right;
 * the document type and title in capitals; the body with the figure tables (from the export's
 * sheets) and the narrative compiled from the units' accepted reports; "Nơi nhận" bottom left and
 * the signer's block bottom right. Times New Roman 14 pt on A4.
 */
export async function provinceReportDocx(
  model: ExportModel,
  narratives: UnitNarrative[],
  options: { issuer?: Issuer; date?: Date; draft?: boolean } = {},
): Promise<Buffer> {
  const issuer = options.issuer ?? defaultIssuer()
  const day = vnDayKey(options.date ?? new Date())
  const [y, m, d] = day.split('-')
  const sheet = (name: string) => model.sheets.find((s) => s.name === name)!
  const table = (name: string, columns?: number) => {
    const s = sheet(name)
    const n = columns ?? s.columns.length
    return figureTable(
      s.columns.slice(0, n).map((c) => c.header),
      s.rows.map((r) => r.slice(0, n)),
    )
  }
  const header = twoColumns(
    40,
    [
      center(issuer.parent, { size: 26 }),
      center(issuer.body, { bold: true, size: 26 }),
      center(`Số:       /${issuer.symbol}`, { size: 26 }),
    ],
    [
      center('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 26 }),
      center('Độc lập - Tự do - Hạnh phúc', { bold: true }),
      center(`${issuer.place}, ngày ${d} tháng ${m} năm ${y}`, { italics: true }),
    ],
  )
  const section = (title: string) =>
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      spacing: { before: 200, after: 100 },
      children: [run(title, { bold: true })],
    })
  const compiled = (field: keyof Omit<UnitNarrative, 'unit'>) => {
    const parts = narratives.filter((n) => n[field].trim())
    return parts.length
      ? parts.flatMap((n) => [
          para([run(`${n.unit}: `, { bold: true }), run(n[field].trim())], { indent: true }),
        ])
      : [para('Chưa có báo cáo đơn vị nào được chấp nhận có nội dung này.', { indent: true })]
  }
  const footer = twoColumns(
    50,
    [
      new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: 24 })] }),
      ...issuer.recipients.map(
        (r, i) =>
          new Paragraph({
            children: [
              run(`- ${r}${i === issuer.recipients.length - 1 ? '.' : ';'}`, { size: 22 }),
            ],
          }),
      ),
    ],
    [
      center(issuer.signerTitle, { bold: true }),
      center('(Ký, ghi rõ họ tên, đóng dấu)', { italics: true, size: 24 }),
      center(''),
      center(''),
      center(issuer.signerName, { bold: true }),
    ],
  )

  const doc = new Document({
    creator: 'CMS Chuyển đổi số',
    title: `Báo cáo kết quả tuyên truyền chuyển đổi số ${model.label}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297), orientation: PageOrientation.PORTRAIT },
            margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
          },
        },
        children: [
          header,
          center(''),
          center(options.draft ? 'BÁO CÁO (DỰ THẢO)' : 'BÁO CÁO', { bold: true }),
          center(
            `Kết quả thực hiện tuyên truyền, nâng cao nhận thức về chuyển đổi số ${model.label}`,
            {
              bold: true,
            },
          ),
          center(''),
          para(
            `Số liệu trong báo cáo lấy từ ${model.snapshots
              .map(
                (s) =>
                  `bản chốt số liệu năm ${s.year} ngày ${vnDayKey(s.takenAt)} (mã kiểm tra ${s.checksum.slice(0, 12)})`,
              )
              .join(', ')}.`,
            { indent: true },
          ),
          section('I. KẾT QUẢ THỰC HIỆN'),
          ...(model.empty
            ? [
                para(
                  `${model.label[0].toUpperCase()}${model.label.slice(1)} chưa có số liệu nào trong bản chốt.`,
                  { indent: true },
                ),
              ]
            : [
                para('1. Tổng hợp các chỉ số', { bold: true }),
                table('Tổng hợp'),
                para('2. Kết quả theo đơn vị', { bold: true }),
                table('Theo đơn vị'),
                para('3. Tiến độ thực hiện chỉ tiêu', { bold: true }),
                table('Chỉ tiêu KPI'),
              ]),
          // The plans' tasks (src/reporting/tasks/sheets.ts), when there are any.
          ...(model.sheets.some((s) => s.name === TASK_SUMMARY_SHEET)
            ? [
                para('Kết quả thực hiện các nhiệm vụ', { bold: true }),
                table(TASK_SUMMARY_SHEET),
                table(TASK_DETAIL_SHEET),
              ]
            : []),
          section('II. KẾT QUẢ CỦA CÁC ĐƠN VỊ'),
          ...compiled('results'),
          section('III. KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN'),
          ...compiled('difficulties'),
          section('IV. ĐỀ XUẤT, KIẾN NGHỊ'),
          ...compiled('proposals'),
          center(''),
          footer,
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}
