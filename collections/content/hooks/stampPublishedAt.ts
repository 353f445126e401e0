import type { CollectionBeforeChangeHook } from 'payload'
import { DocStatus } from '@/vocabulary'
import type { ContentDoc } from '../types'

/** The first publication sets publishedAt, unless the editor chose a date. */
export const stampPublishedAt: CollectionBeforeChangeHook<ContentDoc> = ({ data, originalDoc }) => {
  if (data._status === DocStatus.Published && !data.publishedAt && !originalDoc?.publishedAt) {
    data.publishedAt = new Date().toISOString()
  }
  return data
}
