import type { CollectionAfterChangeHook } from 'payload'
import { contentFingerprint } from '@/content/fingerprint'
import { loadContentItem } from '@/content/item'
import { EDITED_AFTER_APPROVAL, reopenedApproval } from '@/dispatch/approval'
import { moveIfStill } from '@/dispatch/record'
import { publicationsOf } from '@/lib/publicationsOf'
import { AttemptOutcome, type ContentKind, PublicationStatus, READY } from '@/vocabulary'
import type { ContentDoc } from '../types'

/**
 * An edit to approved content sends its approved, not yet sent publications back for approval at
 * once, so the campaign manager sees them in "Chờ duyệt" now rather than when they fall due. Only the
 * published version counts: a draft save changes nothing an approver saw. The dispatcher re-checks
 * at fire time too: a change to something the content shows (its image file, say) does not pass here.
 */
export const reopenApprovalsOnEdit: CollectionAfterChangeHook<ContentDoc> = async ({
  collection,
  doc,
  operation,
  req,
}) => {
  if (operation !== 'update') return doc
  const { payload } = req
  const kind = collection.slug as ContentKind
  const approved = await publicationsOf(req, kind, doc.id, READY, [
    { 'approval.contentFingerprint': { exists: true } },
  ])
  if (!approved.length) return doc
  const item = await loadContentItem(payload, kind, String(doc.id), req)
  if (!item) return doc
  const fingerprint = contentFingerprint(item)
  for (const pub of approved) {
    if (!pub.approval?.contentFingerprint || pub.approval.contentFingerprint === fingerprint)
      continue
    // A publication a worker has just claimed is left to the worker's own re-check.
    await moveIfStill(payload, {
      id: pub.id,
      from: READY,
      data: {
        status: PublicationStatus.AwaitingApproval,
        approval: reopenedApproval(pub.approval),
      },
      attempt: { outcome: AttemptOutcome.Held, message: EDITED_AFTER_APPROVAL },
      req,
    })
  }
  return doc
}
