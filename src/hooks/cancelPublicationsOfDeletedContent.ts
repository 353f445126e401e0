import crypto from 'node:crypto'
import type { CollectionBeforeDeleteHook } from 'payload'

/** Statuses a publication can still leave on its own; "sending" belongs to a worker, which will find the content gone. */
const PENDING = ['draft', 'awaiting-approval', 'scheduled', 'retrying']

/**
 * Deleting content cancels its pending publications, saying why. It runs before the delete: the
 * content link goes with the content, and afterwards nothing would say which publications were its.
 */
export const cancelPublicationsOfDeletedContent: CollectionBeforeDeleteHook = async ({ collection, id, req }) => {
  const { payload } = req
  const doc = await payload.findByID({ collection: collection.slug as 'articles', id, depth: 0, overrideAccess: true, req, disableErrors: true })
  const pending = await payload.find({
    collection: 'publications',
    where: { and: [{ 'content.value': { equals: id } }, { 'content.relationTo': { equals: collection.slug } }, { status: { in: PENDING } }] },
    pagination: false,
    limit: 0,
    depth: 0,
    overrideAccess: true,
    select: { status: true },
    req,
  })
  const message = `Nội dung "${doc?.title ?? id}" đã bị xóa nên lịch đăng bị hủy.`
  for (const pub of pending.docs) {
    // Conditional, so a worker that claimed it a moment ago keeps its claim (and fails it itself).
    const cancelled = await payload.db.updateOne({
      collection: 'publications',
      where: { and: [{ id: { equals: pub.id } }, { status: { in: PENDING } }] },
      data: { status: 'cancelled' },
      options: { atomic: true },
      req,
    } as never)
    if (!cancelled) continue
    await payload.db.updateOne({
      collection: 'publications',
      id: pub.id,
      data: { attempts: { $push: { id: crypto.randomBytes(12).toString('hex'), at: new Date().toISOString(), outcome: 'permanent', message } } },
      returning: false,
      req,
    } as never)
  }
}
