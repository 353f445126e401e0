import type { RequestHandler, Response } from 'express'
import { escapeHtml } from '@/lib/html'
import { CONTENT_KINDS, contentKinds } from '@/vocabulary'
import { NOT_FOUND_TEXT as T, SITE_NAME } from './site'

/**
 * The public page's 404 as a whole HTML page, for browsers without JavaScript.
 *
 * Next 16 answers a `notFound()` under our two root layouts ((frontend) and (payload), no app-wide
 * layout) with an empty error shell, `<html id="__next_error__">`, whose not-found content only
 * the client renders from the RSC payload. This middleware sits right before Next: when Next
 * starts an HTML 404 for a public path, its body is dropped and this page is sent instead, with
 * the same words as `not-found.tsx`. Client-side navigations (RSC requests) are left alone.
 */
export function plainNotFound({ skip }: { skip: string[] }): RequestHandler {
  return (req, res, next) => {
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      req.headers.rsc !== undefined ||
      skip.some((prefix) => req.path.startsWith(prefix))
    ) {
      return next()
    }
    const write = res.write.bind(res) as (...args: unknown[]) => boolean
    const end = res.end.bind(res) as (...args: unknown[]) => Response
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response
    let replacing: boolean | undefined
    // Decided once, when Next first writes: its status and content type are set by then.
    const decide = () =>
      (replacing ??=
        !res.headersSent &&
        res.statusCode === 404 &&
        /^text\/html/.test(String(res.getHeader('content-type') ?? '')))

    res.writeHead = ((status: number, ...rest: unknown[]) => {
      res.statusCode = status
      const headers = rest.find((r) => r && typeof r === 'object' && !Array.isArray(r))
      if (headers) for (const [k, v] of Object.entries(headers)) res.setHeader(k, v as string)
      return decide() ? res : writeHead(status)
    }) as Response['writeHead']
    res.write = ((...args: unknown[]) => (decide() ? true : write(...args))) as Response['write']
    res.end = ((...args: unknown[]) => {
      if (!decide()) return end(...args)
      const html = notFoundHtml(res.locals.cspNonce as string | undefined)
      for (const h of ['content-length', 'content-encoding', 'transfer-encoding', 'etag'])
        res.removeHeader(h)
      res.setHeader('Content-Type', 'text/html; charset=utf-8')
      res.setHeader('Content-Length', Buffer.byteLength(html))
      // Node writes the head through res.writeHead: give it the real one back.
      res.writeHead = writeHead as Response['writeHead']
      return req.method === 'HEAD' ? end() : end(html)
    }) as Response['end']
    next()
  }
}

/** The page itself: small, styled inline (the CSP allows a style with the response's nonce). */
export function notFoundHtml(nonce?: string): string {
  const nonceAttr = nonce ? ` nonce="${escapeHtml(nonce)}"` : ''
  const lists = CONTENT_KINDS.map(
    (kind) => `<li><a href="/${kind}">${escapeHtml(contentKinds.label(kind))}</a></li>`,
  ).join('')
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><link rel="icon" href="/favicon.ico">
<title>${escapeHtml(T.title)} – ${escapeHtml(SITE_NAME)}</title>
<style${nonceAttr}>
body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif;color:#1a1a1a;background:#fff}
header{background:#0b4f8a;padding:.75rem 1rem}header a{color:#fff;font-weight:700;text-decoration:none}
main{max-width:40rem;margin:2rem auto;padding:0 1rem}h1{font-size:1.6rem;margin:0 0 .5rem}
a{color:#0b4f8a}form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:1rem 0}
input{flex:1 1 12rem;padding:.5rem;font:inherit;border:1px solid #767676;border-radius:4px}
button{padding:.5rem 1rem;font:inherit;background:#0b4f8a;color:#fff;border:0;border-radius:4px}
ul{padding-left:1.2rem}
</style></head>
<body><header><a href="/">${escapeHtml(SITE_NAME)}</a></header>
<main><h1>${escapeHtml(T.title)}</h1><p>${escapeHtml(T.lead)}</p>
<form role="search" action="/tim-kiem" method="get"><label for="tim-404">${escapeHtml(T.searchLabel)}</label>
<input id="tim-404" type="search" name="q"><button type="submit">${escapeHtml(T.searchButton)}</button></form>
<ul>${lists}</ul>
<p><a href="/">${escapeHtml(T.home)}</a></p></main></body></html>`
}
