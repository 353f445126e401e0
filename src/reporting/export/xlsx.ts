import type { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { ColumnKind, ExportModel, Value } from './model'

/** Excel number formats: Excel and LibreOffice in Vietnamese show `#,##0` as 1.234.567. */
const FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  integer: '#,##0',
  // Whole numbers of a decimal column show as integers; the rest with two decimals (writeXlsx).
  decimal: '#,##0.00',
  percent: '0.0',
  date: 'dd/mm/yyyy',
}
const STYLES = Object.fromEntries(
  Object.entries(FORMATS).map(([kind, numFmt]) => [kind, numFmt ? { numFmt } : {}]),
) as Record<ColumnKind, Partial<ExcelJS.Style>>
/** Rows above the data: the sheet's title, a blank line, the column headers (repeated on each printed page). */
const HEADER_ROW = 3

/**
 * The export as an XLSX workbook, streamed (exceljs' WorkbookWriter commits each row as it is
 * written, so a large detail sheet is not held in memory as a workbook). Numbers are number cells,
 * dates date cells; the header rows are frozen and printed on every A4 landscape page.
 */
export async function writeXlsx(model: ExportModel, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true })
  workbook.creator = 'CMS Chuyển đổi số'
  workbook.created = new Date(model.snapshot.takenAt)
  workbook.title = `Số liệu tuyên truyền chuyển đổi số ${model.label}`
  for (const sheet of model.sheets) {
    const ws = workbook.addWorksheet(sheet.name, {
      views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 1 }],
      pageSetup: {
        paperSize: 9, // A4
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: `1:${HEADER_ROW}`,
      },
    })
    ws.columns = sheet.columns.map((c) => ({ width: c.width }))
    // One style object per column (and one for whole numbers in a decimal column), set on each
    // cell: exceljs caches a style by its object, while a cell left to the column's style gets a
    // fresh merged object whose XML is rebuilt every time (a third of the writing time).
    const styles = sheet.columns.map((c) => STYLES[c.kind])
    const titleRow = ws.addRow([sheet.title])
    titleRow.font = { bold: true, size: 13 }
    titleRow.commit()
    ws.addRow([]).commit()
    const header = ws.addRow(sheet.columns.map((c) => c.header))
    header.font = { bold: true }
    header.alignment = { wrapText: true, vertical: 'middle' }
    header.commit()
    const write = (values: Value[]) => {
      const row = ws.addRow(values)
      for (let i = 0; i < values.length; i++) {
        const v = values[i]
        if (v === null || v === undefined) continue
        row.getCell(i + 1).style =
          styles[i] === STYLES.decimal && typeof v === 'number' && Number.isInteger(v)
            ? STYLES.integer
            : (styles[i] ?? STYLES.text)
      }
      row.commit()
    }
    sheet.rows.forEach(write)
    if (sheet.more)
      for await (const page of sheet.more()) {
        page.forEach(write)
        // Let the zip stream take what was written before the next page is read.
        await drained(out)
      }
    ws.commit()
  }
  await workbook.commit()
}

/** Waits for the output to drain when its buffer is full (a file or an HTTP response). */
export const drained = (out: Writable) =>
  out.writableNeedDrain
    ? new Promise<void>((resolve) => out.once('drain', () => resolve()))
    : new Promise<void>((resolve) => setImmediate(resolve))
