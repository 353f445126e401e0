import type { CollectionBeforeChangeHook } from 'payload'

/** The first publication sets publishedAt, unless the editor chose a date. */
export const stampPublishedAt: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  if (data._status === 'published' && !data.publishedAt && !originalDoc?.publishedAt) {
    data.publishedAt = new Date().toISOString()
  }
  return data
}
