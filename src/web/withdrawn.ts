import type { RequestHandler } from 'express'
import type { Payload } from 'payload'
import { publicWhere } from '@/content/visibility'
import { CONTENT_KINDS, contentKinds, type ContentKind } from '@/vocabulary'

const ITEM_PATH = new RegExp(`^/(${CONTENT_KINDS.join('|')})/([^/?#]+)/?$`)

const GONE_PAGE = (title: string) => `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Nội dung đã được gỡ</title></head>
<body><main style="max-width:40rem;margin:3rem auto;padding:0 1rem;font-family:system-ui,sans-serif">
<h1>Nội dung đã được gỡ</h1>
<p>${title ? `“${escapeHtml(title)}” ` : 'Nội dung này '}đã được gỡ khỏi chuyên trang và không còn được cung cấp.</p>
<p><a href="/">Về trang chủ</a></p></main></body></html>`

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export type WithdrawnPages = {
  /** Answers 410 for a withdrawn item's page (before the page cache, so it is never stored). */
  middleware: RequestHandler
  /** Forgets what it knows: called on every site change, with the page cache's clear. */
  clear: () => void
}

/**
 * A withdrawn item's public page answers 410 Gone instead of the 404 of something that never was
 * ("gỡ bài", collections/Withdrawals): the addresses of withdrawn items are read once after each
 * site change (a withdrawal marks one), so a page request costs a lookup in memory, and only a
 * withdrawn address asks the database whether the item is public again (republished: its page is
 * served as usual).
 */
export function withdrawnPages(payload: Payload): WithdrawnPages {
  let known: Promise<Map<string, string>> | null = null
  const load = async () => {
    const found = await payload.find({
      collection: 'withdrawals',
      where: { contentSlug: { exists: true } },
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { contentKind: true, contentSlug: true, contentTitle: true },
    })
    return new Map(
      found.docs.map((d) => [`${d.contentKind}/${d.contentSlug}`, String(d.contentTitle ?? '')]),
    )
  }
  const middleware: RequestHandler = async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next()
    const match = ITEM_PATH.exec(req.path)
    if (!match) return next()
    try {
      const kind = match[1] as ContentKind
      const slug = decodeURIComponent(match[2])
      const withdrawn = await (known ??= load().catch((err) => {
        known = null
        throw err
      }))
      if (!withdrawn.has(`${kind}/${slug}`)) return next()
      const live = await payload.count({
        collection: kind,
        where: { and: [{ slug: { equals: slug } }, publicWhere()] },
        overrideAccess: true,
      })
      if (live.totalDocs) return next()
      res
        .status(410)
        .set('cache-control', 'no-store')
        .type('html')
        .send(GONE_PAGE(withdrawn.get(`${kind}/${slug}`) ?? contentKinds.label(kind)))
    } catch (err) {
      next(err)
    }
  }
  return { middleware, clear: () => void (known = null) }
}
