import config from '@payload-config'
import { draftMode, headers } from 'next/headers'
import { getPayload } from 'payload'
import { cache } from 'react'
import type { Reader } from '@/content/public'
import { serverUrl } from '@/lib/env'
import type { Media } from '@/payload-types'
import { type ContentKind, contentKinds } from '@/vocabulary'

export { SITE_DESCRIPTION, SITE_NAME } from '@/web/site'

export const getPayloadClient = () => getPayload({ config })

/** The URL the channels already send for an item (src/content/item.ts): `/<kind>/<slug>`. */
export const itemPath = (kind: ContentKind, slug?: string | null) => `/${kind}/${slug ?? ''}`
export const absoluteUrl = (path: string) => `${serverUrl()}${path}`
export const kindLabel = (kind: ContentKind) => contentKinds.label(kind)

/** The nonce Express put in this response's policy (src/security/headers.ts), for the page's own scripts (JSON-LD). */
export async function cspNonce(): Promise<string | undefined> {
  const policy = (await headers()).get('content-security-policy') ?? ''
  return policy.match(/'nonce-([^']+)'/)?.[1]
}

/**
 * Who is reading: anonymous, unless draft mode is on (the preview route turned it on for a
 * signed-in editor) and the admin's login cookie still names a user. Once per request.
 */
export const currentReader = cache(async (): Promise<Reader> => {
  const { isEnabled } = await draftMode()
  if (!isEnabled) return {}
  const payload = await getPayloadClient()
  const { user } = await payload.auth({ headers: await headers() })
  return user ? { user, draft: true } : {}
})

type SizeName = keyof NonNullable<Media['sizes']>

/** A media document, when it was populated (depth ≥ 1) rather than left as an id. */
export const mediaDoc = (value: unknown): Media | null =>
  value && typeof value === 'object' && 'url' in value ? (value as Media) : null

export const mediaUrl = (media: Media | null, size?: SizeName) =>
  (size && media?.sizes?.[size]?.url) || media?.url || undefined

/** `srcset` from the sharp-made sizes (thumbnail 320, card 768, og 1200, large 1920) and the original. */
export function srcSetOf(media: Media): string | undefined {
  const entries = new Map<number, string>()
  for (const size of Object.values(media.sizes ?? {})) {
    if (size?.url && size.width) entries.set(size.width, size.url)
  }
  if (media.url && media.width) entries.set(media.width, media.url)
  if (!entries.size) return undefined
  return [...entries]
    .sort((a, b) => a[0] - b[0])
    .map(([w, url]) => `${url} ${w}w`)
    .join(', ')
}

/** The Open Graph / Twitter image: the 1200×630 size sharp makes (collections/Media). */
export function ogImage(media: Media | null) {
  const og = media?.sizes?.og
  if (og?.url) return [{ url: absoluteUrl(og.url), width: 1200, height: 630, alt: media?.alt }]
  if (media?.url && media.mimeType?.startsWith('image/'))
    return [{ url: absoluteUrl(media.url), alt: media.alt }]
  return undefined
}

/** A page number from `?trang=`, 1 when missing or bad. */
export const pageParam = (v: unknown) => {
  const n = Number(Array.isArray(v) ? v[0] : v)
  return Number.isInteger(n) && n > 0 ? n : 1
}
export const strParam = (v: unknown) => {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' && s.trim() ? s.trim().slice(0, 200) : undefined
}
export type SearchParams = Promise<Record<string, string | string[] | undefined>>
