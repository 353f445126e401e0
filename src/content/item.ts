import type { Payload, PayloadRequest } from 'payload'
import { serverUrl } from '@/lib/env'
import { relationId } from '@/lib/relation'
import type { Article, Event, Infographic, Media, Unit, Video } from '@/payload-types'
import { type ContentKind, contentKinds, DocStatus } from '@/vocabulary'

/**
 * A content item as channels, feeds and the approval check see it: plain data with absolute URLs,
 * the same whichever of the four collections it comes from.
 */
export type ContentItem = {
  kind: ContentKind
  id: string
  title: string
  slug: string
  summary: string
  /** The full plain text (article body, description, long description). */
  text: string
  url: string
  imageUrl?: string
  /** The MIME type of the image at `imageUrl` (platforms that refuse some formats check it before sending). */
  imageMimeType?: string
  videoUrl?: string
  /** A video's own file in our media library (not an external link): platforms that take the file itself use it. */
  videoFile?: { url: string; filename: string; size?: number; mimeType?: string }
  durationSeconds?: number
  startsAt?: string
  endsAt?: string
  venue?: string
  unitName?: string
  ownerUnitId?: string
  publishedAt?: string
  updatedAt: string
  status: DocStatus
}

type ContentDoc = Article | Video | Infographic | Event

/** The content a publication's polymorphic `content` link points at, or null when it points at nothing. */

export function contentRef(value: unknown): { kind: ContentKind; id: string } | null {
  const ref = value as { relationTo?: unknown; value?: unknown } | null
  if (!ref || !contentKinds.includes(ref.relationTo)) return null
  const id = relationId(ref.value)
  return id ? { kind: ref.relationTo, id } : null
}

const absolute = (path?: string | null) =>
  !path ? undefined : /^https?:/.test(path) ? path : `${serverUrl()}${path}`

type SizeName = keyof NonNullable<Media['sizes']>

const mediaUrl = (media: string | Media | null | undefined, size: SizeName = 'og') => {
  if (!media || typeof media !== 'object') return undefined
  return absolute(media.sizes?.[size]?.url ?? media.url)
}

/** The MIME type of the file `mediaUrl` gives (the size's own, else the original's). */
const mediaMime = (media: string | Media | null | undefined, size: SizeName = 'og') => {
  if (!media || typeof media !== 'object') return undefined
  return (media.sizes?.[size]?.url ? media.sizes[size]?.mimeType : media.mimeType) ?? undefined
}

/** Plain text of a Lexical document, for channels that take text only. */
export function lexicalText(node: unknown): string {
  // Lexical JSON is a loose tree of nodes; only `text`, `children` and `root` matter here.
  const n = node as {
    text?: unknown
    type?: string
    root?: { children?: unknown[] }
    children?: unknown[]
  } | null
  if (!n) return ''
  if (typeof n.text === 'string') return n.text
  const children = (n.root?.children ?? n.children ?? []) as unknown[]
  const sep = n.root || n.type === 'root' ? '\n\n' : ''
  return children.map(lexicalText).join(sep)
}

/** A short summary and the full plain text of each kind of content. */
function describe(kind: ContentKind, doc: ContentDoc): { summary: string; text: string } {
  const clip = (t: string) => (t.length > 300 ? `${t.slice(0, 297)}…` : t)
  if (kind === 'articles') {
    const article = doc as Article
    const text = lexicalText(article.body).trim()
    return { summary: (article.sapo ?? '').trim() || clip(text), text }
  }
  if (kind === 'videos') {
    const description = ((doc as Video).description ?? '').trim()
    return { summary: clip(description), text: description }
  }
  if (kind === 'infographics') {
    const graphic = doc as Infographic
    return { summary: (graphic.alt ?? '').trim(), text: (graphic.longDescription ?? '').trim() }
  }
  const event = doc as Event
  const text = lexicalText(event.description).trim()
  return { summary: clip(text || event.venue || ''), text }
}

/** A depth-0 read of a document a content item links to (its unit, its image or file), null when it does not exist. */
export type RelatedReader = {
  (collection: 'units', id: string): Promise<Unit | null>
  (collection: 'media', id: string): Promise<Media | null>
}

/** The links a content item is made from: the owner unit and the image or file of each kind. */
const MEDIA_LINKS: Record<ContentKind, string[]> = {
  articles: ['coverImage'],
  videos: ['poster', 'file'],
  infographics: ['file'],
  events: [],
}

/** The document with its unit and media links replaced by the documents `related` reads (left as ids when gone). */
async function withRelated(
  kind: ContentKind,
  doc: ContentDoc,
  related: RelatedReader,
): Promise<ContentDoc> {
  const out = { ...doc } as Record<string, unknown>
  const unitId = typeof doc.ownerUnit === 'string' ? doc.ownerUnit : null
  await Promise.all([
    unitId ? related('units', unitId).then((unit) => unit && (out.ownerUnit = unit)) : null,
    ...MEDIA_LINKS[kind].map(async (field) => {
      const mediaId = typeof out[field] === 'string' ? (out[field] as string) : null
      const media = mediaId ? await related('media', mediaId) : null
      if (media) out[field] = media
    }),
  ])
  return out as unknown as ContentDoc
}

/**
 * Loads a content item the way channels need it (absolute links, image, summary); null when it
 * does not exist. With `related`, the document is read at depth 0 and only the unit and media it
 * needs are read, through `related` (the dispatcher shares them across a tick's items), instead of
 * populating every link at depth 1 (topics, campaigns, tags, the rich text's uploads).
 */
export async function loadContentItem(
  payload: Payload,
  kind: ContentKind,
  id: string,
  req?: PayloadRequest,
  related?: RelatedReader,
): Promise<ContentItem | null> {
  let doc: ContentDoc
  try {
    doc = await payload.findByID({
      collection: kind,
      id,
      depth: related ? 0 : 1,
      overrideAccess: true,
      draft: false,
      req,
    })
  } catch (err) {
    // Only "not found" means the content is gone; anything else (a busy database) must not look like it.
    if ((err as { status?: number }).status === 404) return null
    throw err
  }
  if (!doc) return null
  if (related) doc = await withRelated(kind, doc, related)
  const { summary, text } = describe(kind, doc)
  // The kind-specific fields, read from whichever of the four shapes this document has.
  const video = kind === 'videos' ? (doc as Video) : undefined
  const event = kind === 'events' ? (doc as Event) : undefined
  const image =
    kind === 'articles'
      ? (doc as Article).coverImage
      : video
        ? video.poster
        : kind === 'infographics'
          ? (doc as Infographic).file
          : undefined
  const file = video && typeof video.file === 'object' ? video.file : undefined
  return {
    kind,
    id: String(doc.id),
    title: doc.title,
    slug: doc.slug ?? '',
    summary,
    text,
    url: `${serverUrl()}/${kind}/${doc.slug}`,
    imageUrl: mediaUrl(image ?? (video ? video.file : undefined)),
    imageMimeType: mediaMime(image ?? (video ? video.file : undefined)),
    videoUrl: video ? (video.externalUrl ?? absolute(file?.url)) : undefined,
    videoFile:
      file?.url && file.filename
        ? {
            url: absolute(file.url)!,
            filename: file.filename,
            size: file.filesize ?? undefined,
            mimeType: file.mimeType ?? undefined,
          }
        : undefined,
    durationSeconds: video?.durationSeconds ?? undefined,
    startsAt: event?.startsAt ?? undefined,
    endsAt: event?.endsAt ?? undefined,
    venue: event?.venue ?? undefined,
    unitName: doc.ownerUnit && typeof doc.ownerUnit === 'object' ? doc.ownerUnit.name : undefined,
    ownerUnitId: relationId(doc.ownerUnit) ?? undefined,
    publishedAt: doc.publishedAt ?? undefined,
    updatedAt: doc.updatedAt,
    status: doc._status === DocStatus.Published ? DocStatus.Published : DocStatus.Draft,
  }
}
