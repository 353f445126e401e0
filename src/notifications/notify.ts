import type { Payload, PayloadRequest } from 'payload'
import { serverUrl } from '@/lib/env'
import { relationId } from '@/lib/relation'
import { sendOnce } from '@/lib/sendOnce'
import {
  EmailPreference,
  NotificationEmail,
  type NotificationEvent,
  notificationEvents,
} from '@/vocabulary'

/** The document a notification is about: its admin page is the notification's link. */
export type DocRef = { collection: string; id: string | number }

export type NotifyArgs = {
  event: NotificationEvent
  /** Users' ids; empty, repeated and the actor's own are dropped. */
  recipients: readonly (string | number | null | undefined)[]
  /**
   * What makes this event this event, e.g. `review-requested:articles:ID:2026-12-05T06:00:00Z`:
   * a second call with the same key writes and sends nothing to a recipient who already has it.
   */
  key: string
  docRef?: DocRef | null
  /** One line, in Vietnamese; the event's label when left out. */
  title?: string
  body?: string
  /** An admin path; the document's edit page when left out. */
  link?: string
  /** False: under the bell only (the event already had its own email, as the task reminders do). */
  email?: boolean
  /** Who caused the event: not told of their own action. */
  actor?: string | number | null
  /** Inside a hook: the rows join the request's transaction and emails go once it has committed. */
  req?: PayloadRequest
}

export type NotifyResult = {
  /** The recipients a notification was written for now (not those who had it already). */
  created: string[]
  /** Those emailed at once (without a request; with one, after the commit: see `settleNotifications`). */
  emailed: string[]
}

const all = { depth: 0, limit: 0, pagination: false, overrideAccess: true } as const

export const adminLink = (ref: DocRef) => `/admin/collections/${ref.collection}/${ref.id}`

/**
 * Tells users that something needs them: one row per recipient in `notifications` (the bell), and
 * an email per the recipient's preference (`users.notificationEmail`: at once, in the daily digest
 * — src/notifications/digest.ts — or none), through Payload's email adapter (src/lib/email.ts).
 * Never twice for one event and recipient: the row, unique per (recipient, key), is written before
 * any email goes out, so a repeated call, another worker or a restart finds it and sends nothing
 * (src/lib/sendOnce.ts). An email that fails is marked `failed` on its row, never retried into a
 * duplicate; one whose process died between the commit and the send is delivered by the hourly
 * sweep (`deliverPending`).
 */
export async function notify(payload: Payload, args: NotifyArgs): Promise<NotifyResult> {
  const { event, key, docRef, req, actor } = args
  const result: NotifyResult = { created: [], emailed: [] }
  const ids = [
    ...new Set(
      args.recipients
        .map((r) => relationId(r))
        .filter((r): r is string => !!r && r !== relationId(actor)),
    ),
  ]
  if (!ids.length) return result
  const [users, had] = await Promise.all([
    payload.find({
      collection: 'users',
      ...all,
      where: { id: { in: ids } },
      select: { email: true, fullName: true, notificationEmail: true },
      req,
    }),
    payload.find({
      collection: 'notifications',
      ...all,
      where: { and: [{ key: { equals: key } }, { recipient: { in: ids } }] },
      select: { recipient: true },
      req,
    }),
  ])
  const already = new Set(had.docs.map((n) => relationId(n.recipient)))
  const title = args.title ?? notificationEvents.label(event)
  const link = args.link ?? (docRef ? adminLink(docRef) : undefined)
  const deferred: string[] = []
  for (const user of users.docs) {
    const id = String(user.id)
    if (already.has(id)) continue
    const preference = (user.notificationEmail ?? EmailPreference.Immediate) as EmailPreference
    const emailState =
      args.email === false || preference === EmailPreference.None
        ? NotificationEmail.None
        : preference === EmailPreference.Digest
          ? NotificationEmail.Digest
          : NotificationEmail.Pending
    const sent = await sendOnce(payload, {
      what: `thư thông báo "${title}" cho ${user.email}`,
      record: () =>
        payload.create({
          collection: 'notifications',
          overrideAccess: true,
          depth: 0,
          req,
          data: {
            recipient: id,
            key,
            event,
            title,
            body: args.body,
            link,
            docCollection: docRef?.collection,
            docId: docRef ? String(docRef.id) : undefined,
            emailState,
            read: false,
          },
        }),
      send: async (row) => {
        if (emailState !== NotificationEmail.Pending) return
        if (req) deferred.push(String(row.id))
        else if (await deliver(payload, row.id)) result.emailed.push(id)
      },
      undo: () => Promise.resolve(),
    })
    if (sent.outcome === 'sent') result.created.push(id)
  }
  if (deferred.length) afterCommit(payload, deferred)
  return result
}

/** The email of one notification, as its recipient reads it. */
export function emailOf(
  user: { fullName?: string | null },
  n: { title: string; body?: string | null; link?: string | null },
) {
  const url = n.link ? `${serverUrl()}${n.link}` : null
  const text = [
    `Kính gửi ${user.fullName || 'anh/chị'},`,
    '',
    n.title,
    ...(n.body ? ['', n.body] : []),
    ...(url ? ['', `Xem: ${url}`] : []),
    '',
    'Thư gửi tự động từ CMS Chuyển đổi số. Cách nhận thư thông báo đổi được trong trang tài khoản của bạn.',
  ].join('\n')
  return { subject: `[Thông báo] ${n.title}`, text }
}

/**
 * Emails one pending notification: marked `sent` first, so a crash after the send cannot send it
 * again (at most once); `failed` if the mail server refused it. False when it was not pending.
 */
async function deliver(payload: Payload, id: string | number): Promise<boolean> {
  const row = await payload.findByID({
    collection: 'notifications',
    id,
    depth: 1,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!row || row.emailState !== NotificationEmail.Pending) return false
  const user = typeof row.recipient === 'object' ? row.recipient : null
  if (!user?.email) return false
  await payload.update({
    collection: 'notifications',
    id,
    overrideAccess: true,
    depth: 0,
    data: { emailState: NotificationEmail.Sent, emailedAt: new Date().toISOString() },
  })
  try {
    await payload.sendEmail({ to: user.email, ...emailOf(user, row) })
    return true
  } catch (err) {
    payload.logger.error({ err, msg: `Gửi thư thông báo cho ${user.email} lỗi.` })
    await payload.update({
      collection: 'notifications',
      id,
      overrideAccess: true,
      depth: 0,
      data: { emailState: NotificationEmail.Failed },
    })
    return false
  }
}

const inFlight = new Set<Promise<unknown>>()

/**
 * Emails written inside a request's transaction go once it has committed: the rows are looked for
 * until they show (a rolled-back change leaves none, and so sends nothing). Only this process knows
 * these ids, so nobody else races it; a commit later than the wait is left to the hourly sweep.
 */
function afterCommit(payload: Payload, ids: string[]) {
  const work = (async () => {
    for (let i = 0; i < 50; i++) {
      await new Promise((r) => setTimeout(r, i === 0 ? 0 : 100))
      const visible = await payload.count({
        collection: 'notifications',
        overrideAccess: true,
        where: { id: { in: ids } },
      })
      if (!visible.totalDocs) continue
      for (const id of ids) await deliver(payload, id)
      return
    }
  })().catch((err) => payload.logger.error({ err, msg: 'Gửi thư thông báo lỗi.' }))
  inFlight.add(work)
  void work.finally(() => inFlight.delete(work))
}

/** Resolves once every email queued by `notify` in this process has been sent (tests, shutdown). */
export const settleNotifications = async () => {
  while (inFlight.size) await Promise.allSettled([...inFlight])
}

/**
 * The hourly sweep: pending notifications older than `olderThanMs` whose process stopped before
 * emailing them (a crash between the commit and the send). Run under the report jobs' lease.
 */
export async function deliverPending(
  payload: Payload,
  now = new Date(),
  olderThanMs = 10 * 60_000,
): Promise<number> {
  const pending = await payload.find({
    collection: 'notifications',
    ...all,
    where: {
      and: [
        { emailState: { equals: NotificationEmail.Pending } },
        { createdAt: { less_than: new Date(now.getTime() - olderThanMs).toISOString() } },
      ],
    },
    select: { emailState: true },
  })
  let sent = 0
  for (const n of pending.docs) if (await deliver(payload, n.id)) sent++
  return sent
}
