import type { CollectionBeforeChangeHook } from 'payload'
import { searchTextOf } from '@/content/searchText'
import { webVisibleFromOf } from '@/content/visibility'
import type { ContentKind } from '@/vocabulary'
import type { ContentDoc } from '../types'

/**
 * The two fields the public page reads and nobody types: `searchText` (the item's text folded, see
 * src/content/fold.ts) and `webVisibleFrom` (see src/content/visibility.ts), recomputed on every
 * save, so a stale value carried in by the admin's form or a draft never survives.
 */
export const keepPublicFields: CollectionBeforeChangeHook<ContentDoc> = async ({
  collection,
  data,
  originalDoc,
  req,
}) => {
  data.searchText = searchTextOf({ ...(originalDoc ?? {}), ...data })
  data.webVisibleFrom = originalDoc?.id
    ? await webVisibleFromOf(req, collection.slug as ContentKind, String(originalDoc.id))
    : null
  return data
}
