import type { Payload } from 'payload'
import { loadContentItem, type ContentItem, type RelatedReader } from '@/content/item'
import type { Channel } from '@/payload-types'
import type { ContentKind } from '@/vocabulary'

/**
 * What a tick's firings read besides their publications: the channels (decrypted) and the content
 * items, each read once per tick rather than once per firing. After the first second of a burst a
 * tick's claims fire in many small groups (one per claim round), and each group read the channel
 * and every content item again: most of a worker's reads, for documents that had not changed.
 * Reads are lazy, so a claim made ahead of its time still reads the channel and content when it
 * fires, and the cache ends with the tick's last firing: an edit is seen by the next tick's sends.
 */
export type TickReads = {
  channel: (id: string) => Promise<Channel | null>
  content: (kind: ContentKind, id: string) => Promise<ContentItem | null>
}

/** Each key loaded once; a failed load is forgotten, so a busy database costs one group, not the tick. */
function memo<A extends string[], R>(load: (...args: A) => Promise<R>) {
  const seen = new Map<string, Promise<R>>()
  return (...args: A): Promise<R> => {
    const key = args.join('|')
    let found = seen.get(key)
    if (!found) {
      found = load(...args)
      seen.set(key, found)
      found.catch(() => seen.delete(key))
    }
    return found
  }
}

/** Only "not found" means a document is gone; a busy database must not look like it. */
const orNullIfGone = (err: unknown) => {
  if ((err as { status?: number }).status === 404) return null
  throw err
}

export function createTickReads(payload: Payload): TickReads {
  // Content is read at depth 0 and its unit and image through this, so items of one unit share one read.
  const related = memo((collection: 'units' | 'media', id: string) =>
    payload.findByID({ collection, id, depth: 0, overrideAccess: true }).catch(orNullIfGone),
  ) as RelatedReader
  return {
    channel: memo((id: string) =>
      payload
        .findByID({ collection: 'channels', id, depth: 0, overrideAccess: true })
        .catch(orNullIfGone),
    ),
    content: memo((kind: ContentKind, id: string) =>
      loadContentItem(payload, kind, id, undefined, related),
    ),
  }
}
