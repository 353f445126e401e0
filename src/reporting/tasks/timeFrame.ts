import { foldChar } from '@/content/fold'
import { type DayKey } from '@/lib/time'
import { TimeFrameKind } from '@/vocabulary'

/**
 * A task's time frame ("Thời gian thực hiện") as data. `text` is what the plan says; the other
 * fields are read from it: a quarter or a date gives `dueOn` (the quarter's last day), a range
 * its years, and `repeatsYearly` says the text also asks for the task every year (Tây Ninh's 1.b:
 * "Quý II năm 2022 hoàn thành thiết lập chuyên trang … và hằng năm thường xuyên cập nhật").
 */
export type TimeFrame = {
  text: string
  kind: TimeFrameKind
  year: number | null
  quarter: number | null
  dueOn: DayKey | null
  fromYear: number | null
  toYear: number | null
  repeatsYearly: boolean
}

export type TimeFrameResult = { ok: true; value: TimeFrame } | { ok: false; error: string }

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 }
const MIN_YEAR = 2000
const MAX_YEAR = 2100
const pad = (n: number) => String(n).padStart(2, '0')
const dayKey = (y: number, m: number, d: number): DayKey => `${y}-${pad(m)}-${pad(d)}`
const badYear = (y: number) => y < MIN_YEAR || y > MAX_YEAR

/** The last day of a month (month 1-12), leap years included. */
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()

/**
 * Reads a plan's time-frame text. Recognised: "hằng năm"/"hàng năm" (yearly), "thường xuyên"
 * (continuous), "Quý II/2022", "Quý II năm 2022", "quý 2/2022" (the quarter's last day),
 * "30/6/2022", "ngày 30 tháng 6 năm 2022", "2022-06-30" (a date), "2022-2025", "2022 - 2030",
 * "giai đoạn 2022 đến 2025", "năm 2023" (a range of years), "khi có kế hoạch / yêu cầu …" (when
 * asked). Any other non-empty text is kept as typed (kind "other"). Refused, with a Vietnamese
 * reason: an empty text, a quarter other than I-IV, a date that does not exist, a year outside
 * 2000-2100, a range that ends before it starts.
 */
export function parseTimeFrame(input: string | null | undefined): TimeFrameResult {
  const text = String(input ?? '')
    .replace(/\s+/g, ' ')
    .trim()
  if (!text) return { ok: false, error: 'Chưa ghi thời gian thực hiện.' }
  // Folded: lower case, no diacritics (hằng/hàng → hang), punctuation kept for dates and ranges.
  const f = foldChar(text).replace(/[–—]/g, '-')
  const frame: TimeFrame = {
    text,
    kind: TimeFrameKind.Other,
    year: null,
    quarter: null,
    dueOn: null,
    fromYear: null,
    toYear: null,
    repeatsYearly: /\b(hang|moi) nam\b/.test(f),
  }
  const fail = (error: string): TimeFrameResult => ({ ok: false, error })

  const quarter = /\bquy\s+([ivx]+|\d+)\s*(?:\/|-|nam)\s*(\d{4})\b/.exec(f)
  if (quarter) {
    const q = ROMAN[quarter[1]] ?? (/^\d+$/.test(quarter[1]) ? Number(quarter[1]) : NaN)
    const y = Number(quarter[2])
    if (!(q >= 1 && q <= 4))
      return fail(`Quý "${quarter[1].toUpperCase()}" không hợp lệ: quý phải từ I đến IV.`)
    if (badYear(y)) return fail(`Năm ${y} không hợp lệ: năm phải từ ${MIN_YEAR} đến ${MAX_YEAR}.`)
    return {
      ok: true,
      value: {
        ...frame,
        kind: TimeFrameKind.Quarter,
        year: y,
        quarter: q,
        dueOn: dayKey(y, q * 3, lastDay(y, q * 3)),
      },
    }
  }

  const date =
    /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(f) ??
    /\bngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})\b/.exec(f)
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(f)
  if (date || iso) {
    const [d, m, y] = date
      ? [Number(date[1]), Number(date[2]), Number(date[3])]
      : [Number(iso![3]), Number(iso![2]), Number(iso![1])]
    if (badYear(y)) return fail(`Năm ${y} không hợp lệ: năm phải từ ${MIN_YEAR} đến ${MAX_YEAR}.`)
    if (m < 1 || m > 12 || d < 1 || d > lastDay(y, m))
      return fail(`Ngày ${pad(d)}/${pad(m)}/${y} không có trong lịch.`)
    return {
      ok: true,
      value: { ...frame, kind: TimeFrameKind.Date, year: y, dueOn: dayKey(y, m, d) },
    }
  }

  const range =
    /\b(\d{4})\s*-\s*(\d{4})\b/.exec(f) ??
    /\b(?:nam\s+)?(\d{4})\s+den\s+(?:nam\s+)?(\d{4})\b/.exec(f)
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])]
    for (const y of [from, to])
      if (badYear(y)) return fail(`Năm ${y} không hợp lệ: năm phải từ ${MIN_YEAR} đến ${MAX_YEAR}.`)
    if (to < from) return fail(`Giai đoạn ${from}-${to} kết thúc trước khi bắt đầu.`)
    return { ok: true, value: { ...frame, kind: TimeFrameKind.Range, fromYear: from, toYear: to } }
  }

  const single = /\bnam\s+(\d{4})\b/.exec(f) ?? /^(\d{4})$/.exec(f)
  if (single) {
    const y = Number(single[1])
    if (badYear(y)) return fail(`Năm ${y} không hợp lệ: năm phải từ ${MIN_YEAR} đến ${MAX_YEAR}.`)
    return { ok: true, value: { ...frame, kind: TimeFrameKind.Range, fromYear: y, toYear: y } }
  }

  if (frame.repeatsYearly) return { ok: true, value: { ...frame, kind: TimeFrameKind.Yearly } }
  if (/\bthuong xuyen\b/.test(f))
    return { ok: true, value: { ...frame, kind: TimeFrameKind.Continuous } }
  if (/\bkhi co\b/.test(f)) return { ok: true, value: { ...frame, kind: TimeFrameKind.WhenAsked } }
  return { ok: true, value: frame }
}

/** A plan's years (its campaign's first and last), the frame for yearly and continuous tasks. */
export type PlanYears = { from: number; to: number }

const yearsBetween = (from: number, to: number) =>
  from > to ? [] : Array.from({ length: to - from + 1 }, (_, i) => from + i)

/**
 * The years a task is expected to be worked on, for the review tables: a yearly, continuous or
 * "when asked" task every year of the plan; a quarter or a date its year (and every later year of
 * the plan when it also repeats yearly); a range its years, within the plan's.
 */
export function activeYears(tf: TimeFrame, plan: PlanYears): number[] {
  const clip = (from: number, to: number) =>
    yearsBetween(Math.max(from, plan.from), Math.min(to, plan.to))
  switch (tf.kind) {
    case TimeFrameKind.Quarter:
    case TimeFrameKind.Date:
      return tf.repeatsYearly ? clip(tf.year!, plan.to) : clip(tf.year!, tf.year!)
    case TimeFrameKind.Range:
      return clip(tf.fromYear!, tf.toYear!)
    default:
      return yearsBetween(plan.from, plan.to)
  }
}

/** A day by which a task (for one year) must be done: reminders are sent and lateness judged against it. */
export type Milestone = { dueOn: DayKey; year: number }

/**
 * A task's milestones: a quarter's last day or the date; for a yearly task (or a dated one that
 * also repeats yearly) 31/12 of each year of the plan; for a range the last day of its last year.
 * Continuous, "when asked" and unread texts have none (nothing to remind of).
 */
export function milestonesOf(tf: TimeFrame, plan: PlanYears): Milestone[] {
  const out: Milestone[] = []
  if (tf.dueOn && tf.year) out.push({ dueOn: tf.dueOn, year: tf.year })
  if (tf.kind === TimeFrameKind.Yearly || tf.repeatsYearly)
    for (const y of activeYears(tf, plan))
      if (!out.some((m) => m.year === y)) out.push({ dueOn: dayKey(y, 12, 31), year: y })
  if (tf.kind === TimeFrameKind.Range && tf.toYear)
    out.push({ dueOn: dayKey(tf.toYear, 12, 31), year: tf.toYear })
  return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn))
}
