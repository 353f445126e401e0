/**
 * Calendar arithmetic on Vietnam days. A day is a `YYYY-MM-DD` key in Asia/Ho_Chi_Minh (see
 * `vnDayKey` in `@/lib/time`); weeks run Monday to Sunday. Keys are computed with UTC dates so the
 * server's own time zone never matters.
 */
import { vnMidnight, type DayKey } from '@/lib/time'

export type CalendarMode = 'month' | 'week'

const toUtc = (day: DayKey) => {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d))
}
const fromUtc = (date: Date): DayKey => date.toISOString().slice(0, 10)

/** A valid `YYYY-MM-DD`, or null. */
export function parseDayKey(value: unknown): DayKey | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null
  const d = toUtc(value)
  return Number.isNaN(d.getTime()) || fromUtc(d) !== value ? null : value
}

export const addDays = (day: DayKey, n: number): DayKey => {
  const d = toUtc(day)
  d.setUTCDate(d.getUTCDate() + n)
  return fromUtc(d)
}

/** 0 = Monday … 6 = Sunday. */
export const weekdayIndex = (day: DayKey) => (toUtc(day).getUTCDay() + 6) % 7

export const startOfWeek = (day: DayKey) => addDays(day, -weekdayIndex(day))

export const startOfMonth = (day: DayKey) => `${day.slice(0, 7)}-01`

export function addMonths(day: DayKey, n: number): DayKey {
  const d = toUtc(startOfMonth(day))
  d.setUTCMonth(d.getUTCMonth() + n)
  return fromUtc(d)
}

const dm = (day: DayKey) => `${day.slice(8, 10)}/${day.slice(5, 7)}`
const dmy = (day: DayKey) => `${dm(day)}/${day.slice(0, 4)}`

export const WEEKDAYS = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật']
export const WEEKDAYS_SHORT = ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN']

export type CalendarRange = {
  mode: CalendarMode
  anchor: DayKey
  /** Every day shown, Monday first: whole weeks. */
  days: DayKey[]
  /** [from, to) as instants, for the query. */
  from: Date
  to: Date
  prev: DayKey
  next: DayKey
  title: string
}

/** The days a month view (whole weeks around the month) or a week view shows around `anchor`. */
export function calendarRange(mode: CalendarMode, anchor: DayKey): CalendarRange {
  let first: DayKey
  let last: DayKey
  let title: string
  let prev: DayKey
  let next: DayKey
  if (mode === 'week') {
    first = startOfWeek(anchor)
    last = addDays(first, 6)
    title =
      first.slice(0, 4) === last.slice(0, 4)
        ? `Tuần ${dm(first)} – ${dmy(last)}`
        : `Tuần ${dmy(first)} – ${dmy(last)}`
    prev = addDays(first, -7)
    next = addDays(first, 7)
  } else {
    const monthStart = startOfMonth(anchor)
    const monthEnd = addDays(addMonths(monthStart, 1), -1)
    first = startOfWeek(monthStart)
    last = addDays(startOfWeek(monthEnd), 6)
    title = `Tháng ${Number(monthStart.slice(5, 7))}/${monthStart.slice(0, 4)}`
    prev = addMonths(monthStart, -1)
    next = addMonths(monthStart, 1)
  }
  const days: DayKey[] = []
  for (let d = first; d <= last; d = addDays(d, 1)) days.push(d)
  return {
    mode,
    anchor,
    days,
    from: vnMidnight(first),
    to: vnMidnight(addDays(last, 1)),
    prev,
    next,
    title,
  }
}

export const formatDay = dmy
