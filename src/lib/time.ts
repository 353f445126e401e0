/**
 * Time in the province: Asia/Ho_Chi_Minh, UTC+7 all year (no daylight saving since 1975). Every day
 * key, local-time parse and display format the project uses comes from here.
 */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh'
/** The zone's fixed offset, for turning a local wall-clock time into an instant. */
export const UTC_OFFSET = '+07:00'

/** Payload's `timezone` setting for date fields entered in Vietnam time. */
export const vietnamTimezone = {
  defaultTimezone: TIME_ZONE,
  supportedTimezones: [{ label: 'Giờ Việt Nam (UTC+7)', value: TIME_ZONE }],
}

/** Display formats (date-fns tokens, as the admin's date pickers take them). */
export const DATE_FORMAT = 'dd/MM/yyyy'
export const DATE_TIME_FORMAT = 'dd/MM/yyyy HH:mm'
export const DATE_TIME_SECONDS_FORMAT = 'dd/MM/yyyy HH:mm:ss'

/** The admin settings of a date field shown as day and time: `{ date: dateTimePicker() }`. */
export const dateTimePicker = (displayFormat = DATE_TIME_FORMAT) => ({
  pickerAppearance: 'dayAndTime' as const,
  displayFormat,
})

export type DayKey = string

// 'en-CA' formats a date as YYYY-MM-DD; 'en-GB' with h23 gives a 24-hour HH:mm.
const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** The Vietnam calendar day of an instant, `YYYY-MM-DD`. */
export const vnDayKey = (instant: Date | string | number): DayKey =>
  dayFormat.format(new Date(instant))

/** The Vietnam year and month (1-12) of an instant: an item at 23:30 on 31/12 local time belongs to that year. */
export function vnYearMonth(instant: Date | string | number): { year: number; month: number } {
  const key = vnDayKey(instant)
  return { year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) }
}

/** "09:30", Vietnam time. */
export const vnTime = (instant: Date | string | number): string =>
  timeFormat.format(new Date(instant))

/** The instant a Vietnam day starts. */
export const vnMidnight = (day: DayKey): Date => new Date(`${day}T00:00:00.000${UTC_OFFSET}`)

/** A Vietnam wall-clock time `YYYY-MM-DDTHH:mm` (or with `:ss`) as an instant; Invalid Date when malformed. */
export const parseVietnamLocal = (local: string): Date =>
  new Date(`${local.length === 16 ? `${local}:00` : local}${UTC_OFFSET}`)

/** "17:30 22/11/2026" (vi-VN order) in Vietnam time, for messages and exports. */
export const formatVietnamTime = (date: Date | string) =>
  new Intl.DateTimeFormat('vi-VN', {
    timeZone: TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(date))

/** The zone's offset in hours, for SQL date modifiers (`datetime(x, '+7 hours')`). */
export const UTC_OFFSET_HOURS = 7

/** The instant a Vietnam month starts; month 13 is January of the next year. */
export function vnMonthStart(year: number, month: number): Date {
  const y = year + Math.floor((month - 1) / 12)
  const m = ((month - 1) % 12) + 1
  return vnMidnight(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`)
}

/** The instants [from, to) of a Vietnam month, or of the whole year when `month` is 0 or missing. */
export function vnMonthRange(year: number, month?: number | null): { from: Date; to: Date } {
  return month
    ? { from: vnMonthStart(year, month), to: vnMonthStart(year, month + 1) }
    : { from: vnMonthStart(year, 1), to: vnMonthStart(year + 1, 1) }
}

/** The day key `n` days after `day` (before, when negative). */
export const addDays = (day: DayKey, n: number): DayKey =>
  vnDayKey(vnMidnight(day).getTime() + n * 86_400_000)

/** Whole days from Vietnam day `from` to day `to` (negative when `to` is earlier). */
export const daysBetween = (from: DayKey, to: DayKey): number =>
  Math.round((vnMidnight(to).getTime() - vnMidnight(from).getTime()) / 86_400_000)

/** "30/11/2026": a day key as Vietnamese write it. */
export const formatDay = (day: DayKey): string =>
  `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`

/**
 * "05/12/2026": an instant's Vietnam day as Vietnamese write it in tables, titles and sheet cells.
 * Every generated document writes its dates through this or `vnDateProse`; no ISO date
 * (YYYY-MM-DD) reaches a person (tests/int/period-export.test.ts scans every document for one).
 */
export const vnDate = (instant: Date | string | number): string => formatDay(vnDayKey(instant))

/**
 * "ngày 05 tháng 12 năm 2026": an instant's Vietnam day in prose, as Decree 30/2020/NĐ-CP writes a
 * document's date (a zero before a day under 10 and before months 1 and 2: "ngày 05 tháng 02",
 * but "tháng 3").
 */
export function vnDateProse(instant: Date | string | number): string {
  const key = vnDayKey(instant)
  const month = Number(key.slice(5, 7))
  return `ngày ${key.slice(8, 10)} tháng ${month < 3 ? `0${month}` : month} năm ${key.slice(0, 4)}`
}

/** "05-12-2026": a Vietnam day in a file name (the Vietnamese order; a slash cannot stand in a name). */
export const vnFileDate = (instant: Date | string | number): string =>
  vnDate(instant).split('/').join('-')

/** "05/12/2026 17:30" (dd/mm/yyyy HH:mm) in Vietnam time: the order tables and notices use. */
export const formatDateTimeVn = (date: Date | string) => `${vnDate(date)} ${vnTime(date)}`
