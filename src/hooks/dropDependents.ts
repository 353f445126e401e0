import type { CollectionBeforeDeleteHook, CollectionSlug } from 'payload'

/**
 * Deletes the rows of `collection` whose `field` points at the document being deleted (an event's
 * check-ins, a survey's responses: their column cannot be empty, and they mean nothing alone).
 */
export const dropDependents =
  (collection: CollectionSlug, field: string): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    await req.payload.delete({
      collection,
      where: { [field]: { equals: id } },
      overrideAccess: true,
      req,
    })
  }
