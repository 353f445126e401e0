import type { Writable } from 'node:stream'
import { stringify } from 'csv-stringify/sync'
import { vnDate, vnDayKey } from '@/lib/time'
import type { ExportModel, Value } from './model'
import { drained } from './xlsx'

/** The UTF-8 byte order mark: Excel reads the file as UTF-8 (Vietnamese letters intact) only with it. */
export const BOM = '\uFEFF'

/** A date as Vietnamese read it in the CSV (a sheet for people, as the XLSX); ISO 8601 in the JSON (data). */
const csvCell = (v: Value) => (v instanceof Date ? vnDate(v) : v)
const jsonCell = (v: Value) => (v instanceof Date ? vnDayKey(v) : v)

/**
 * The export as one CSV file (UTF-8 with BOM): each sheet as a block (its name and title, its
 * header, its rows) after an empty line. Numbers as plain numbers with a dot for decimals (what a
 * program reads back), dates as Vietnamese write them (dd/mm/yyyy, Vietnam time): the CSV is opened
 * in Excel or LibreOffice by people as often as it is read by programs. Written a page at a time,
 * waiting for the output to drain.
 */
export async function writeCsv(model: ExportModel, out: Writable): Promise<void> {
  const rows = (rows: Value[][]) =>
    stringify(
      rows.map((r) => r.map(csvCell)),
      { record_delimiter: '\r\n' },
    )
  out.write(BOM)
  for (const [i, sheet] of model.sheets.entries()) {
    if (i) out.write('\r\n')
    out.write(rows([[sheet.name, sheet.title], sheet.columns.map((c) => c.header), ...sheet.rows]))
    if (sheet.more)
      for await (const page of sheet.more()) {
        out.write(rows(page))
        await drained(out)
      }
  }
  return new Promise((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  )
}

/**
 * The export as JSON: the snapshots it comes from and every sheet's columns and rows (the same
 * document JSON.stringify(model, null, 2) would give with `more` appended to `rows`, without the
 * .docx's report sections), written a sheet and a page at a time. JSON is data for programs: the
 * snapshots' `takenAt` stay ISO 8601 instants and a `date` column's values `YYYY-MM-DD` days
 * (Vietnam time), unambiguous and sortable; every text meant for people (titles, headers, labels)
 * writes dates as dd/mm/yyyy like the other formats.
 */
export async function writeJson(model: ExportModel, out: Writable): Promise<void> {
  const { sheets, reportSections, ...head } = model
  void reportSections
  const indent = (json: string, n: number) => json.replace(/\n/g, `\n${' '.repeat(n)}`)
  const head2 = JSON.stringify(head, null, 2)
  out.write(`${head2.slice(0, -2)},\n  "sheets": [`)
  for (const [i, sheet] of sheets.entries()) {
    const { rows, more, ...meta } = sheet
    void more
    const m = indent(JSON.stringify(meta, null, 2), 4)
    out.write(`${i ? ',' : ''}\n    ${m.slice(0, -6)},\n      "rows": [`)
    let n = 0
    const write = (page: Value[][]) => {
      if (!page.length) return
      out.write(
        page
          .map(
            (r) =>
              `${n++ ? ',' : ''}\n        ${indent(JSON.stringify(r.map(jsonCell), null, 2), 8)}`,
          )
          .join(''),
      )
    }
    write(rows)
    if (sheet.more)
      for await (const page of sheet.more()) {
        write(page)
        await drained(out)
      }
    out.write(n ? '\n      ]\n    }' : ']\n    }')
  }
  out.write(sheets.length ? '\n  ]\n}' : ']\n}')
  return new Promise((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  )
}
