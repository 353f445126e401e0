import type { Payload, PayloadRequest } from 'payload'
import { relationId } from '@/lib/relation'
import type { Commission } from '@/payload-types'
import { unitEditors } from '@/notifications/recipients'
import { notify } from '@/notifications/notify'
import { CommissionStatus, NotificationEvent } from '@/vocabulary'
import { overdueWhere } from './overdue'

/**
 * What commissions and comments have to tell people, as plain events: the notifications service
 * (issue 25 item 4, `notify()` in src/notifications/) sends them. Each event has a `key` that is the
 * same however often it is computed, so the sender can send it once, even across a restart.
 * `sendEvents` is the one call site: it is where the lead wires `notify()`.
 */
export type WorkflowEvent =
  | {
      type: 'commission-assigned'
      key: string
      commission: string
      title: string
      /** The person assigned, or every editor of the unit when no one person is. */
      to: { user?: string; unit: string }
    }
  | {
      type: 'commission-overdue'
      key: string
      commission: string
      title: string
      dueAt: string
      to: { user?: string; unit: string; commissionedBy?: string }
    }
  | {
      type: 'comment-mention'
      key: string
      comment: string
      /** The commented document: a content kind or 'publications', and its id. */
      doc: { relationTo: string; value: string }
      to: { user: string }
      by?: string
    }

/** The events to send on a commission's save: "assigned" when created, or when given to another assignee. */
export function commissionSavedEvents(
  doc: Commission,
  previous: Commission | undefined,
  operation: 'create' | 'update',
): WorkflowEvent[] {
  const unit = relationId(doc.assigneeUnit)
  if (!unit || doc.status !== CommissionStatus.Assigned) return []
  const user = relationId(doc.assigneeUser) ?? undefined
  const reassigned =
    operation === 'create' ||
    relationId(previous?.assigneeUnit) !== unit ||
    (relationId(previous?.assigneeUser) ?? undefined) !== user
  if (!reassigned) return []
  return [
    {
      type: 'commission-assigned',
      key: `commission-assigned:${doc.id}:${user ?? unit}`,
      commission: String(doc.id),
      title: doc.title,
      to: { user, unit },
    },
  ]
}

/**
 * The "overdue" event of every open commission past its due date at `now` (one per commission and
 * due date: moving the date makes a new one). For a scheduled job beside the notifications' own.
 */
export async function overdueCommissionEvents(
  payload: Payload,
  now: Date = new Date(),
): Promise<WorkflowEvent[]> {
  const found = await payload.find({
    collection: 'commissions',
    where: overdueWhere(now),
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    select: {
      title: true,
      dueAt: true,
      assigneeUnit: true,
      assigneeUser: true,
      commissionedBy: true,
    },
  })
  return found.docs.map((doc) => ({
    type: 'commission-overdue',
    key: `commission-overdue:${doc.id}:${new Date(doc.dueAt).toISOString()}`,
    commission: String(doc.id),
    title: doc.title,
    dueAt: doc.dueAt,
    to: {
      user: relationId(doc.assigneeUser) ?? undefined,
      unit: String(relationId(doc.assigneeUnit)),
      commissionedBy: relationId(doc.commissionedBy) ?? undefined,
    },
  }))
}

/** The person assigned, or the unit's editors when no one person is. */
const assignees = async (
  payload: Payload,
  to: { user?: string; unit: string },
  req?: PayloadRequest,
) => (to.user ? [to.user] : unitEditors(payload, to.unit, req))

/**
 * Hands the events to the notifications service (src/notifications/notify.ts): the bell, and an
 * email per each recipient's preference, once per event key and recipient. Inside a hook, `req`
 * puts the rows in its transaction. Returns how many notifications were written now.
 */
export async function sendEvents(
  payload: Payload,
  events: WorkflowEvent[],
  req?: PayloadRequest,
): Promise<number> {
  let created = 0
  for (const e of events) {
    const sent =
      e.type === 'comment-mention'
        ? await notify(payload, {
            event: NotificationEvent.CommentMention,
            recipients: [e.to.user],
            key: e.key,
            docRef: { collection: e.doc.relationTo, id: e.doc.value },
            actor: e.by,
            req,
          })
        : await notify(payload, {
            event:
              e.type === 'commission-assigned'
                ? NotificationEvent.CommissionAssigned
                : NotificationEvent.CommissionOverdue,
            recipients: [
              ...(await assignees(payload, e.to, req)),
              // The one who asked for it hears that it is late too.
              ...(e.type === 'commission-overdue' ? [e.to.commissionedBy] : []),
            ],
            key: e.key,
            docRef: { collection: 'commissions', id: e.commission },
            title: `${e.type === 'commission-assigned' ? 'Được đặt bài' : 'Bài đặt quá hạn'}: ${e.title}`,
            req,
          })
    created += sent.created.length
  }
  return created
}
