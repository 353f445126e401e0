import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import { refreshWebVisibility } from '@/content/visibility'
import type { Publication } from '@/payload-types'
import { ChannelKind, type ContentKind } from '@/vocabulary'

type Row = Partial<
  Pick<Publication, 'channelKind' | 'contentKind' | 'contentId' | 'status' | 'scheduledAt'>
>

const webTarget = (p?: Row | null) =>
  p?.channelKind === ChannelKind.WebPage && p.contentKind && p.contentId
    ? { kind: p.contentKind as ContentKind, id: p.contentId }
    : null

/** Refreshes the `webVisibleFrom` of the content of a web-page publication (before and after the change). */
async function refresh(req: Parameters<CollectionAfterChangeHook>[0]['req'], rows: Row[]) {
  const targets = new Map<string, { kind: ContentKind; id: string }>()
  for (const row of rows) {
    const t = webTarget(row)
    if (t) targets.set(`${t.kind}:${t.id}`, t)
  }
  for (const t of targets.values()) await refreshWebVisibility(req, t.kind, t.id)
}

/** A web-page publication created, moved, cancelled or published changes when its content may show. */
export const keepWebVisibility: CollectionAfterChangeHook<Publication> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const before = previousDoc as Row | undefined
  const unchanged =
    operation === 'update' &&
    before?.status === doc.status &&
    before?.scheduledAt === doc.scheduledAt &&
    before?.contentId === doc.contentId &&
    before?.channelKind === doc.channelKind
  if (!unchanged) await refresh(req, [doc, before ?? {}])
  return doc
}

export const keepWebVisibilityOnDelete: CollectionAfterDeleteHook<Publication> = async ({
  doc,
  req,
}) => {
  await refresh(req, [doc])
  return doc
}
