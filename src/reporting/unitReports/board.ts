import type { Payload, PayloadRequest } from 'payload'
import { hasRole, unitIdOf } from '@/access/roles'
import { managedUnitIds } from '@/access/subtree'
import { relationId } from '@/lib/relation'
import { daysBetween, vnDayKey, type DayKey } from '@/lib/time'
import {
  HANDED_IN,
  type ReminderKind,
  READ_ALL_ROLES,
  REPORTING_UNIT_KINDS,
  SUBTREE_ROLES,
  SubmissionState,
  submissionStates,
  UnitReportStatus,
} from '@/vocabulary'
import { percentOf } from '../dashboard'
import { reportingChain, type ChainParent } from './chain'
import { dayOf, deadlinePassesAt, deadlinesOf } from './deadlines'

/** `via`: the parent the unit's report passes through first, in a year with a reporting chain. */
export type BoardUnit = { id: string; name: string; via?: ChainParent | null }
export type BoardReport = {
  id: string
  unit: string
  status: UnitReportStatus
  submittedAt: string | null
}
export type BoardRow = {
  unit: string
  name: string
  state: SubmissionState
  submittedAt: string | null
  reportId: string | null
  /** The parent that accepts the report before Sở TT&TT (null: straight to Sở TT&TT). */
  via: ChainParent | null
  /** Days past the deadline while not handed in (not started, a draft, returned); null otherwise. */
  overdueDays: number | null
  /** The last reminder sent to the unit about this year's report (the worker's or Sở TT&TT's). */
  lastReminder: BoardReminder | null
}
export type BoardReminder = { unit: string; sentAt: string; kind: ReminderKind }
export type Board = {
  deadline: DayKey
  rows: BoardRow[]
  counts: Record<SubmissionState, number>
  expected: number
  handedIn: number
  onTime: number
  /** Reports handed in (submitted or accepted) / reports expected, in % (as DHIS2 shows for data sets). */
  reportingRate: number
  /** Reports handed in by the end of the deadline day / reports expected, in %. */
  onTimeRate: number
}

/** Not started or a draft once the deadline has passed: overdue (a returned report keeps its state). */
function stateOf(
  report: BoardReport | undefined,
  deadline: DayKey,
  overdue: boolean,
): SubmissionState {
  if (!report) return overdue ? SubmissionState.Overdue : SubmissionState.NotStarted
  switch (report.status) {
    case UnitReportStatus.Accepted:
      return SubmissionState.Accepted
    case UnitReportStatus.Returned:
      return SubmissionState.Returned
    case UnitReportStatus.Forwarded:
      return SubmissionState.Forwarded
    case UnitReportStatus.Submitted:
      return isOnTime(report, deadline) ? SubmissionState.OnTime : SubmissionState.Late
    default:
      return overdue ? SubmissionState.Overdue : SubmissionState.Draft
  }
}

const isOnTime = (report: BoardReport, deadline: DayKey) =>
  !!report.submittedAt && new Date(report.submittedAt) < deadlinePassesAt(deadline)

/**
 * The submission board of a year: one row per unit expected to report (the reporting units, and any
 * other unit that has a report), in Vietnamese name order, and the reporting and on-time rates.
 * A report counts as on time when it was (last) submitted before the end of the deadline day.
 * With `asOf` (the board seen on a day), a unit that has not handed in by then, once the deadline
 * day has ended, is overdue by the Vietnam days since; without it (an export of the statuses) no
 * unit is judged overdue.
 */
export function submissionBoard(
  units: readonly BoardUnit[],
  reports: readonly BoardReport[],
  deadline: DayKey,
  options: { asOf?: Date; reminders?: readonly BoardReminder[] } = {},
): Board {
  const byUnit = new Map(reports.map((r) => [r.unit, r]))
  const past = options.asOf ? daysBetween(deadline, vnDayKey(options.asOf)) : 0
  const lastReminder = new Map<string, BoardReminder>()
  for (const r of options.reminders ?? []) {
    const seen = lastReminder.get(r.unit)
    if (!seen || new Date(r.sentAt) > new Date(seen.sentAt)) lastReminder.set(r.unit, r)
  }
  const rows = units
    .map((u) => {
      const report = byUnit.get(u.id)
      const open = !report || !HANDED_IN.includes(report.status)
      const overdueDays = open && past > 0 ? past : null
      return {
        unit: u.id,
        name: u.name,
        state: stateOf(report, deadline, overdueDays !== null),
        submittedAt: report?.submittedAt ?? null,
        reportId: report?.id ?? null,
        via: u.via ?? null,
        overdueDays,
        lastReminder: lastReminder.get(u.id) ?? null,
      }
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
  const counts = Object.fromEntries(submissionStates.values.map((s) => [s, 0])) as Board['counts']
  for (const r of rows) counts[r.state]++
  const handed = units
    .map((u) => byUnit.get(u.id))
    .filter((r): r is BoardReport => !!r && HANDED_IN.includes(r.status))
  const onTime = handed.filter((r) => isOnTime(r, deadline)).length
  return {
    deadline,
    rows,
    counts,
    expected: rows.length,
    handedIn: handed.length,
    onTime,
    reportingRate: rows.length ? percentOf(handed.length, rows.length) : 0,
    onTimeRate: rows.length ? percentOf(onTime, rows.length) : 0,
  }
}

/**
 * The board as the user may see it: Sở TT&TT, admins and viewers every unit; a unit manager the
 * units of their subtree; an editor or contributor only their own unit's row (the reports are read
 * with the user's access). Without a request (the server's own exports) every unit. In a year
 * whose deadlines route reports through the parent, each row names that parent. With `asOf`, the
 * board as seen that day (overdue units, see submissionBoard).
 */
export async function loadBoard(
  payload: Payload,
  year: number,
  req?: PayloadRequest,
  options: { asOf?: Date } = {},
) {
  const all = { depth: 0, limit: 0, pagination: false, req } as const
  const [{ units: deadline }, unitDocs, reportDocs, reminderDocs] = await Promise.all([
    deadlinesOf(payload, year, req),
    payload.find({
      collection: 'units',
      ...all,
      overrideAccess: true,
      select: { name: true, kind: true, active: true, validFrom: true, validTo: true },
    }),
    payload.find({
      collection: 'unit-reports',
      ...all,
      overrideAccess: !req,
      user: req?.user,
      where: { year: { equals: year } },
      select: { ownerUnit: true, status: true, submittedAt: true },
    }),
    payload.find({
      collection: 'report-reminders',
      ...all,
      overrideAccess: !req,
      user: req?.user,
      where: { year: { equals: year } },
      select: { ownerUnit: true, sentAt: true, kind: true },
    }),
  ])
  const reminders: BoardReminder[] = reminderDocs.docs
    .filter((r) => r.sentAt && r.kind)
    .map((r) => ({
      unit: relationId(r.ownerUnit) ?? '',
      sentAt: r.sentAt as string,
      kind: r.kind as ReminderKind,
    }))
  const reports: BoardReport[] = reportDocs.docs.map((r) => ({
    id: String(r.id),
    unit: relationId(r.ownerUnit) ?? '',
    status: r.status,
    submittedAt: r.submittedAt ?? null,
  }))
  const withReport = new Set(reports.map((r) => r.unit))
  const ownUnit = !req || hasRole(req.user, ...READ_ALL_ROLES) ? null : String(unitIdOf(req.user))
  const managed =
    req && hasRole(req.user, ...SUBTREE_ROLES) ? new Set(await managedUnitIds(req)) : null
  const chain = await reportingChain(payload, year, req)
  const units = unitDocs.docs
    .filter(
      (u) =>
        withReport.has(String(u.id)) ||
        (REPORTING_UNIT_KINDS.includes(u.kind) &&
          // A unit with dates is expected where it exists on the deadline day (a commune merged
          // on 01/07/2025 is not; its successor reports the year); without dates, if active.
          (u.validFrom || u.validTo
            ? (!u.validFrom || dayOf(u.validFrom)! <= deadline) &&
              (!u.validTo || dayOf(u.validTo)! >= deadline)
            : u.active !== false)),
    )
    .filter((u) => (managed ? managed.has(String(u.id)) : !ownUnit || String(u.id) === ownUnit))
    .map((u) => ({ id: String(u.id), name: u.name, via: chain?.(String(u.id)) ?? null }))
  if (ownUnit && !managed && !units.length) {
    const own = unitDocs.docs.find((u) => String(u.id) === ownUnit)
    if (own) units.push({ id: ownUnit, name: own.name, via: chain?.(ownUnit) ?? null })
  }
  return submissionBoard(units, reports, deadline, { asOf: options.asOf, reminders })
}
