import type { Payload } from 'payload'
import { daysBetween, formatDay, vnDayKey, type DayKey } from '@/lib/time'
import {
  NotificationEvent,
  Role,
  TASK_FINISHED,
  TASK_REMINDER_DAYS,
  taskStatuses,
} from '@/vocabulary'
import { relationId } from '@/lib/relation'
import { sendOnce } from '@/lib/sendOnce'
import { notify } from '@/notifications/notify'
import { loadTaskData, statusIn, type TaskInfo } from './review'
import { milestonesOf, type Milestone } from './timeFrame'

export type TaskReminderRun = {
  today: DayKey
  sent: { task: string; milestone: DayKey; unit: string }[]
}

function message(t: TaskInfo, m: Milestone, today: DayKey, status: string) {
  const left = daysBetween(today, m.dueOn)
  const when =
    left === 0
      ? `hết hạn hôm nay, ${formatDay(m.dueOn)}`
      : `còn ${left} ngày, hạn ${formatDay(m.dueOn)}`
  const base = process.env.PUBLIC_SERVER_URL?.replace(/\/$/, '')
  const subject = `[Nhắc hạn nhiệm vụ] ${t.number}. ${t.title.slice(0, 120)}: ${when}`
  const body = [
    `Kính gửi ${t.lead.name},`,
    '',
    `Nhiệm vụ ${t.number} "${t.title}" do đơn vị chủ trì ${when}.`,
    `Thời gian thực hiện theo kế hoạch: ${t.timeFrame.text}.`,
    `Tình trạng năm ${m.year} đang ghi nhận: ${status}.`,
    'Đề nghị đơn vị cập nhật tiến độ, kết quả và minh chứng của nhiệm vụ.',
    base ? `Tiến độ nhiệm vụ: ${base}/admin/collections/task-progress` : '',
    '',
    'Thư gửi tự động từ CMS Chuyển đổi số.',
  ]
  return { subject, body: body.filter((line, i) => line || i > 0).join('\n') }
}

/**
 * Emails the lead unit's editors about each task whose milestone (src/reporting/tasks/timeFrame.ts
 * milestonesOf) falls within the next TASK_REMINDER_DAYS days (Vietnam days, the due day included)
 * while the task's year is not done. Each (task, milestone) is recorded in `task-reminders` before
 * its email goes out; the pair is unique, so a reminder is sent once, by one worker, whatever the
 * restarts. A failed email removes its row, so the next run retries. A unit without an editor gets
 * none (nobody to send it to).
 */
export async function sendTaskReminders(
  payload: Payload,
  now = new Date(),
): Promise<TaskReminderRun> {
  const today = vnDayKey(now)
  const run: TaskReminderRun = { today, sent: [] }
  const data = await loadTaskData(payload)
  const due: { task: TaskInfo; milestone: Milestone }[] = []
  for (const t of data.tasks)
    for (const m of milestonesOf(t.timeFrame, t.plan)) {
      const left = daysBetween(today, m.dueOn)
      if (left < 0 || left > TASK_REMINDER_DAYS) continue
      if (TASK_FINISHED.includes(statusIn(data, t.id, m.year))) continue
      due.push({ task: t, milestone: m })
    }
  if (!due.length) return run
  const all = { depth: 0, limit: 0, pagination: false, overrideAccess: true } as const
  const [editors, done] = await Promise.all([
    payload.find({
      collection: 'users',
      ...all,
      where: { role: { equals: Role.Editor } },
      select: { email: true, unit: true },
    }),
    payload.find({
      collection: 'task-reminders',
      ...all,
      where: { task: { in: due.map((d) => d.task.id) } },
      select: { task: true, milestone: true },
    }),
  ])
  const reminded = new Set(done.docs.map((r) => `${relationId(r.task)}|${r.milestone}`))
  for (const { task: t, milestone: m } of due) {
    if (reminded.has(`${t.id}|${m.dueOn}`)) continue
    const to = editors.docs.filter((u) => relationId(u.unit) === t.lead.id).map((u) => u.email)
    if (!to.length) continue
    const { subject, body } = message(t, m, today, taskStatuses.label(statusIn(data, t.id, m.year)))
    const sent = await sendOnce(payload, {
      what: `thư nhắc hạn nhiệm vụ ${t.number}`,
      record: () =>
        payload.create({
          collection: 'task-reminders',
          overrideAccess: true,
          data: {
            task: t.id,
            milestone: m.dueOn,
            ownerUnit: t.lead.id,
            sentAt: now.toISOString(),
            recipients: to.join(', '),
            subject,
            body,
          },
        }),
      send: () => payload.sendEmail({ to, subject, text: body }),
      undo: (row) =>
        payload.delete({ collection: 'task-reminders', id: row.id, overrideAccess: true }),
    })
    if (sent.outcome !== 'sent') continue
    run.sent.push({ task: t.id, milestone: m.dueOn, unit: t.lead.id })
    // The same reminder under the editors' bell; its email has just gone to the unit, so none again.
    await notify(payload, {
      event: NotificationEvent.TaskReminder,
      recipients: editors.docs.filter((u) => relationId(u.unit) === t.lead.id).map((u) => u.id),
      docRef: { collection: 'plan-tasks', id: t.id },
      key: `task-reminder:${t.id}:${m.dueOn}`,
      title: subject,
      body,
      email: false,
    })
  }
  return run
}
