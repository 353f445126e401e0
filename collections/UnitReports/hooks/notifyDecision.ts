import type { CollectionAfterChangeHook } from 'payload'
import { relationId } from '@/lib/relation'
import { notify } from '@/notifications/notify'
import { unitEditors } from '@/notifications/recipients'
import { NotificationEvent, UnitReportStatus } from '@/vocabulary'

/** A unit's report returned or accepted: the unit's editors and whoever submitted it. */
export const notifyDecision: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const status = doc.status as UnitReportStatus
  if (status === previousDoc?.status) return doc
  if (status !== UnitReportStatus.Returned && status !== UnitReportStatus.Accepted) return doc
  const returned = status === UnitReportStatus.Returned
  await notify(req.payload, {
    event: returned ? NotificationEvent.UnitReportReturned : NotificationEvent.UnitReportAccepted,
    recipients: [
      ...(await unitEditors(req.payload, relationId(doc.ownerUnit), req)),
      relationId(doc.submittedBy),
    ],
    actor: req.user?.id,
    req,
    docRef: { collection: 'unit-reports', id: doc.id },
    key: `unit-report-${status}:${doc.id}:${doc.reviewedAt}`,
    title: returned
      ? `Báo cáo năm ${doc.year} bị trả lại`
      : `Báo cáo năm ${doc.year} đã được chấp nhận`,
    body: returned ? `Lý do: ${doc.returnReason ?? ''}` : undefined,
  })
  return doc
}
