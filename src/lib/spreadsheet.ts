import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'

/**
 * Spreadsheets people fill in and send back (a plan's task table, a unit's indicator figures): the
 * first sheet of an XLSX or a CSV read as text cells, each row with the number the spreadsheet
 * shows, so every refusal can name its row and column as the user sees them.
 */

/** A table as read from the file: cells as text, each row with the number the spreadsheet shows. */
export type RawTable = { rows: { row: number; cells: string[] }[] }

/** A file that cannot be read as a table: its message is for the user (Vietnamese). */
export class SpreadsheetError extends Error {}

/** "A", "B", … "AA": a column's letter as Excel shows it. */
export const columnLetter = (index: number): string => {
  let n = index + 1
  let s = ''
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A cell's value as text: a date as dd/mm/yyyy (Excel's dates are days, not text). */
function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return ''
  if (value instanceof Date)
    return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
    if ('text' in value) return String(value.text)
    return ''
  }
  return String(value)
}

/**
 * Reads the first sheet of an XLSX (exceljs) or a CSV (csv-parse: comma or semicolon, UTF-8 with
 * or without BOM). Which one by the file's first bytes (an XLSX is a ZIP: "PK").
 */
export async function readTable(data: Buffer): Promise<RawTable> {
  if (data.length >= 2 && data[0] === 0x50 && data[1] === 0x4b) {
    const wb = new ExcelJS.Workbook()
    try {
      await wb.xlsx.load(data as unknown as ArrayBuffer)
    } catch {
      throw new SpreadsheetError(
        'Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc không phải .xlsx.',
      )
    }
    const ws = wb.worksheets[0]
    if (!ws) throw new SpreadsheetError('Tệp Excel không có trang tính nào.')
    const rows: RawTable['rows'] = []
    ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
      const cells: string[] = []
      r.eachCell({ includeEmpty: true }, (c, col) => {
        cells[col - 1] = cellText(c.value).trim()
      })
      rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') })
    })
    return { rows }
  }
  const text = data.toString('utf8').replace(/^\uFEFF/, '')
  // Excel in a Vietnamese locale writes ';', elsewhere ','; judged on the first lines (a title line may have neither).
  const head = text.split(/\r?\n/, 10).join('\n')
  const delimiter = (head.match(/;/g)?.length ?? 0) > (head.match(/,/g)?.length ?? 0) ? ';' : ','
  let records: string[][]
  try {
    // Empty lines are kept: a spreadsheet numbers them too, so row numbers match what the user sees.
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false })
  } catch (err) {
    throw new SpreadsheetError(`Không đọc được tệp CSV: ${(err as Error).message}`)
  }
  return { rows: records.map((r, i) => ({ row: i + 1, cells: r.map((c) => c.trim()) })) }
}

/** "1.170.385.000", "1 170 385 000", "1170385000" → 1170385000; anything else null. */
export function parseAmount(text: string): number | null {
  const t = text.replace(/\s|đồng|vnđ|vnd|đ/gi, '')
  if (/^\d{1,3}(\.\d{3})+$/.test(t)) return Number(t.replace(/\./g, ''))
  if (/^\d{1,3}(,\d{3})+$/.test(t)) return Number(t.replace(/,/g, ''))
  if (/^\d+$/.test(t)) return Number(t)
  return null
}

/** A problem in a file, at the row and column (letter) the spreadsheet shows. */
export type ImportProblem = { row: number; column: string | null; message: string }

export const problemText = (p: ImportProblem) =>
  `Dòng ${p.row}${p.column ? `, cột ${p.column}` : ''}: ${p.message}`
