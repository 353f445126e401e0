import type { PayloadRequest, Where } from 'payload'
import type { ContentKind, PublicationStatus } from '@/vocabulary'

/** The publications of one content item that are in one of `statuses` (and match `and`, if given). */
export async function publicationsOf(
  req: PayloadRequest,
  kind: ContentKind,
  id: string | number,
  statuses: readonly PublicationStatus[],
  and: Where[] = [],
) {
  const found = await req.payload.find({
    collection: 'publications',
    where: {
      and: [
        { 'content.value': { equals: id } },
        { 'content.relationTo': { equals: kind } },
        { status: { in: statuses } },
        ...and,
      ],
    },
    pagination: false,
    limit: 0,
    depth: 0,
    overrideAccess: true,
    select: { approval: true },
    req,
  })
  return found.docs
}
