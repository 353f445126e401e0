import type { Payload, PayloadRequest } from 'payload'
import { addDays, daysBetween, formatDay, vnDayKey, vnMidnight, type DayKey } from '@/lib/time'

/** Defaults when a year has no row in `report-deadlines`: units by 30/11, the province by 15/12. */
export const DEFAULT_UNITS_DUE = '11-30'
export const DEFAULT_PROVINCE_DUE = '12-15'
/** The province's draft report is generated on this day by default. */
export const DEFAULT_DRAFT_ON = '12-01'

export type Deadlines = {
  year: number
  units: DayKey
  province: DayKey
  /** When the province's draft report is generated (its final on `province`). */
  draft: DayKey
  configured: boolean
  /** Reports pass through the unit's parent first (a commune's district accepts before Sở TT&TT). */
  throughParent: boolean
}

/** A deadline is a Vietnam day, kept until its end: this is the instant it has passed. */
export const deadlinePassesAt = (day: DayKey): Date => vnMidnight(addDays(day, 1))

/** The Vietnam day of a stored date field (a day picked in the admin is stored as an instant in it). */
export const dayOf = (value: string | Date | null | undefined): DayKey | null =>
  value ? vnDayKey(value) : null

/** The year's deadlines: its `report-deadlines` row, or the defaults. */
export async function deadlinesOf(
  payload: Payload,
  year: number,
  req?: PayloadRequest,
): Promise<Deadlines> {
  const found = await payload.find({
    collection: 'report-deadlines',
    where: { year: { equals: year } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const row = found.docs[0]
  return {
    year,
    units: dayOf(row?.unitsDueOn) ?? `${year}-${DEFAULT_UNITS_DUE}`,
    province: dayOf(row?.provinceDueOn) ?? `${year}-${DEFAULT_PROVINCE_DUE}`,
    draft: dayOf(row?.draftReportOn) ?? `${year}-${DEFAULT_DRAFT_ON}`,
    configured: !!row,
    throughParent: !!row?.throughParent,
  }
}

/**
 * What is wrong with a year's deadlines, in Vietnamese, or null: a deadline before the year starts
 * (or after the next year's first quarter, surely a typing slip), or the units' after the province's.
 */
export function deadlineProblem(year: number, units: DayKey, province: DayKey): string | null {
  const first = `${year}-01-01`
  const last = `${year + 1}-03-31`
  for (const [day, who] of [
    [units, 'các đơn vị'],
    [province, 'cấp tỉnh'],
  ] as const) {
    if (day < first) return `Hạn nộp báo cáo của ${who} không thể trước khi năm ${year} bắt đầu.`
    if (day > last)
      return `Hạn nộp báo cáo của ${who} quá xa sau năm ${year} (muộn nhất 31/03/${year + 1}).`
  }
  if (units > province)
    return 'Hạn nộp của các đơn vị phải trước hoặc cùng ngày với hạn báo cáo của tỉnh.'
  return null
}

/** Where a report stands against its deadline on a Vietnam day, for the report itself and the dashboard. */
export type DeadlineState =
  | { kind: 'due'; days: number }
  | { kind: 'today'; days: 0 }
  | { kind: 'overdue'; days: number }
  | { kind: 'on-time'; days: 0 }
  | { kind: 'late'; days: number }

/**
 * The state of a report due on `deadline`, seen on `today`: handed in (`handedInAt`, an instant) on
 * time or late by N days; otherwise due in N days, due today, or overdue by N days.
 */
export function deadlineState(
  today: DayKey,
  deadline: DayKey,
  handedInAt?: string | Date | null,
): DeadlineState {
  if (handedInAt) {
    const late = daysBetween(deadline, vnDayKey(handedInAt))
    return late > 0 ? { kind: 'late', days: late } : { kind: 'on-time', days: 0 }
  }
  const left = daysBetween(today, deadline)
  if (left > 0) return { kind: 'due', days: left }
  if (left === 0) return { kind: 'today', days: 0 }
  return { kind: 'overdue', days: -left }
}

/**
 * The state in words, lower case, for sentences and lists: "quá hạn 5 ngày (hạn 30/11/2026)"; with
 * no `deadline`, without the day ("quá hạn 5 ngày"), where the deadline is shown beside it.
 */
export function deadlineText(state: DeadlineState, deadline?: DayKey): string {
  const day = deadline ? formatDay(deadline) : null
  const text = {
    due: `còn ${state.days} ngày`,
    today: 'hạn hôm nay',
    overdue: `quá hạn ${state.days} ngày`,
    'on-time': 'đã nộp đúng hạn',
    late: `nộp muộn ${state.days} ngày`,
  }[state.kind]
  if (!day) return text
  return state.kind === 'today' ? `${text} ${day}` : `${text} (hạn ${day})`
}
