import type { Payload, Where } from 'payload'
import { contentRef, type ContentItem, loadContentItem } from '@/content/item'
import type { Event, Publication } from '@/payload-types'
import { ChannelKind, ChannelStatus, ContentKind, DocStatus, PublicationStatus } from '@/vocabulary'

export const DEFAULT_LIMIT = 50
export const MAX_LIMIT = 200

/** What a calendar shows of an event beyond ContentItem: how the organisers stand, and the online link. */
type EventDetails = { status?: Event['status']; onlineUrl?: string }

export type FeedChannel = { id: string; name: string; updatedAt: string }
export type FeedCampaign = { id: string; name: string }

/** One item of a feed: the content as channels see it, and when this feed published it. */
export type FeedEntry = {
  item: ContentItem
  publicationId: string
  /** When the publication went out on this feed (the feed's own date for the item). */
  publishedAt: string
  /** For events only: how the organisers stand (planned, confirmed, postponed, cancelled, held) and the online link. */
  event?: EventDetails
}

export type FeedData = { channel: FeedChannel; campaign?: FeedCampaign; entries: FeedEntry[] }

export type FeedQuery = {
  campaign?: string
  limit?: number
  /** Only this kind of content (the calendar takes events only). */
  kind?: ContentKind
}

/** `?limit=`: a whole number from 1 to 200; anything else falls back to the default of 50. */
export function parseLimit(value: unknown): number {
  const raw = Array.isArray(value) ? value[0] : value
  if (raw === undefined || raw === null || raw === '') return DEFAULT_LIMIT
  const n = Number(raw)
  if (!Number.isFinite(n)) return DEFAULT_LIMIT
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(n)))
}

/**
 * The feed channel behind a URL, or null when there is none to serve: unknown id, a channel of
 * another kind, or one that is disabled. Only the fields a feed needs are read (never credentials).
 */
export async function findFeedChannel(payload: Payload, id: string): Promise<FeedChannel | null> {
  let doc
  try {
    doc = await payload.findByID({
      collection: 'channels',
      id,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      select: { name: true, kind: true, status: true, updatedAt: true },
    })
  } catch {
    return null
  }
  if (!doc || doc.kind !== ChannelKind.Feed || doc.status === ChannelStatus.Disabled) return null
  return { id: String(doc.id), name: String(doc.name ?? ''), updatedAt: String(doc.updatedAt) }
}

export async function findCampaign(payload: Payload, id: string): Promise<FeedCampaign | null> {
  try {
    const doc = await payload.findByID({
      collection: 'campaigns',
      id,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      select: { name: true },
    })
    return doc ? { id: String(doc.id), name: String(doc.name ?? '') } : null
  } catch {
    return null
  }
}

/** Runs `run` over `items` with at most `size` in flight, keeping the order of the results. */
async function mapLimited<T, R>(
  items: T[],
  size: number,
  run: (item: T) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) {
        const i = next++
        out[i] = await run(items[i])
      }
    }),
  )
  return out
}

/** Event details a calendar wants that ContentItem does not carry, for a batch of event ids. */
async function eventDetails(payload: Payload, ids: string[]): Promise<Map<string, EventDetails>> {
  const map = new Map<string, EventDetails>()
  if (!ids.length) return map
  const res = await payload.find({
    collection: 'events',
    where: { id: { in: ids } },
    depth: 0,
    limit: ids.length,
    pagination: false,
    overrideAccess: true,
    draft: false,
    select: { status: true, onlineUrl: true },
  })
  for (const doc of res.docs) {
    map.set(String(doc.id), {
      status: doc.status ?? undefined,
      onlineUrl: doc.onlineUrl ?? undefined,
    })
  }
  return map
}

/**
 * The items of a feed channel, newest first: content whose publication on this channel is
 * `published` and that is itself still published (`_status: 'published'`). Content published
 * more than once on the channel appears once, at its latest publication. Reads go through the
 * Local API with overrideAccess: feeds are public by design, and only published items are returned.
 */
export async function loadFeedEntries(
  payload: Payload,
  channel: FeedChannel,
  query: FeedQuery = {},
): Promise<FeedEntry[]> {
  const limit = query.limit ?? DEFAULT_LIMIT
  const and: Where[] = [
    { channel: { equals: channel.id } },
    { status: { equals: PublicationStatus.Published } },
    // A withdrawn publication ("gỡ bài") leaves the feed at once.
    { withdrawnAt: { exists: false } },
  ]
  if (query.campaign) and.push({ campaign: { equals: query.campaign } })
  if (query.kind) and.push({ 'content.relationTo': { equals: query.kind } })

  const entries: FeedEntry[] = []
  const seen = new Set<string>()
  // Pages of publications until the feed is full: a few may be dropped (content unpublished or repeated).
  for (let page = 1; entries.length < limit; page++) {
    const res = await payload.find({
      collection: 'publications',
      where: { and },
      sort: ['-publishedAt', '-createdAt'],
      limit,
      page,
      depth: 0,
      overrideAccess: true,
      select: { content: true, publishedAt: true, updatedAt: true },
    })
    const candidates: {
      ref: { kind: ContentKind; id: string }
      pub: Pick<Publication, 'id' | 'publishedAt' | 'updatedAt'>
    }[] = []
    for (const pub of res.docs) {
      const ref = contentRef(pub.content)
      if (!ref || (query.kind && ref.kind !== query.kind)) continue
      const key = `${ref.kind}:${ref.id}`
      if (seen.has(key)) continue
      seen.add(key)
      candidates.push({ ref, pub })
    }
    const items = await mapLimited(candidates, 8, ({ ref }) =>
      loadContentItem(payload, ref.kind, ref.id),
    )
    candidates.forEach(({ pub }, i) => {
      const item = items[i]
      if (!item || item.status !== DocStatus.Published || entries.length >= limit) return
      entries.push({
        item,
        publicationId: String(pub.id),
        publishedAt: String(pub.publishedAt ?? pub.updatedAt),
      })
    })
    if (!res.hasNextPage) break
  }

  const eventIds = entries.filter((e) => e.item.kind === ContentKind.Events).map((e) => e.item.id)
  if (eventIds.length) {
    const details = await eventDetails(payload, eventIds)
    for (const e of entries)
      if (e.item.kind === ContentKind.Events) e.event = details.get(e.item.id) ?? {}
  }
  return entries
}
