import type { Writable } from 'node:stream'
import { stringify } from 'csv-stringify/sync'
import { vnDayKey } from '@/lib/time'
import type { ExportModel, Value } from './model'

/** The UTF-8 byte order mark: Excel reads the file as UTF-8 (Vietnamese letters intact) only with it. */
export const BOM = '\uFEFF'

const cell = (v: Value) => (v instanceof Date ? vnDayKey(v) : v)

/**
 * The export as one CSV file (UTF-8 with BOM): each sheet as a block (its name and title, its
 * header, its rows) after an empty line. Numbers as plain numbers with a dot for decimals, dates
 * as YYYY-MM-DD: what a program reads back; the XLSX is the one for people.
 */
export function writeCsv(model: ExportModel, out: Writable): Promise<void> {
  out.write(BOM)
  model.sheets.forEach((sheet, i) => {
    if (i) out.write('\r\n')
    out.write(
      stringify(
        [
          [sheet.name, sheet.title],
          sheet.columns.map((c) => c.header),
          ...sheet.rows.map((r) => r.map(cell)),
        ],
        { record_delimiter: '\r\n' },
      ),
    )
  })
  return new Promise((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  )
}

/** The export as JSON: the snapshot it comes from and every sheet's columns and rows. */
export function toJson(model: ExportModel): string {
  return JSON.stringify(
    {
      ...model,
      sheets: model.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => r.map(cell)) })),
    },
    null,
    2,
  )
}
