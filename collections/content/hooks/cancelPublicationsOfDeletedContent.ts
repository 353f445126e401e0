import type { CollectionBeforeDeleteHook } from 'payload'
import { moveIfStill } from '@/dispatch/record'
import { publicationsOf } from '@/lib/publicationsOf'
import { AttemptOutcome, PublicationStatus, type ContentKind, WAITING } from '@/vocabulary'

/**
 * Deleting content cancels its waiting publications, saying why. It runs before the delete: the
 * content link goes with the content, and afterwards nothing would say which publications were its.
 * "Sending" belongs to a worker, which will find the content gone.
 */
export const cancelPublicationsOfDeletedContent: CollectionBeforeDeleteHook = async ({
  collection,
  id,
  req,
}) => {
  const { payload } = req
  const kind = collection.slug as ContentKind
  const doc = await payload.findByID({
    collection: kind,
    id,
    depth: 0,
    overrideAccess: true,
    req,
    disableErrors: true,
  })
  const pending = await publicationsOf(req, kind, id, WAITING)
  const message = `Nội dung "${doc?.title ?? id}" đã bị xóa nên lịch đăng bị hủy.`
  for (const pub of pending) {
    // A worker that claimed it a moment ago keeps its claim, and fails it itself finding the content gone.
    await moveIfStill(payload, {
      id: pub.id,
      from: WAITING,
      data: { status: PublicationStatus.Cancelled },
      attempt: { outcome: AttemptOutcome.Permanent, message },
      req,
    })
  }
}
