import os from 'node:os'
import cron from 'node-cron'
import type { Payload } from 'payload'
import { TIME_ZONE } from '@/lib/time'
import { generateDueReports } from '../export/generate'
import { releaseLease, tryLease } from '../lease'
import { sendReportReminders } from './reminders'
import { sendTaskReminders } from '../tasks/reminders'
import { overdueCommissionEvents, sendEvents } from '@/commissions/events'
import { sendDigests } from '@/notifications/digest'
import { notifyExpiringTokens } from '@/notifications/events'
import { deliverPending } from '@/notifications/notify'

const LEASE = 'report-reminders'

/**
 * The yearly reporting jobs, checked every hour (at minute 5, Vietnam time) beside each
 * dispatcher: the units' report reminders (each sent once, see sendReportReminders), the plan
 * tasks' due-date reminders (sendTaskReminders), the notifications' daily digest, expiring channel
 * tokens and emails left pending by a stopped process (src/notifications/), and the
 * province's report on its draft and final days (generateDueReports). Hourly rather than daily,
 * so a worker that was down at the usual hour still does the day's work. One worker at a time (a lease).
 */
export function startReportCron(payload: Payload) {
  const owner = `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 6)}`
  let running: Promise<unknown> = Promise.resolve()
  const run = async () => {
    if (!(await tryLease(payload, LEASE, owner, 10 * 60_000))) return
    try {
      const r = await sendReportReminders(payload)
      if (r.sent.length)
        payload.logger.info(`Đã gửi ${r.sent.length} thư nhắc hạn nộp báo cáo của đơn vị.`)
      const tasks = await sendTaskReminders(payload)
      if (tasks.sent.length)
        payload.logger.info(`Đã gửi ${tasks.sent.length} thư nhắc hạn nhiệm vụ kế hoạch.`)
      const tokens = await notifyExpiringTokens(payload)
      if (tokens) payload.logger.info(`Đã báo ${tokens} kênh sắp hết hạn mã truy cập.`)
      const overdue = await sendEvents(payload, await overdueCommissionEvents(payload))
      if (overdue) payload.logger.info(`Đã báo ${overdue} bài đặt quá hạn.`)
      const digests = await sendDigests(payload)
      if (digests.sent.length)
        payload.logger.info(`Đã gửi ${digests.sent.length} thư tổng hợp thông báo.`)
      await deliverPending(payload)
      const generated = await generateDueReports(payload)
      if (generated)
        payload.logger.info(`Đã lập báo cáo năm của tỉnh từ bản chốt ${generated.snapshot.id}.`)
    } finally {
      await releaseLease(payload, LEASE, owner)
    }
  }
  const task = cron.schedule(
    '5 * * * *',
    () => {
      running = run().catch((err) =>
        payload.logger.error({ err, msg: 'Nhắc hạn nộp báo cáo lỗi.' }),
      )
    },
    { noOverlap: true, timezone: TIME_ZONE, name: `report-reminders-${owner}` },
  )
  return {
    stop: async () => {
      await task.stop()
      await running
    },
  }
}
