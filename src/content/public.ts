import type { Payload, TypedUser, Where } from 'payload'
import type { Article, Event, Infographic, Video } from '@/payload-types'
import { vnMonthRange } from '@/lib/time'
import { CONTENT_KINDS, type ContentKind } from '@/vocabulary'
import { foldedWords } from './fold'
import { publicWhere } from './visibility'

/**
 * The public page's reads, shared by its pages, the sitemap and the tests. Always through the
 * Local API with `overrideAccess: false`, so the collections' own read rules apply on top of the
 * visibility rule (src/content/visibility.ts).
 */

export type PublicDoc = Article | Video | Infographic | Event
export type KindDoc<K extends ContentKind> = K extends 'articles'
  ? Article
  : K extends 'videos'
    ? Video
    : K extends 'infographics'
      ? Infographic
      : Event

export type Filters = {
  topic?: string
  unit?: string
  year?: number
  /** The kind within a collection (a video's `kind`: reportage, clip…), for one collection's list. */
  subKind?: string
}

/** Who reads: anonymous by default; a signed-in editor in draft mode (preview) reads drafts as their access allows. */
export type Reader = { user?: TypedUser | null; draft?: boolean }

export const PAGE_SIZE = 12
/** Deeper pages are refused: merging four collections costs page × size rows of each. */
export const MAX_PAGE = 50

/** The filters as `where` conditions (every condition is on the item's own row or its relations). */
export function filterWhere(f: Filters): Where[] {
  const and: Where[] = []
  if (f.topic) and.push({ topics: { in: [f.topic] } })
  if (f.unit) and.push({ ownerUnit: { equals: f.unit } })
  if (f.subKind) and.push({ kind: { equals: f.subKind } })
  if (f.year) {
    const { from, to } = vnMonthRange(f.year)
    and.push({ publishedAt: { greater_than_equal: from.toISOString() } })
    and.push({ publishedAt: { less_than: to.toISOString() } })
  }
  return and
}

/** The folded search words as conditions on `searchText` (every word, anywhere, any order). */
export function searchWhere(q: string): Where[] {
  return foldedWords(q).map((word) => ({ searchText: { contains: word } }))
}

const readArgs = (reader: Reader) =>
  reader.draft && reader.user
    ? { draft: true, user: reader.user, overrideAccess: false as const }
    : { draft: false, overrideAccess: false as const }

/** One page of one collection's public items, newest first. */
export async function listPublic<K extends ContentKind>(
  payload: Payload,
  kind: K,
  opts: { filters?: Filters; and?: Where[]; page?: number; limit?: number; sort?: string } = {},
) {
  const result = await payload.find({
    collection: kind,
    where: { and: [publicWhere(), ...filterWhere(opts.filters ?? {}), ...(opts.and ?? [])] },
    sort: opts.sort ?? '-publishedAt',
    page: Math.min(Math.max(1, opts.page ?? 1), MAX_PAGE),
    limit: opts.limit ?? PAGE_SIZE,
    depth: 1,
    ...readArgs({}),
  })
  return { ...result, docs: result.docs as unknown as KindDoc<K>[] }
}

/**
 * One item by its slug: public when anonymous; in draft mode, the latest version (draft or not)
 * the signed-in reader may read. Null when there is none, so the page answers 404.
 */
export async function findBySlug<K extends ContentKind>(
  payload: Payload,
  kind: K,
  slug: string,
  reader: Reader = {},
): Promise<KindDoc<K> | null> {
  const preview = !!(reader.draft && reader.user)
  const found = await payload.find({
    collection: kind,
    where: preview
      ? { slug: { equals: slug } }
      : { and: [publicWhere(), { slug: { equals: slug } }] },
    limit: 1,
    pagination: false,
    depth: 2,
    ...readArgs(reader),
  })
  return (found.docs[0] as unknown as KindDoc<K> | undefined) ?? null
}

export type Hit = { kind: ContentKind; doc: PublicDoc }

/**
 * One page of the public items of several kinds (all four by default) matching `and` and the
 * filters, newest first. Each collection is counted and read up to the requested page, then the
 * rows are merged by publication time; pages are capped (MAX_PAGE), so one request reads at most
 * MAX_PAGE × limit rows a kind.
 */
export async function mergedPublic(
  payload: Payload,
  opts: { and?: Where[]; kinds?: ContentKind[]; filters?: Filters; page?: number; limit?: number },
): Promise<{ hits: Hit[]; totalDocs: number; totalPages: number; page: number }> {
  const limit = opts.limit ?? PAGE_SIZE
  const page = Math.min(Math.max(1, opts.page ?? 1), MAX_PAGE)
  const kinds = opts.kinds?.length ? opts.kinds : [...CONTENT_KINDS]
  const where: Where = {
    and: [publicWhere(), ...(opts.and ?? []), ...filterWhere(opts.filters ?? {})],
  }
  const per = await Promise.all(
    kinds.map((kind) =>
      payload.find({
        collection: kind,
        where,
        sort: '-publishedAt',
        limit: page * limit,
        depth: 1,
        ...readArgs({}),
      }),
    ),
  )
  const totalDocs = per.reduce((n, r) => n + r.totalDocs, 0)
  const merged = per
    .flatMap((r, i) => r.docs.map((doc) => ({ kind: kinds[i], doc: doc as PublicDoc })))
    .sort((a, b) => (b.doc.publishedAt ?? '').localeCompare(a.doc.publishedAt ?? ''))
  return {
    hits: merged.slice((page - 1) * limit, page * limit),
    totalDocs,
    totalPages: Math.ceil(totalDocs / limit),
    page,
  }
}

/** Search over the items' folded text (see src/content/fold.ts), with the list filters; nothing for an empty query. */
export async function searchPublic(
  payload: Payload,
  opts: { q: string; kinds?: ContentKind[]; filters?: Filters; page?: number; limit?: number },
): Promise<{ hits: Hit[]; totalDocs: number; totalPages: number; page: number; words: string[] }> {
  const words = foldedWords(opts.q)
  if (!words.length) return { hits: [], totalDocs: 0, totalPages: 0, page: 1, words }
  const result = await mergedPublic(payload, { ...opts, and: searchWhere(opts.q) })
  return { ...result, words }
}
