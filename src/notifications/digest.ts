import type { Payload } from 'payload'
import { sendOnce } from '@/lib/sendOnce'
import { relationId } from '@/lib/relation'
import { vnDayKey, vnMidnight, vnTime } from '@/lib/time'
import { NotificationEmail, notificationEvents, type NotificationEvent } from '@/vocabulary'
import { emailOf } from './notify'

/** The daily digest goes at this hour, Vietnam time (the report jobs' hourly run at :05 sends it). */
export const DIGEST_HOUR = Number(process.env.NOTIFICATION_DIGEST_HOUR || 7)

export type DigestRun = { day: string; sent: { user: string; count: number }[] }

/**
 * The daily digest: one email per user who chose it, listing their notifications written before
 * today's digest hour that no digest has carried yet. The rows are marked `digested` before the
 * email goes out, so a second run (another worker, a restart) finds nothing left to send; a
 * refused email puts them back for the next hour's run. Before the hour it does nothing, and what
 * arrives after it waits for tomorrow's: one digest a day.
 */
export async function sendDigests(payload: Payload, now = new Date()): Promise<DigestRun> {
  const day = vnDayKey(now)
  const run: DigestRun = { day, sent: [] }
  const cutoff = new Date(vnMidnight(day).getTime() + DIGEST_HOUR * 3_600_000)
  if (now < cutoff) return run
  const waiting = await payload.find({
    collection: 'notifications',
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    sort: 'createdAt',
    where: {
      and: [
        { emailState: { equals: NotificationEmail.Digest } },
        { createdAt: { less_than: cutoff.toISOString() } },
      ],
    },
    select: { recipient: true, title: true, event: true, link: true, createdAt: true },
  })
  const byUser = new Map<string, typeof waiting.docs>()
  for (const n of waiting.docs) {
    const user = relationId(n.recipient)
    if (user) byUser.set(user, [...(byUser.get(user) ?? []), n])
  }
  for (const [userId, rows] of byUser) {
    const user = await payload
      .findByID({ collection: 'users', id: userId, depth: 0, overrideAccess: true })
      .catch(() => null)
    if (!user?.email) continue
    const ids = rows.map((r) => r.id)
    const mark = (emailState: NotificationEmail, emailedAt: string | null) =>
      payload.update({
        collection: 'notifications',
        where: { id: { in: ids } },
        overrideAccess: true,
        depth: 0,
        data: { emailState, emailedAt },
      })
    const lines = rows.map(
      (r) =>
        `- ${vnTime(r.createdAt)} ${vnDayKey(r.createdAt).split('-').reverse().join('/')} · ` +
        `${notificationEvents.label(r.event as NotificationEvent)}: ${r.title}`,
    )
    const { text } = emailOf(user, {
      title: `Anh/chị có ${rows.length} thông báo chưa gửi thư:`,
      body: lines.join('\n'),
      link: '/admin/collections/notifications',
    })
    const subject = `[Thông báo tổng hợp] ${day.split('-').reverse().join('/')}: ${rows.length} thông báo`
    const sent = await sendOnce(payload, {
      what: `thư tổng hợp thông báo cho ${user.email}`,
      record: () => mark(NotificationEmail.Digested, now.toISOString()),
      send: () => payload.sendEmail({ to: user.email, subject, text }),
      undo: () => mark(NotificationEmail.Digest, null),
    })
    if (sent.outcome === 'sent') run.sent.push({ user: userId, count: rows.length })
  }
  return run
}
