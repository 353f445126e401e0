import type { CollectionBeforeDeleteHook } from 'payload'
import { moveIfStill } from '@/dispatch/record'
import { publicationsOf } from '@/lib/publicationsOf'

/** Statuses a publication can still leave on its own; "sending" belongs to a worker, which will find the content gone. */
const PENDING = ['draft', 'awaiting-approval', 'scheduled', 'retrying']

/**
 * Deleting content cancels its pending publications, saying why. It runs before the delete: the
 * content link goes with the content, and afterwards nothing would say which publications were its.
 */
export const cancelPublicationsOfDeletedContent: CollectionBeforeDeleteHook = async ({ collection, id, req }) => {
  const { payload } = req
  const doc = await payload.findByID({ collection: collection.slug as 'articles', id, depth: 0, overrideAccess: true, req, disableErrors: true })
  const pending = await publicationsOf(req, collection.slug, id, PENDING)
  const message = `Nội dung "${doc?.title ?? id}" đã bị xóa nên lịch đăng bị hủy.`
  for (const pub of pending) {
    // A worker that claimed it a moment ago keeps its claim, and fails it itself finding the content gone.
    await moveIfStill(payload, { id: pub.id, from: PENDING, data: { status: 'cancelled' }, attempt: { outcome: 'permanent', message }, req })
  }
}
