import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'
import { relationId } from '@/lib/relation'
import { formatVietnamTime } from '@/lib/time'
import { notify } from '@/notifications/notify'
import { withRoles } from '@/notifications/recipients'
import { NotificationEvent, PublicationStatus, Role } from '@/vocabulary'
import { approvesPublication } from './approver'

/**
 * A publication now waits for another unit's approval: Sở TT&TT's campaign managers (admins when
 * there are none), and the unit managers who may decide on it (collections/Publications/hooks/approver.ts).
 */
export const notifyApprovers: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (
    doc.status !== PublicationStatus.AwaitingApproval ||
    previousDoc?.status === PublicationStatus.AwaitingApproval
  )
    return doc
  const { payload } = req
  const managers = await withRoles(payload, [Role.CampaignManager], req)
  const unitManagers = await payload.find({
    collection: 'users',
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    where: { role: { equals: Role.UnitManager } },
    req,
  })
  const channel = await payload.findByID({
    collection: 'channels',
    id: relationId(doc.channel)!,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    select: { ownerUnit: true },
    req,
  })
  const deciders: string[] = []
  for (const user of unitManagers.docs)
    if (
      await approvesPublication(
        { ...req, user: { ...user, collection: 'users' } } as PayloadRequest,
        relationId(doc.ownerUnit),
        relationId(channel?.ownerUnit),
      )
    )
      deciders.push(String(user.id))
  const recipients = [
    ...(managers.length ? managers : await withRoles(payload, [Role.Admin], req)),
    ...deciders,
  ]
  await notify(payload, {
    event: NotificationEvent.ApprovalAwaited,
    recipients,
    actor: req.user?.id,
    req,
    docRef: { collection: 'publications', id: doc.id },
    key: `approval-awaited:${doc.id}:${doc.updatedAt}`,
    title: `Lịch đăng chờ duyệt: "${doc.contentTitle ?? ''}" lên ${doc.channelName ?? 'kênh'}`,
    body: `Đăng lúc ${formatVietnamTime(doc.scheduledAt)}; kênh của đơn vị khác nên cần duyệt trước khi lên lịch.`,
  })
  return doc
}
