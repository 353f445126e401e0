// The shapes of an export's sheets and report tables, shared by the export's builders and
// writers and by the indicators' and tasks' sheets (a leaf module: none of them imports another
// through it).

/** How a column's values are written: Excel number formats and CSV/JSON types follow from it. */
export type ColumnKind = 'text' | 'integer' | 'decimal' | 'percent' | 'date'
export type Column = { header: string; kind: ColumnKind; width: number }
export type Value = string | number | Date | null
/**
 * A table of the export. `more` gives further rows a page at a time after `rows` (the detail rows,
 * read from the snapshot while they are written, so a large year is never held whole).
 */
export type Sheet = {
  name: string
  title: string
  columns: Column[]
  rows: Value[][]
  more?: () => AsyncIterable<Value[][]>
}

/**
 * A table of the province's report (.docx) that is not one of the export's sheets: its caption,
 * column headers, rows and the notes printed under it. A row is its cells, `{ bold }` (a total) or
 * `{ heading }` (a line across the table). docx.ts sizes and prints it (docxTable).
 */
export type ReportRow = Value[] | { bold: Value[] } | { heading: string }
export type ReportTable = { title: string; columns: string[]; rows: ReportRow[]; notes?: string[] }
export type ReportSection = { title: string; tables: ReportTable[] }
