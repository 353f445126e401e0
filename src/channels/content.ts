import crypto from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'
import { serverUrl } from '@/lib/env'
import { CONTENT_KINDS, type ContentItem, type ContentKind } from './types'
import { relationId } from '@/lib/relation'

type Ref = { relationTo: string; value: unknown }
type Doc = Record<string, any>


export function contentRef(value: unknown): { kind: ContentKind; id: string } | null {
  const ref = value as Ref | null
  if (!ref || !CONTENT_KINDS.includes(ref.relationTo as ContentKind)) return null
  const id = relationId(ref.value)
  return id ? { kind: ref.relationTo as ContentKind, id } : null
}

const absolute = (path?: string | null) => (!path ? undefined : /^https?:/.test(path) ? path : `${serverUrl()}${path}`)

const mediaUrl = (media: unknown, size = 'og') => {
  const m = media as Doc | null
  if (!m || typeof m !== 'object') return undefined
  return absolute(m.sizes?.[size]?.url ?? m.url)
}

/** Plain text of a Lexical document, for channels that take text only. */
export function lexicalText(node: unknown): string {
  const n = node as Doc | null
  if (!n) return ''
  if (typeof n.text === 'string') return n.text
  const children = (n.root?.children ?? n.children ?? []) as unknown[]
  const sep = n.root || n.type === 'root' ? '\n\n' : ''
  return children.map(lexicalText).join(sep)
}

/** A short summary and the full plain text of each kind of content. */
function describe(kind: ContentKind, doc: Doc): { summary: string; text: string } {
  const clip = (t: string) => (t.length > 300 ? `${t.slice(0, 297)}…` : t)
  switch (kind) {
    case 'articles': {
      const text = lexicalText(doc.body).trim()
      return { summary: (doc.sapo ?? '').trim() || clip(text), text }
    }
    case 'videos':
      return { summary: clip((doc.description ?? '').trim()), text: (doc.description ?? '').trim() }
    case 'infographics':
      return { summary: (doc.alt ?? '').trim(), text: (doc.longDescription ?? '').trim() }
    case 'events': {
      const text = lexicalText(doc.description).trim()
      return { summary: clip(text || doc.venue || ''), text }
    }
  }
}

/** Loads a content item the way channels need it (absolute links, image, summary); null when it does not exist. */
export async function loadContentItem(payload: Payload, kind: ContentKind, id: string, req?: PayloadRequest): Promise<ContentItem | null> {
  let doc: Doc
  try {
    doc = (await payload.findByID({ collection: kind, id, depth: 1, overrideAccess: true, draft: false, req })) as Doc
  } catch (err) {
    // Only "not found" means the content is gone; anything else (a busy database) must not look like it.
    if ((err as { status?: number }).status === 404) return null
    throw err
  }
  if (!doc) return null
  const { summary, text } = describe(kind, doc)
  return {
    kind,
    id: String(doc.id),
    title: doc.title,
    slug: doc.slug,
    summary,
    text,
    url: `${serverUrl()}/${kind}/${doc.slug}`,
    imageUrl: mediaUrl(doc.coverImage ?? doc.poster ?? doc.file),
    videoUrl: doc.externalUrl ?? (kind === 'videos' ? absolute(doc.file?.url) : undefined),
    durationSeconds: doc.durationSeconds ?? undefined,
    startsAt: doc.startsAt ?? undefined,
    endsAt: doc.endsAt ?? undefined,
    venue: doc.venue ?? undefined,
    unitName: doc.ownerUnit?.name ?? undefined,
    ownerUnitId: relationId(doc.ownerUnit) ?? undefined,
    publishedAt: doc.publishedAt ?? undefined,
    updatedAt: doc.updatedAt,
    status: doc._status === 'published' ? 'published' : 'draft',
  }
}

/** What an approver saw: changes to any of it after approval send the publication back for approval. */
export function contentFingerprint(item: ContentItem): string {
  const { title, summary, text, imageUrl, videoUrl, startsAt, endsAt, venue, slug } = item
  return crypto
    .createHash('sha256')
    .update(JSON.stringify({ title, summary, text, imageUrl, videoUrl, startsAt, endsAt, venue, slug }))
    .digest('hex')
}
