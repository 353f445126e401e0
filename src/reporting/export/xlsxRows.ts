import type ExcelJS from 'exceljs'
import { escapeText } from '@/lib/html'
import type { Value } from './model'

/** exceljs' cell types (Enums.ValueType), as its style registry takes them. */
const NUMBER = 2
const STRING = 3
const DATE = 4
const DAY_MS = 86_400_000
/** Days from Excel's day 0 (30/12/1899, the 1900 date system) to the Unix epoch. */
const EPOCH_DAYS = 25_569

type StyleRegistry = { addStyleModel: (style: Partial<ExcelJS.Style>, type: number) => number }
type SheetInternals = { _rowZero: number; _rows: unknown[]; stream: { write: (s: string) => void } }

/** Text for an XML element: the three markup characters escaped, characters XML cannot hold dropped. */
const xmlText = (s: string) => escapeText(s).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')

const columnName = (i: number): string =>
  i < 26 ? String.fromCharCode(65 + i) : columnName(Math.floor(i / 26) - 1) + columnName(i % 26)

/**
 * Writes rows straight into a streamed worksheet as SpreadsheetML, after the rows exceljs has
 * committed, the way exceljs writes them (`t="str"` strings, numbers and dates as numbers with the
 * column's number format). For the detail rows: exceljs builds a Row, its Cells and a model object
 * tree per row, ~30 objects a cell, which a 536,000-row sheet turns into ~150 MB of garbage between
 * two major collections; this builds one string per row. `styleOf(column, value)` is the style
 * exceljs would have been given for the cell (the same objects, so the same style ids).
 */
export function rawRowWriter(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  ws: ExcelJS.Worksheet,
  styleOf: (column: number, value: string | number | Date) => Partial<ExcelJS.Style>,
) {
  const sheet = ws as unknown as SheetInternals
  if (sheet._rows.length) throw new Error('rawRowWriter: commit the worksheet’s rows first')
  const styles = (workbook as unknown as { styles: StyleRegistry }).styles
  const ids = new Map<Partial<ExcelJS.Style>, Map<number, number>>()
  const styleId = (style: Partial<ExcelJS.Style>, type: number) => {
    let byType = ids.get(style)
    if (!byType) ids.set(style, (byType = new Map()))
    let id = byType.get(type)
    if (id === undefined) byType.set(type, (id = styles.addStyleModel(style, type)))
    return id
  }
  const names: string[] = []
  return (rows: Value[][]) => {
    let xml = ''
    for (const values of rows) {
      const r = sheet._rowZero++
      xml += `<row r="${r}" spans="1:${values.length}" x14ac:dyDescent="0.25">`
      for (let i = 0; i < values.length; i++) {
        const v = values[i]
        if (v === null || v === undefined) continue
        const ref = (names[i] ??= columnName(i)) + r
        if (typeof v === 'number') {
          const s = styleId(styleOf(i, v), NUMBER)
          xml += `<c r="${ref}"${s ? ` s="${s}"` : ''}><v>${v}</v></c>`
        } else if (v instanceof Date) {
          const s = styleId(styleOf(i, v), DATE)
          xml += `<c r="${ref}"${s ? ` s="${s}"` : ''}><v>${v.getTime() / DAY_MS + EPOCH_DAYS}</v></c>`
        } else {
          const s = styleId(styleOf(i, v), STRING)
          xml += `<c r="${ref}"${s ? ` s="${s}"` : ''} t="str"><v>${xmlText(v)}</v></c>`
        }
      }
      xml += '</row>'
    }
    if (xml) sheet.stream.write(xml)
  }
}
