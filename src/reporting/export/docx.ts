import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx'
import type { Payload } from 'payload'
import { formatNumber } from '@/lib/format'
import { vnDate, vnDateProse } from '@/lib/time'
import { UnitReportStatus } from '@/vocabulary'
import { defaultIssuer, type Issuer } from './issuer'
import type { ExportModel, Sheet, Value } from './model'
import type { ReportRow } from './tables'
import { TASK_DETAIL_SHEET, TASK_SUMMARY_SHEET } from '../tasks/sheets'

export { defaultIssuer, issuerFor, type Issuer } from './issuer'

const FONT = 'Times New Roman'
const SIZE = 28 // half-points: 14 pt body, as Decree 30 asks (13-14 pt)
const mm = (n: number) => Math.round((n / 25.4) * 1440) // twips
/** A4 with Decree 30's margins (top and bottom 20 mm, left 30 mm, right 15 mm): the text's width. */
const PORTRAIT_WIDTH = mm(210 - 30 - 15)
const LANDSCAPE_WIDTH = mm(297 - 30 - 15)
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
    italics?: boolean
    indent?: boolean
    size?: number
  } = {},
) =>
  new Paragraph({
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: { after: 80 },
    indent: o.indent ? { firstLine: mm(10) } : undefined,
    children:
      typeof children === 'string'
        ? [run(children, { bold: o.bold, italics: o.italics, size: o.size })]
        : children,
  })
const center = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, o)] })
/**
 * Decree 30's short rule: a solid line under the issuing body (a third to half of its name) and
 * under the motto (as long as the motto), drawn as an empty paragraph's top border, its length set
 * by the indents on either side within a cell of `cell` twips.
 */
const rule = (cell: number, length: number) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 20, after: 120 },
    indent: { left: Math.round((cell - length) / 2), right: Math.round((cell - length) / 2) },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [run('', { size: 4 })],
  })

/** Two borderless columns side by side (widths in twips): the header's and the signature block's layout. */
const twoColumns = (widths: [number, number], left: Paragraph[], right: Paragraph[]) =>
  new Table({
    width: { size: widths[0] + widths[1], type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: widths[0], type: WidthType.DXA }, children: left }),
          new TableCell({ width: { size: widths[1], type: WidthType.DXA }, children: right }),
        ],
      }),
    ],
  })

const show = (v: Value) =>
  v == null ? '' : typeof v === 'number' ? formatNumber(v) : v instanceof Date ? vnDate(v) : v

/**
 * Twips a text takes in Times New Roman at `size` half-points: ~0.5 em a letter or digit (capitals
 * 0.7, spaces 0.25, bold 6% more). An estimate for sizing columns, not a layout: a column too narrow
 * wraps.
 */
const textWidth = (text: string, size: number, bold = false) => {
  let ems = 0
  for (const ch of text)
    ems += ch === ' ' ? 0.25 : ch.toUpperCase() === ch && ch.toLowerCase() !== ch ? 0.7 : 0.5
  return Math.ceil(ems * size * 10 * (bold ? 1.06 : 1))
}
const longestWord = (text: string, size: number, bold = false) =>
  Math.max(0, ...text.split(/\s+/).map((w) => textWidth(w, size, bold)))
/** A cell's left and right margins (Word's default 0.19 cm each) and a little slack. */
const CELL_PADDING = 280
/** Texts this short never wrap ("Kế hoạch", "Thực hiện", a unit kind's short name). */
const SHORT_TEXT = 12
/** A column that wants at most this much more than its least width is "narrow": a number, a short header. */
const NARROW = mm(20)

/**
 * Column widths by content, as a browser lays out an automatic table: each column at least as wide
 * as its longest word (a number, or a cell text of up to 12 letters, whole); then the narrow
 * columns (numbers, short headers) get their whole width when that takes at most half the room
 * left; the rest of the room is shared in proportion to how much more each column's longest text
 * wants (a long header counts for a third of its length: it may take three lines). Totals `width`.
 */
export function columnWidths(
  columns: string[],
  rows: Value[][],
  width: number,
  size: number,
): number[] {
  const least = columns.map((h) => longestWord(h, size, true))
  const most = columns.map((h, i) =>
    Math.max(least[i], textWidth(h, size, true) / (h.length <= SHORT_TEXT ? 1 : 3)),
  )
  for (const r of rows)
    r.forEach((v, i) => {
      // Measured as bold: a total row is.
      const text = show(v)
      const whole = textWidth(text, size, true)
      most[i] = Math.max(most[i], whole)
      const unbroken = typeof v === 'number' || text.length <= SHORT_TEXT
      least[i] = Math.max(least[i], unbroken ? whole : longestWord(text, size, true))
    })
  const min = least.map((w) => w + CELL_PADDING)
  const max = most.map((w, i) => Math.max(w + CELL_PADDING, min[i]))
  const sumOf = (a: number[]) => a.reduce((n, x) => n + x, 0)
  let widths: number[]
  if (sumOf(max) <= width) widths = max.map((w) => w + ((width - sumOf(max)) * w) / sumOf(max))
  else if (sumOf(min) >= width) widths = min.map((w) => (w * width) / sumOf(min))
  else {
    widths = [...min]
    const narrow = max.map((w, i) => w - min[i] <= NARROW)
    const narrowWants = sumOf(max.map((w, i) => (narrow[i] ? w - min[i] : 0)))
    if (narrowWants <= (width - sumOf(min)) / 2) narrow.forEach((n, i) => n && (widths[i] = max[i]))
    const room = width - sumOf(widths)
    const want = sumOf(max.map((w, i) => w - widths[i]))
    widths = widths.map((w, i) => w + (want ? (room * (max[i] - w)) / want : room / widths.length))
  }
  const rounded = widths.map(Math.floor)
  rounded[rounded.length - 1] += width - sumOf(rounded)
  return rounded
}

/**
 * The report's table helper: `docxTable(columns, rows)` prints a table with its columns sized to
 * their content (`columnWidths`), the header row repeated on every page (tableHeader) and no row
 * split across two pages (cantSplit).
 *  - `columns`: the header texts.
 *  - `rows`: each row's cells (numbers as Vietnamese write them, right-aligned; dates dd/mm/yyyy;
 *    text left-aligned), or `{ bold: cells }` for a total, or `{ heading: text }` for a line across
 *    the table (a group's name).
 *  - `options.width`: the table's width in twips (default: the portrait page's text width; the
 *    appendix's landscape pages pass LANDSCAPE_WIDTH); `options.size`: the text size in half-points
 *    (default 12 pt, 11 pt from 6 columns, 10 pt from 10).
 * To add a table to the province's report, give the export model a `reportSections` entry
 * (tables.ts' ReportTable: a title, columns, rows, notes) or call this from `provinceReportDocx`.
 */
export function docxTable(
  columns: string[],
  rows: ReportRow[],
  options: { width?: number; size?: number } = {},
): Table {
  const width = options.width ?? PORTRAIT_WIDTH
  const size = options.size ?? (columns.length >= 10 ? 20 : columns.length >= 6 ? 22 : 24)
  const cellsOf = (r: ReportRow) => (Array.isArray(r) ? r : 'bold' in r ? r.bold : null)
  const widths = columnWidths(
    columns,
    rows.map(cellsOf).filter((r): r is Value[] => r !== null),
    width,
    size,
  )
  const cell = (
    v: Value,
    i: number,
    o: { bold?: boolean; header?: boolean; italics?: boolean; span?: number } = {},
  ) =>
    new TableCell({
      width: {
        size: o.span ? width : widths[i],
        type: WidthType.DXA,
      },
      columnSpan: o.span,
      shading: o.header ? { type: ShadingType.CLEAR, fill: 'EDEDED', color: 'auto' } : undefined,
      children: [
        new Paragraph({
          alignment: o.header
            ? AlignmentType.CENTER
            : typeof v === 'number'
              ? AlignmentType.RIGHT
              : AlignmentType.LEFT,
          children: [run(show(v), { bold: o.bold || o.header, italics: o.italics, size })],
        }),
      ],
    })
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c, i) => cell(c, i, { header: true })),
      }),
      ...rows.map((r) =>
        Array.isArray(r) || 'bold' in r
          ? new TableRow({
              cantSplit: true,
              children: (cellsOf(r) as Value[]).map((v, i) =>
                cell(v, i, { bold: !Array.isArray(r) }),
              ),
            })
          : new TableRow({
              cantSplit: true,
              children: [cell(r.heading, 0, { bold: true, italics: true, span: columns.length })],
            }),
      ),
    ],
  })
}

/**
 * A sheet of the export as a report table: when its first column repeats from row to row (a
 * group: the summary's "Nhóm", a period table's unit or campaign), that column becomes a heading
 * line over its rows instead of a column.
 */
export function sheetRows(sheet: Pick<Sheet, 'columns' | 'rows'>): {
  columns: string[]
  rows: ReportRow[]
} {
  const columns = sheet.columns.map((c) => c.header)
  const grouped = sheet.rows.some((r, i) => i > 0 && r[0] && r[0] === sheet.rows[i - 1][0])
  if (!grouped) return { columns, rows: sheet.rows }
  const rows: ReportRow[] = []
  sheet.rows.forEach((r, i) => {
    if (r[0] && (i === 0 || r[0] !== sheet.rows[i - 1][0])) rows.push({ heading: show(r[0]) })
    rows.push(r.slice(1))
  })
  return { columns: columns.slice(1), rows }
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

/** Page numbers, centred at the top (Decree 30), from the second page on (the first page has none). */
const pageNumberHeader = () =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ font: FONT, size: 26, children: [PageNumber.CURRENT] })],
      }),
    ],
  })
const A4 = (orientation: (typeof PageOrientation)[keyof typeof PageOrientation]) => ({
  size: { width: mm(210), height: mm(297), orientation },
  margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
})

/** The tables of the main part (portrait) and of the appendix (landscape: the wide ones), by sheet name. */
const BODY_SHEETS: [string, string][] = [
  ['Chỉ tiêu KPI', 'Tiến độ thực hiện chỉ tiêu'],
  ['Kinh phí', 'Kinh phí'],
  ['Tình trạng báo cáo', 'Tình hình nộp báo cáo của các đơn vị'],
  // The plans' tasks (src/reporting/tasks/sheets.ts), when there are any.
  [TASK_SUMMARY_SHEET, 'Kết quả thực hiện các nhiệm vụ'],
  [TASK_DETAIL_SHEET, 'Kết quả từng nhiệm vụ'],
]
const APPENDIX_SHEETS: [string, string][] = [
  ['Theo đơn vị', 'Kết quả theo đơn vị'],
  ['Theo chiến dịch', 'Kết quả theo chiến dịch'],
  ['Theo kênh', 'Kết quả theo kênh'],
  ['Theo tháng', 'Kết quả theo tháng'],
]

/**
 * The province's yearly report to UBND tỉnh and the Ministry as a Word document in the layout of
 * Decree 30/2020/NĐ-CP: issuing body with its short rule, number and symbol top left; national
 * motto with its short rule, place and date top right; the document type and title; the body with
 * the figure tables (the summary, the trainings in the two shapes of Bến Tre's annexe, the KPI,
 * budget and report status; other sections the model carries) and the narrative compiled from the
 * units' accepted reports; "Nơi nhận" bottom left and the signer's block bottom right; then an
 * appendix on landscape pages with the wide tables (by unit, campaign, channel, month). Times New
 * Roman 14 pt on A4, page numbers at the top from the second page. The issuer, number, recipients
 * and signer come from the report settings (issuerFor); the defaults when none is given.
 */
export async function provinceReportDocx(
  model: ExportModel,
  narratives: UnitNarrative[],
  options: { issuer?: Issuer; date?: Date; draft?: boolean } = {},
): Promise<Buffer> {
  const issuer = options.issuer ?? defaultIssuer()
  const date = options.date ?? new Date()
  const sheet = (name: string) => model.sheets.find((s) => s.name === name)
  const caption = (text: string) =>
    new Paragraph({
      keepNext: true,
      spacing: { before: 160, after: 80 },
      children: [run(text, { bold: true, italics: true })],
    })
  const heading = (text: string) =>
    new Paragraph({
      keepNext: true,
      spacing: { before: 120, after: 80 },
      children: [run(text, { bold: true })],
    })
  const tableOf = (columns: string[], rows: ReportRow[], width = PORTRAIT_WIDTH) =>
    rows.length
      ? [docxTable(columns, rows, { width })]
      : [para('Không có số liệu.', { indent: true, italics: true })]
  const sheetTable = (name: string, width = PORTRAIT_WIDTH) => {
    const s = sheet(name)
    if (!s) return []
    const t = sheetRows(s)
    return tableOf(t.columns, t.rows, width)
  }

  const [left, right] = [mm(62), PORTRAIT_WIDTH - mm(62)]
  const header = twoColumns(
    [left, right],
    [
      center(issuer.parent, { size: 24 }),
      center(issuer.body, { bold: true, size: 24 }),
      rule(left, mm(25)),
      center(`Số: ${issuer.number || '      '}/${issuer.symbol}`, { size: 26 }),
    ],
    [
      center('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 }),
      center('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 26 }),
      rule(right, textWidth('Độc lập - Tự do - Hạnh phúc', 26, true)),
      center(`${issuer.place}, ${vnDateProse(date)}`, { italics: true }),
    ],
  )
  const compiled = (field: keyof Omit<UnitNarrative, 'unit'>) => {
    const parts = narratives.filter((n) => n[field].trim())
    return parts.length
      ? parts.flatMap((n) => [
          para([run(`${n.unit}: `, { bold: true }), run(n[field].trim())], { indent: true }),
        ])
      : [para('Chưa có báo cáo đơn vị nào được chấp nhận có nội dung này.', { indent: true })]
  }
  const footer = twoColumns(
    [PORTRAIT_WIDTH / 2, PORTRAIT_WIDTH / 2],
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
      ...(issuer.signerAuthority ? [center(issuer.signerAuthority, { bold: true })] : []),
      center(issuer.signerTitle, { bold: true }),
      center('(Ký, ghi rõ họ tên, đóng dấu)', { italics: true, size: 24 }),
      center(''),
      center(''),
      center(issuer.signerName, { bold: true }),
    ],
  )

  // The main part's numbered tables: the summary, the model's sections (a plan's tables show even
  // before anything is done), then the sheets named above.
  let n = 0
  const results = [
    heading(`${++n}. Tổng hợp các chỉ số`),
    ...(model.empty
      ? [
          para(
            `${model.label[0].toUpperCase()}${model.label.slice(1)} chưa có số liệu nào trong bản chốt.`,
            { indent: true },
          ),
        ]
      : sheetTable('Tổng hợp')),
    ...model.reportSections.flatMap((section) => [
      heading(`${++n}. ${section.title}`),
      ...section.tables.flatMap((t, i) => [
        caption(`${n}.${i + 1}. ${t.title}`),
        ...tableOf(t.columns, t.rows),
        ...(t.notes ?? []).map((note) => para(note, { italics: true, size: 24 })),
      ]),
    ]),
    ...BODY_SHEETS.filter(([name]) => sheet(name)).flatMap(([name, title]) => [
      heading(`${++n}. ${title}`),
      ...sheetTable(name),
    ]),
    ...(model.empty
      ? []
      : [
          para('Chi tiết kết quả theo đơn vị, chiến dịch, kênh và tháng tại Phụ lục kèm theo.', {
            indent: true,
            italics: true,
          }),
        ]),
  ]
  const section = (title: string) =>
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      keepNext: true,
      spacing: { before: 200, after: 100 },
      // Black, as Decree 30 prints it (the heading style's own colour is blue).
      children: [new TextRun({ text: title, font: FONT, size: SIZE, bold: true, color: '000000' })],
    })
  const sources = model.snapshots
    .map(
      (s) =>
        `bản chốt số liệu năm ${s.year} ${vnDateProse(s.takenAt)} (mã kiểm tra ${s.checksum.slice(0, 12)})`,
    )
    .join(', ')

  const main: ISectionOptions = {
    properties: { page: A4(PageOrientation.PORTRAIT), titlePage: true },
    headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
    children: [
      header,
      center(''),
      center(options.draft ? 'BÁO CÁO (DỰ THẢO)' : 'BÁO CÁO', { bold: true }),
      center(`Kết quả thực hiện tuyên truyền, nâng cao nhận thức về chuyển đổi số ${model.label}`, {
        bold: true,
      }),
      rule(PORTRAIT_WIDTH, mm(40)),
      para(`Số liệu trong báo cáo lấy từ ${sources}.`, { indent: true }),
      section('I. KẾT QUẢ THỰC HIỆN'),
      ...results,
      section('II. KẾT QUẢ CỦA CÁC ĐƠN VỊ'),
      ...compiled('results'),
      section('III. KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN'),
      ...compiled('difficulties'),
      section('IV. ĐỀ XUẤT, KIẾN NGHỊ'),
      ...compiled('proposals'),
      center(''),
      footer,
    ],
  }
  const appendix: ISectionOptions = {
    properties: { page: A4(PageOrientation.LANDSCAPE) },
    headers: { default: pageNumberHeader() },
    children: [
      center('PHỤ LỤC', { bold: true }),
      center(
        `Số liệu chi tiết kèm theo Báo cáo kết quả tuyên truyền chuyển đổi số ${model.label}`,
        { italics: true },
      ),
      ...APPENDIX_SHEETS.filter(([name]) => sheet(name)).flatMap(([name, title], i) => [
        heading(`${i + 1}. ${title}`),
        ...sheetTable(name, LANDSCAPE_WIDTH),
      ]),
    ],
  }

  const doc = new Document({
    creator: 'CMS Chuyển đổi số',
    title: `Báo cáo kết quả tuyên truyền chuyển đổi số ${model.label}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: model.empty ? [main] : [main, appendix],
  })
  return Packer.toBuffer(doc)
}
