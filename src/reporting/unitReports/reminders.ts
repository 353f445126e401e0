import type { Payload } from 'payload'
import { relationId } from '@/lib/relation'
import { daysBetween, formatDay, vnDayKey, type DayKey } from '@/lib/time'
import {
  HANDED_IN,
  ReminderKind,
  REPORTING_UNIT_KINDS,
  Role,
  reminderKinds,
  type UnitReportStatus,
} from '@/vocabulary'
import { deadlinesOf } from './deadlines'
import { sendOnce } from '@/lib/sendOnce'

/** Overdue reminders are sent only this many days after a deadline (a new database starts quiet). */
const OVERDUE_WINDOW_DAYS = 31

/**
 * Which reminder is due on Vietnam day `today` for a deadline: 7 days or less before it, the week
 * reminder; 1 day before or on the day, the last one; after it, overdue. Windows rather than exact
 * days, so a worker that was down on the day still sends it when it comes back (each once).
 */
export function reminderDue(today: DayKey, deadline: DayKey): ReminderKind | null {
  const left = daysBetween(today, deadline)
  if (left < 0) return -left <= OVERDUE_WINDOW_DAYS ? ReminderKind.Overdue : null
  if (left <= 1) return ReminderKind.DayBefore
  if (left <= 7) return ReminderKind.WeekBefore
  return null
}

function message(kind: ReminderKind, year: number, deadline: DayKey, today: DayKey, unit: string) {
  const left = daysBetween(today, deadline)
  const when =
    left < 0
      ? `đã quá hạn ${-left} ngày (hạn ${formatDay(deadline)})`
      : left === 0
        ? `hết hạn hôm nay, ${formatDay(deadline)}`
        : `còn ${left} ngày, hạn ${formatDay(deadline)}`
  const base = process.env.PUBLIC_SERVER_URL?.replace(/\/$/, '')
  const subject = `[${reminderKinds.label(kind)}] Báo cáo kết quả thực hiện năm ${year}: ${when}`
  const body = [
    `Kính gửi ${unit},`,
    '',
    `Báo cáo kết quả thực hiện năm ${year} của đơn vị chưa được nộp cho Sở Thông tin và Truyền thông: ${when}.`,
    'Đề nghị đơn vị hoàn thiện phần kết quả, khó khăn và nguyên nhân, đề xuất, kiến nghị rồi nộp báo cáo.',
    base ? `Báo cáo của đơn vị: ${base}/admin/collections/unit-reports` : '',
    '',
    'Thư gửi tự động từ CMS Chuyển đổi số.',
  ]
  return { subject, body: body.filter((line, i) => line || i > 0).join('\n') }
}

const all = { depth: 0, limit: 0, pagination: false, overrideAccess: true } as const

/** The email addresses of the units' editors (who write the report), by unit id. */
async function editorEmails(payload: Payload, units?: readonly string[]) {
  const found = await payload.find({
    collection: 'users',
    ...all,
    where: {
      and: [{ role: { equals: Role.Editor } }, ...(units ? [{ unit: { in: units } }] : [])],
    },
    select: { email: true, unit: true },
  })
  const byUnit = new Map<string, string[]>()
  for (const u of found.docs) {
    const unit = relationId(u.unit)
    if (unit && u.email) byUnit.set(unit, [...(byUnit.get(unit) ?? []), u.email])
  }
  return byUnit
}

export type ReminderRun = {
  today: DayKey
  sent: { unit: string; year: number; kind: ReminderKind }[]
}

/**
 * Sends the reminders due today (Vietnam time) to every reporting unit whose report of the year is
 * not handed in, by email to the unit's editors, and records each in `report-reminders`. The row
 * is written first and is unique per (unit, year, kind): a reminder already recorded is skipped,
 * and of two workers only one writes it. A failed email removes its row, so the next run retries.
 * Units without an editor get no reminder (nobody to send it to).
 */
export async function sendReportReminders(
  payload: Payload,
  now = new Date(),
): Promise<ReminderRun> {
  const today = vnDayKey(now)
  const thisYear = Number(today.slice(0, 4))
  const run: ReminderRun = { today, sent: [] }
  for (const year of [thisYear - 1, thisYear]) {
    const { units: deadline } = await deadlinesOf(payload, year)
    const kind = reminderDue(today, deadline)
    if (!kind) continue
    const [units, reports, editors, done] = await Promise.all([
      payload.find({
        collection: 'units',
        ...all,
        where: { and: [{ active: { equals: true } }, { kind: { in: REPORTING_UNIT_KINDS } }] },
        select: { name: true },
      }),
      payload.find({
        collection: 'unit-reports',
        ...all,
        where: { year: { equals: year } },
        select: { ownerUnit: true, status: true },
      }),
      editorEmails(payload),
      payload.find({
        collection: 'report-reminders',
        ...all,
        where: { and: [{ year: { equals: year } }, { kind: { equals: kind } }] },
        select: { ownerUnit: true },
      }),
    ])
    const status = new Map(reports.docs.map((r) => [relationId(r.ownerUnit), r.status]))
    const reminded = new Set(done.docs.map((r) => relationId(r.ownerUnit)))
    for (const unit of units.docs) {
      const id = String(unit.id)
      if (reminded.has(id) || HANDED_IN.includes(status.get(id) as UnitReportStatus)) continue
      const to = editors.get(id) ?? []
      if (!to.length) continue
      const sent = await sendReminder(payload, {
        what: `thư nhắc hạn báo cáo cho ${unit.name}`,
        unit: { id, name: unit.name },
        to,
        year,
        kind,
        sequence: 0,
        deadline,
        today,
        sentAt: now.toISOString(),
      })
      if (sent.outcome === 'sent') run.sent.push({ unit: id, year, kind })
    }
  }
  return run
}

export type ManualReminder =
  | { ok: true; id: string; sentAt: string; recipients: string[]; sequence: number }
  | { ok: false; status: number; message: string }

/**
 * Sở TT&TT's "Gửi nhắc nhở" from the board: the same email as the worker's reminders (to the unit's
 * editors, saying how many days are left or overdue), recorded in `report-reminders` as the next
 * manual reminder of the unit and year, with who sent it. Who may send it is checked by the caller
 * (src/access/remindUnits.ts). Refused, in Vietnamese and with nothing recorded, for an unknown
 * unit, a report already handed in, a unit with nobody to write to, or an email the server refused.
 */
export async function sendManualReminder(
  payload: Payload,
  args: { unit: string; year: number; sentBy: string | number | null; now?: Date },
): Promise<ManualReminder> {
  const { unit: id, year, sentBy, now = new Date() } = args
  const unit = await payload
    .findByID({ collection: 'units', id, depth: 0, overrideAccess: true, select: { name: true } })
    .catch(() => null)
  if (!unit) return { ok: false, status: 404, message: 'Không tìm thấy đơn vị cần nhắc.' }
  const [report, editors, { units: deadline }, previous] = await Promise.all([
    payload.find({
      collection: 'unit-reports',
      ...all,
      where: { and: [{ ownerUnit: { equals: id } }, { year: { equals: year } }] },
      select: { status: true },
    }),
    editorEmails(payload, [id]),
    deadlinesOf(payload, year),
    payload.count({
      collection: 'report-reminders',
      overrideAccess: true,
      where: {
        and: [
          { ownerUnit: { equals: id } },
          { year: { equals: year } },
          { kind: { equals: ReminderKind.Manual } },
        ],
      },
    }),
  ])
  const status = report.docs[0]?.status as UnitReportStatus | undefined
  if (status && HANDED_IN.includes(status))
    return {
      ok: false,
      status: 409,
      message: `${unit.name} đã nộp báo cáo năm ${year}; không cần nhắc nữa.`,
    }
  const to = editors.get(id) ?? []
  if (!to.length)
    return {
      ok: false,
      status: 400,
      message: `${unit.name} chưa có biên tập viên nào có email để nhận thư nhắc. Hãy tạo tài khoản cho đơn vị trước.`,
    }
  const today = vnDayKey(now)
  const sentAt = now.toISOString()
  const sequence = previous.totalDocs + 1
  const sent = await sendReminder(payload, {
    what: `thư nhắc nộp báo cáo cho ${unit.name}`,
    unit: { id, name: unit.name },
    to,
    year,
    kind: ReminderKind.Manual,
    sequence,
    sentBy,
    deadline,
    today,
    sentAt,
  })
  // The unique index: someone else's reminder to this unit took the same number a moment ago.
  if (sent.outcome === 'taken')
    return {
      ok: false,
      status: 409,
      message: `Vừa có người khác gửi nhắc nhở cho ${unit.name}; hãy tải lại trang trước khi gửi tiếp.`,
    }
  if (sent.outcome === 'failed')
    return {
      ok: false,
      status: 502,
      message: 'Máy chủ thư không nhận thư nhắc; chưa ghi nhận lần nhắc này, hãy thử lại sau.',
    }
  const row = sent.row
  return { ok: true, id: String(row.id), sentAt, recipients: to, sequence }
}

/**
 * One reminder, recorded before it is emailed and never twice (src/lib/sendOnce.ts): the row in
 * `report-reminders` (unique per unit, year, kind and sequence), then the email; a failed email
 * takes its row back.
 */
function sendReminder(
  payload: Payload,
  r: {
    what: string
    unit: { id: string; name: string }
    to: string[]
    year: number
    kind: ReminderKind
    sequence: number
    sentBy?: string | number | null
    deadline: DayKey
    today: DayKey
    sentAt: string
  },
) {
  const { subject, body } = message(r.kind, r.year, r.deadline, r.today, r.unit.name)
  return sendOnce(payload, {
    what: r.what,
    record: () =>
      payload.create({
        collection: 'report-reminders',
        overrideAccess: true,
        data: {
          ownerUnit: r.unit.id,
          year: r.year,
          kind: r.kind,
          sequence: r.sequence,
          sentBy: r.sentBy == null ? undefined : String(r.sentBy),
          deadline: formatDay(r.deadline),
          sentAt: r.sentAt,
          recipients: r.to.join(', '),
          subject,
          body,
        },
      }),
    send: () => payload.sendEmail({ to: r.to, subject, text: body }),
    undo: (row) =>
      payload.delete({ collection: 'report-reminders', id: row.id, overrideAccess: true }),
  })
}
