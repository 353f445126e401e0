import type { Payload, PayloadRequest, Where } from 'payload'
import {
  ChannelKind,
  CONTENT_KINDS,
  type ContentKind,
  DocStatus,
  PublicationStatus,
  type PublicationStatus as Status,
} from '@/vocabulary'

/**
 * What the public may see, defined once for every page, the sitemap, search and the feeds' links.
 *
 * Content is public iff its `_status` is published AND it is not held back by the dedicated page's
 * schedule: every content item carries `webVisibleFrom`, the earliest `scheduledAt` of its
 * `web-page` publications that are not cancelled or failed (empty when it has none). The item is
 * public once that time has come. So an item published directly while a web-page publication is
 * due tomorrow stays hidden until tomorrow, and the dispatcher publishing a draft at its time makes
 * it visible at that time.
 *
 * Why a denormalised date rather than a join: every list, count and search on the public side is
 * then one indexed condition on the content's own row, identical on SQLite and MongoDB (a Payload
 * `where` cannot ask "no publication such that…"), and the time comparison needs no write when the
 * time comes. The date is kept by two hooks: the content's own beforeChange (any save, the
 * dispatcher's publish included) and the publications' afterChange/afterDelete (a web-page
 * publication created, moved, cancelled or deleted); migration `*_public_page` fills existing rows.
 */
export function publicWhere(now: Date = new Date()): Where {
  return {
    and: [
      { _status: { equals: DocStatus.Published } },
      {
        or: [
          { webVisibleFrom: { exists: false } },
          { webVisibleFrom: { less_than_equal: now.toISOString() } },
        ],
      },
    ],
  }
}

/** `publicWhere` and the given conditions. */
export const visibleWhere = (...and: (Where | undefined | null | false)[]): Where => ({
  and: [publicWhere(), ...and.filter((w): w is Where => !!w)],
})

/** A web-page publication in one of these holds its content back until its time; cancelled and failed ones do not. */
export const HOLDING_STATUSES: readonly Status[] = [
  PublicationStatus.Draft,
  PublicationStatus.AwaitingApproval,
  PublicationStatus.Scheduled,
  PublicationStatus.Sending,
  PublicationStatus.Retrying,
  PublicationStatus.Published,
]

/**
 * The `webVisibleFrom` a content item should carry: its earliest holding web-page publication's
 * time, or null. `excluding`: leave one publication out (the one being saved, to ask what its new
 * time would change).
 */
export async function webVisibleFromOf(
  req: PayloadRequest,
  kind: ContentKind,
  id: string,
  excluding?: string | null,
): Promise<string | null> {
  const found = await req.payload.find({
    collection: 'publications',
    where: {
      and: [
        { contentId: { equals: id } },
        { contentKind: { equals: kind } },
        { channelKind: { equals: ChannelKind.WebPage } },
        { status: { in: HOLDING_STATUSES } },
        ...(excluding ? [{ id: { not_equals: excluding } }] : []),
      ],
    },
    sort: 'scheduledAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: { scheduledAt: true },
    req,
  })
  return found.docs[0]?.scheduledAt ?? null
}

/**
 * Whether a holding web-page publication (`publicationId`, or a new one) at `at` would hide an
 * item the public sees now: the item is public now, and its earliest holding web-page time, this
 * one included, would then lie ahead. An earlier web-page publication already out keeps it visible.
 */
export async function wouldHideLiveContent(
  req: PayloadRequest,
  kind: ContentKind,
  id: string,
  at: Date,
  publicationId?: string | null,
  now: Date = new Date(),
): Promise<boolean> {
  if (at.getTime() <= now.getTime()) return false
  const live = await req.payload.count({
    collection: kind,
    where: { and: [{ id: { equals: id } }, publicWhere(now)] },
    overrideAccess: true,
    req,
  })
  if (!live.totalDocs) return false
  const others = await webVisibleFromOf(req, kind, id, publicationId)
  const from = others ? Math.min(new Date(others).getTime(), at.getTime()) : at.getTime()
  return from > now.getTime()
}

/**
 * Recomputes and stores one item's `webVisibleFrom`. Written through the adapter on the live row
 * only: it is the schedule's fact, not an edit, so it makes no version and re-runs no content hook
 * (the approval check, the audit trail); the next save of the item recomputes it anyway.
 */
export async function refreshWebVisibility(req: PayloadRequest, kind: ContentKind, id: string) {
  const webVisibleFrom = await webVisibleFromOf(req, kind, id)
  await req.payload.db.updateMany({
    collection: kind,
    where: { id: { equals: id } },
    data: { webVisibleFrom },
    req,
  })
}

/**
 * The next instant at which published content becomes visible by time alone (no write happens
 * then): a page cache may keep a page until that instant at the latest. Null when none is due.
 */
export async function nextVisibilityChange(
  payload: Payload,
  now = new Date(),
): Promise<Date | null> {
  const firsts = await Promise.all(
    CONTENT_KINDS.map((kind) =>
      payload.find({
        collection: kind,
        where: {
          and: [
            { _status: { equals: DocStatus.Published } },
            { webVisibleFrom: { greater_than: now.toISOString() } },
          ],
        },
        sort: 'webVisibleFrom',
        limit: 1,
        depth: 0,
        pagination: false,
        overrideAccess: true,
        select: { webVisibleFrom: true },
      }),
    ),
  )
  const times = firsts
    .map((f) => f.docs[0]?.webVisibleFrom)
    .filter((t): t is string => !!t)
    .map((t) => new Date(t).getTime())
  return times.length ? new Date(Math.min(...times)) : null
}
