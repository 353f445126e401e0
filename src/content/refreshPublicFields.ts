import { createLocalReq, type Payload } from 'payload'
import { CONTENT_KINDS } from '@/vocabulary'
import { searchTextOf } from './searchText'
import { webVisibleFromOf } from './visibility'

/**
 * Recomputes every content item's `searchText` and `webVisibleFrom` from its live version and its
 * publications, through the adapter (no versions, no hooks). For MongoDB databases that held
 * content before these fields existed (SQLite's migration `*_public_page` fills them itself), and
 * as a repair. Returns how many items of each kind were written.
 */
export async function refreshPublicFields(payload: Payload): Promise<Record<string, number>> {
  const req = await createLocalReq({}, payload)
  const written: Record<string, number> = {}
  for (const kind of CONTENT_KINDS) {
    written[kind] = 0
    for (let page = 1; ; page++) {
      const found = await payload.find({
        collection: kind,
        page,
        limit: 500,
        sort: 'createdAt',
        depth: 0,
        draft: false,
        overrideAccess: true,
      })
      for (const doc of found.docs) {
        const id = String(doc.id)
        await payload.db.updateMany({
          collection: kind,
          where: { id: { equals: id } },
          data: {
            searchText: searchTextOf(doc as unknown as Record<string, unknown>),
            webVisibleFrom: await webVisibleFromOf(req, kind, id),
          },
          req,
        })
        written[kind]++
      }
      if (!found.hasNextPage) break
    }
  }
  return written
}
