import type { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { ColumnKind, ExportModel } from './model'

/** Excel number formats: Excel and LibreOffice in Vietnamese show `#,##0` as 1.234.567. */
const FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  integer: '#,##0',
  // Whole numbers of a decimal column show as integers; the rest with two decimals (writeXlsx).
  decimal: '#,##0.00',
  percent: '0.0',
  date: 'dd/mm/yyyy',
}
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
    ws.columns = sheet.columns.map((c) => ({
      width: c.width,
      style: FORMATS[c.kind] ? { numFmt: FORMATS[c.kind] } : {},
    }))
    const titleRow = ws.addRow([sheet.title])
    titleRow.font = { bold: true, size: 13 }
    titleRow.commit()
    ws.addRow([]).commit()
    const header = ws.addRow(sheet.columns.map((c) => c.header))
    header.font = { bold: true }
    header.alignment = { wrapText: true, vertical: 'middle' }
    header.commit()
    const decimals = sheet.columns.flatMap((c, i) => (c.kind === 'decimal' ? [i + 1] : []))
    for (const values of sheet.rows) {
      const row = ws.addRow(values)
      for (const i of decimals) {
        const v = values[i - 1]
        if (typeof v === 'number' && Number.isInteger(v)) row.getCell(i).numFmt = FORMATS.integer!
      }
      row.commit()
    }
    ws.commit()
  }
  await workbook.commit()
}
