import type { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { ColumnKind, ExportModel, Value } from './model'
import { rawRowWriter } from './xlsxRows'

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
    const styleOf = (i: number, v: NonNullable<Value>) =>
      styles[i] === STYLES.decimal && typeof v === 'number' && Number.isInteger(v)
        ? STYLES.integer
        : (styles[i] ?? STYLES.text)
    const write = (values: Value[]) => {
      const row = ws.addRow(values)
      for (let i = 0; i < values.length; i++) {
        const v = values[i]
        if (v !== null && v !== undefined) row.getCell(i + 1).style = styleOf(i, v)
      }
      row.commit()
    }
    sheet.rows.forEach(write)
    if (sheet.more) {
      // The detail rows: written as XML strings, not through exceljs' Row objects (xlsxRows.ts).
      const writeRaw = rawRowWriter(workbook, ws, styleOf)
      for await (const page of sheet.more()) {
        writeRaw(page)
        // Let the zip compress what was written before the next page is read (see zipTookUp).
        await zipTookUp(ws)
        await drained(out)
      }
    }
    ws.commit()
  }
  await workbook.commit()
}

/**
 * Waits until the zip has taken up what the sheet has written so far. exceljs writes a sheet's XML
 * into its own buffer (StreamBuf), which hands it on to archiver through a PassThrough without
 * looking at write()'s answer, and the loop above gives the compressor one turn of the event loop
 * per page of 5,000 rows: for a 1,000,000-publication year ~200 MB of XML piled up in front of the
 * compressor. The PassThrough keeps count (readable-stream 2's `_writableState`, archiver's copy
 * of Node's streams): waiting for its 'drain' is the backpressure exceljs leaves out. The sheet's
 * entry is the zip's current one (the sheets before it are committed, their entries ended), so the
 * drain comes.
 */
async function zipTookUp(ws: ExcelJS.Worksheet): Promise<void> {
  type Entry = Writable & { _writableState?: { needDrain?: boolean } }
  const entry = (ws as unknown as { stream?: { pipes?: Entry[] } }).stream?.pipes?.[0]
  if (!entry || !(entry.writableNeedDrain ?? entry._writableState?.needDrain)) return
  await new Promise<void>((resolve, reject) => {
    const done = (err?: Error) => {
      entry.off('drain', done)
      entry.off('error', done)
      if (err) reject(err)
      else resolve()
    }
    entry.on('drain', done)
    entry.on('error', done)
  })
}

/** Waits for the output to drain when its buffer is full (a file or an HTTP response). */
export const drained = (out: Writable) =>
  out.writableNeedDrain
    ? new Promise<void>((resolve) => out.once('drain', () => resolve()))
    : new Promise<void>((resolve) => setImmediate(resolve))
