import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { toSlug } from '@/lib/slug'
import { parseVietnamLocal, UTC_OFFSET, vnDayKey } from '@/lib/time'
import { type EngagementMetric, engagementMetrics } from '@/vocabulary'
import type { Figures } from './check'

/** The columns of the import file, by what they hold; headers are matched without diacritics or case. */
const COLUMNS = {
  publication: 'Mã lịch đăng',
  content: 'Nội dung',
  channel: 'Kênh',
  observedAt: 'Ngày ghi nhận',
  ...Object.fromEntries(engagementMetrics.values.map((m) => [m, engagementMetrics.label(m)])),
} as Record<'publication' | 'content' | 'channel' | 'observedAt' | EngagementMetric, string>
type Column = keyof typeof COLUMNS

/** Shown for the reader's sake in the template; ignored on import. */
const INFORMATIONAL: Column[] = ['content', 'channel']
const REQUIRED: Column[] = ['publication', 'observedAt']

const byFolded = new Map(
  Object.entries(COLUMNS).map(([key, header]) => [toSlug(header), key as Column]),
)

export type CsvRow = { line: number; publication: string; observedAt: Date; figures: Figures }
export type CsvProblem = { line: number; message: string }
export type CsvParsed = { rows: CsvRow[]; skipped: number[]; problems: CsvProblem[] }

/** "1.234", "1,234", "1 234" and "1234" are all one thousand two hundred and thirty-four: counts are whole. */
function whole(text: string): number | null | 'bad' {
  const t = text.trim()
  if (!t) return null
  const digits = t.replace(/[.,\s\u00a0]/g, '')
  return /^\d+$/.test(digits) ? Number(digits) : 'bad'
}

/**
 * dd/mm/yyyy, optionally with HH:mm, in Vietnam time; or an ISO date. A day without a time means the
 * figures as at the end of that day, or now if that day is today.
 */
function when(text: string, now = new Date()): Date | null {
  const t = text.trim()
  const m = t.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/)
  if (m) {
    const [, d, mo, y, h, mi] = m
    if (h === undefined) {
      const day = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`
      const end = parseVietnamLocal(`${day}T23:59`)
      if (Number.isNaN(end.getTime()) || vnDayKey(end) !== day) return null
      return end > now ? now : end
    }
    const local = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}T${h.padStart(2, '0')}:${mi}`
    const date = parseVietnamLocal(local)
    // 31/02 rolls over in Date: refuse it rather than store 03/03.
    return Number.isNaN(date.getTime()) || vnDayKey(date) !== local.slice(0, 10) ? null : date
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(t)) {
    const date = new Date(t.length === 10 ? `${t}T23:59:00${UTC_OFFSET}` : t)
    return Number.isNaN(date.getTime()) ? null : date
  }
  return null
}

/**
 * Reads an engagement CSV (UTF-8 with or without BOM; comma or semicolon separated, as Excel in a
 * Vietnamese locale writes it). Every problem is reported with its line number; rows whose figure
 * cells are all empty (template rows left blank) are skipped, not refused.
 */
export function parseEngagementCsv(text: string): CsvParsed {
  let records: { record: string[]; info: { lines: number } }[]
  try {
    // With `info: true` each record comes with its line number; csv-parse's typings do not follow the option.
    records = parse(text, {
      bom: true,
      delimiter: [',', ';'],
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: true,
    }) as unknown as typeof records
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 1
    return {
      rows: [],
      skipped: [],
      problems: [{ line, message: `Không đọc được tệp CSV: ${(err as Error).message}` }],
    }
  }
  if (!records.length)
    return {
      rows: [],
      skipped: [],
      problems: [{ line: 1, message: 'Tệp trống: cần dòng tiêu đề và ít nhất một dòng số liệu.' }],
    }

  const header = records[0].record.map((h) => byFolded.get(toSlug(h)) ?? null)
  const unknown = records[0].record.filter((_, i) => header[i] === null)
  const missing = REQUIRED.filter((c) => !header.includes(c))
  const metricColumns = engagementMetrics.values.filter((m) => header.includes(m))
  const problems: CsvProblem[] = []
  if (unknown.length)
    problems.push({
      line: 1,
      message: `Cột không nhận ra: ${unknown.map((u) => `"${u}"`).join(', ')}. Các cột dùng được: ${Object.values(COLUMNS).join(', ')}.`,
    })
  if (missing.length)
    problems.push({
      line: 1,
      message: `Thiếu cột bắt buộc: ${missing.map((c) => `"${COLUMNS[c]}"`).join(', ')}.`,
    })
  if (!metricColumns.length)
    problems.push({
      line: 1,
      message: `Cần ít nhất một cột số liệu: ${engagementMetrics.values.map((m) => `"${COLUMNS[m]}"`).join(', ')}.`,
    })
  if (problems.length) return { rows: [], skipped: [], problems }

  const rows: CsvRow[] = []
  const skipped: number[] = []
  for (const { record, info } of records.slice(1)) {
    const line = info.lines
    const cell = (c: Column) => record[header.indexOf(c)] ?? ''
    if (record.length > header.length && record.slice(header.length).some((v) => v.trim())) {
      problems.push({
        line,
        message: `Dòng có ${record.length} ô, nhiều hơn ${header.length} cột của tiêu đề.`,
      })
      continue
    }
    const figures: Figures = {}
    let bad = false
    for (const m of metricColumns) {
      const v = whole(cell(m))
      if (v === 'bad') {
        problems.push({
          line,
          message: `${COLUMNS[m]} "${cell(m)}" không phải số nguyên không âm.`,
        })
        bad = true
      } else figures[m] = v
    }
    if (bad) continue
    if (metricColumns.every((m) => figures[m] == null)) {
      skipped.push(line)
      continue
    }
    const publication = cell('publication').trim()
    if (!publication) {
      problems.push({ line, message: `Thiếu "${COLUMNS.publication}".` })
      continue
    }
    const observedAt = when(cell('observedAt'))
    if (!observedAt) {
      problems.push({
        line,
        message: `${COLUMNS.observedAt} "${cell('observedAt')}" không hợp lệ: dùng dạng dd/mm/yyyy (có thể thêm giờ HH:mm).`,
      })
      continue
    }
    rows.push({ line, publication, observedAt, figures })
  }
  return { rows, skipped, problems }
}

/** The template: the header, then one row per publication given (figures left blank), UTF-8 with BOM for Excel. */
export function engagementTemplateCsv(
  publications: { id: string; contentTitle?: string | null; channelName?: string | null }[],
  today = new Date(),
): string {
  const columns = (Object.keys(COLUMNS) as Column[]).filter(
    (c) => !INFORMATIONAL.includes(c) || publications.length,
  )
  const day = vnDayKey(today).split('-').reverse().join('/')
  const rows = publications.map((p) =>
    columns.map((c) =>
      c === 'publication'
        ? p.id
        : c === 'content'
          ? (p.contentTitle ?? '')
          : c === 'channel'
            ? (p.channelName ?? '')
            : c === 'observedAt'
              ? day
              : '',
    ),
  )
  return `\ufeff${stringify([columns.map((c) => COLUMNS[c]), ...rows])}`
}
