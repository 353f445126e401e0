import { sql } from '@payloadcms/db-sqlite'

/** A drizzle SQL fragment (drizzle-orm itself is only reachable through the adapter). */
export type SQL = ReturnType<typeof sql>
import { TIME_ZONE, UTC_OFFSET_HOURS, vnMonthStart } from '@/lib/time'

/**
 * What one computation covers: a year, and either every month (a full rebuild) or some months (the
 * incremental path). Both paths go through the same source queries with this window, so a month
 * recomputed alone and the same month in a full rebuild agree by construction.
 */
export type Window = { year: number; months: number[] | null }

/** The instants [from, to) that contain the window's months (Asia/Ho_Chi_Minh boundaries). */
export function windowRange(w: Window): { from: Date; to: Date } {
  const monthly = w.months?.filter((m) => m >= 1 && m <= 12) ?? null
  if (!monthly) return { from: vnMonthStart(w.year, 1), to: vnMonthStart(w.year, 13) }
  if (!monthly.length) return { from: vnMonthStart(w.year, 1), to: vnMonthStart(w.year, 1) }
  return {
    from: vnMonthStart(w.year, Math.min(...monthly)),
    to: vnMonthStart(w.year, Math.max(...monthly) + 1),
  }
}

/** Whether the window takes month `m` (0 = the yearly figures). */
export const windowHas = (w: Window, m: number) => w.months === null || w.months.includes(m)

/** SQLite: the local month (1-12) of an ISO UTC text column, as stored by Payload ("…T16:30:00.000Z"). */
export const sqlMonth = (column: SQL) =>
  sql`CAST(strftime('%m', ${column}, ${`+${UTC_OFFSET_HOURS} hours`}) AS INTEGER)`

/**
 * SQLite: the local year and month of an ISO UTC text column as YYYYMM. Written out literally (no
 * bound parameter, no table alias): the rollup's indexes on publications hold this very expression
 * (migration 20261126_*_publication_content_ref) and SQLite uses an index only for the same text.
 */
export const sqlYearMonth = (column: string) =>
  sql.raw(`CAST(strftime('%Y%m', ${column}, '+${UTC_OFFSET_HOURS} hours') AS INTEGER)`)

/** SQLite: `sqlYearMonth(column)` falls in the window: a range of those indexes for a year, a list for months. */
export function sqlYearMonthInWindow(column: string, w: Window): SQL {
  const ym = sqlYearMonth(column)
  if (!w.months) return sql`${ym} BETWEEN ${w.year * 100 + 1} AND ${w.year * 100 + 12}`
  const monthly = w.months.filter((m) => m >= 1 && m <= 12)
  return sql`${ym} IN (${sql.join(
    monthly.map((m) => sql`${w.year * 100 + m}`),
    sql`, `,
  )})`
}

/**
 * SQLite: `column` falls in the window. The range on the raw text uses the column's index (ISO
 * text sorts as time); the month list then drops the months in between that were not asked for.
 */
export function sqlInWindow(column: SQL, w: Window): SQL {
  const { from, to } = windowRange(w)
  const range = sql`${column} >= ${from.toISOString()} AND ${column} < ${to.toISOString()}`
  if (!w.months) return range
  const monthly = w.months.filter((m) => m >= 1 && m <= 12)
  return sql`${range} AND ${sqlMonth(column)} IN (${sql.join(
    monthly.map((m) => sql`${m}`),
    sql`, `,
  )})`
}

/** MongoDB: the local month of a date field. */
export const mongoMonth = (field: string) => ({
  $month: { date: `$${field}`, timezone: TIME_ZONE },
})

/** MongoDB: a `$match` body putting `field` in the window (range, then the months asked for). */
export function mongoInWindow(field: string, w: Window): Record<string, unknown> {
  const { from, to } = windowRange(w)
  const range = { [field]: { $gte: from, $lt: to } }
  if (!w.months) return range
  return {
    ...range,
    $expr: { $in: [mongoMonth(field), w.months.filter((m) => m >= 1 && m <= 12)] },
  }
}

/** Whether the window takes any month 1-12 (a window of month 0 alone is for yearly figures only). */
export const hasMonthly = (w: Window) =>
  w.months === null || w.months.some((m) => m >= 1 && m <= 12)
