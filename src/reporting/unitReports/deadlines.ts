import type { Payload, PayloadRequest } from 'payload'
import { addDays, vnDayKey, vnMidnight, type DayKey } from '@/lib/time'

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
