/**
 * The page cache's rules on an Express app over real HTTP on loopback, with handlers that answer
 * the ways Next can (headers set one by one or through writeHead, a body in chunks with the CSP
 * nonce in it, cookies, errors, redirects): what is stored, what never is, the nonce of each
 * response, one render for many concurrent requests, a clear during a render, stale copies served while a
 * page renders again after a change, the memory bound.
 */
import { execFile } from 'node:child_process'
import crypto from 'node:crypto'
import type { AddressInfo } from 'node:net'
import http from 'node:http'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import compression from 'compression'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPageCache, type PageCache } from '@/web/pageCache'

let server: http.Server
let base: string
let cache: PageCache
const renders: Record<string, number> = {}
const rendered = (name: string) => (renders[name] = (renders[name] ?? 0) + 1)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

beforeAll(async () => {
  // As the public pages' policy does: a fresh nonce per response, in the header and for the page.
  const policy: express.RequestHandler = (_req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString('base64')
    res.setHeader('Content-Security-Policy', `script-src 'nonce-${res.locals.cspNonce}'`)
    res.setHeader('X-Frame-Options', 'SAMEORIGIN')
    next()
  }
  cache = createPageCache({
    skip: ['/admin', '/api'],
    privateCookies: ['payload-token'],
    previewParams: ['preview'],
    maxBytes: 64 * 1024,
    maxEntryBytes: 8 * 1024,
    ttlMs: 60_000,
    beforeHit: policy,
  })
  const app = express()
  // As the server mounts them: hits first, then compression and the policy for what goes on.
  app.use(cache.hit)
  app.use(compression())
  app.use(policy)
  app.use(cache.middleware)
  app.get('/plain', (req, res) => {
    rendered(req.originalUrl)
    res.type('html').send(`<p>${'Chuyển đổi số. '.repeat(Number(req.query.size ?? 100))}</p>`)
  })
  app.get('/page', async (req, res) => {
    rendered(req.originalUrl)
    const nonce = res.locals.cspNonce as string
    res.setHeader('Content-Type', 'text/html; charset=utf-8')
    res.setHeader('Vary', 'rsc, next-router-state-tree, Accept-Encoding')
    res.setHeader('X-Rendered', 'yes')
    res.flushHeaders()
    res.write(`<html><head><script nonce="${nonce}">1</script></head>`)
    await sleep(5)
    res.write(Buffer.from(`<body>Chuyển đổi số <script nonce="${nonce}">2</script>`))
    res.end(
      `<p>${String(req.query.n ?? '')}${'x'.repeat(Number(req.query.size ?? 0))}</p></body></html>`,
    )
  })
  app.get('/write-head', (req, res) => {
    rendered('/write-head')
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'x-own': 'hai' })
    res.end('đầu trang')
  })
  app.get('/cookie', (_req, res) => {
    rendered('/cookie')
    res.cookie('phien', 'abc').send('có cookie')
  })
  app.get('/error', (_req, res) => {
    rendered('/error')
    res.status(500).send('lỗi')
  })
  app.get('/redirect', (_req, res) => {
    rendered('/redirect')
    res.redirect('/page')
  })
  app.get('/vary-cookie', (_req, res) => {
    rendered('/vary-cookie')
    res.setHeader('Vary', 'Cookie')
    res.send('theo cookie')
  })
  app.get('/slow', async (_req, res) => {
    rendered('/slow')
    await sleep(300)
    res.send(`chậm ${renders['/slow']}`)
  })
  app.get('/api/x', (_req, res) => {
    rendered('/api/x')
    res.send('api')
  })
  await new Promise<void>((resolve) => {
    server = app.listen(0, '127.0.0.1', () => resolve())
  })
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((r) => server.close(r))
})

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, {
    headers: { 'accept-encoding': 'identity', ...headers },
    redirect: 'manual',
  })
const nonceOf = (res: Response) =>
  (res.headers.get('content-security-policy') ?? '').match(/'nonce-([^']+)'/)?.[1]

describe('page cache rules', () => {
  it('stores a streamed 200 with its own headers, and joins each hit with its own nonce', async () => {
    const first = await get('/page?n=1')
    expect(first.headers.get('x-cache')).toBe('MISS')
    const body1 = await first.text()
    const second = await get('/page?n=1')
    expect(second.headers.get('x-cache')).toBe('HIT')
    expect(renders['/page?n=1']).toBe(1)
    const body2 = await second.text()
    const [n1, n2] = [nonceOf(first)!, nonceOf(second)!]
    expect(n1).not.toBe(n2)
    expect(body2).toBe(body1.replaceAll(n1, n2))
    expect(body2.match(new RegExp(`nonce="${n2.replace(/[+/]/g, '\\$&')}"`, 'g'))).toHaveLength(2)
    expect(second.headers.get('x-rendered')).toBe('yes')
    expect(second.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(second.headers.get('content-length')).toBe(String(Buffer.byteLength(body2)))
    // The headers the middleware before it set come once, from this response.
    expect(second.headers.get('x-frame-options')).toBe('SAMEORIGIN')
  })

  it('headers given to writeHead are kept too', async () => {
    await get('/write-head')
    const hit = await get('/write-head')
    expect(hit.headers.get('x-cache')).toBe('HIT')
    expect(hit.headers.get('x-own')).toBe('hai')
    expect(await hit.text()).toBe('đầu trang')
    expect(renders['/write-head']).toBe(1)
  })

  it('never stores Set-Cookie responses, errors, redirects, or a Vary it does not key on', async () => {
    for (const path of ['/cookie', '/error', '/redirect', '/vary-cookie']) {
      await get(path)
      const again = await get(path)
      expect(again.headers.get('x-cache'), path).toBe('MISS')
      expect(renders[path], path).toBe(2)
    }
    expect((await fetch(`${base}/cookie`)).headers.get('set-cookie')).toMatch(/^phien=abc/)
  })

  it('keys on the router headers Next varies on', async () => {
    await get('/page?n=rsc')
    const flight = await get('/page?n=rsc', { rsc: '1' })
    expect(flight.headers.get('x-cache')).toBe('MISS')
    expect((await get('/page?n=rsc', { rsc: '1' })).headers.get('x-cache')).toBe('HIT')
    expect((await get('/page?n=rsc')).headers.get('x-cache')).toBe('HIT')
    expect(renders['/page?n=rsc']).toBe(2)
  })

  it('bypasses other methods, skipped paths, logins and previews', async () => {
    await get('/page?n=b')
    expect((await get('/page?n=b')).headers.get('x-cache')).toBe('HIT')
    const bypass = [
      fetch(`${base}/page?n=b`, { method: 'POST' }),
      get('/page?n=b', { cookie: 'a=1; payload-token=xyz' }),
      get('/page?n=b', { authorization: 'Bearer xyz' }),
      get('/page?n=b&preview=1'),
      get('/api/x'),
      get('/api/x'),
    ]
    for (const res of await Promise.all(bypass)) expect(res.headers.get('x-cache')).toBe('BYPASS')
    // An unrelated cookie is still an anonymous visitor.
    expect((await get('/page?n=b', { cookie: 'a=1' })).headers.get('x-cache')).toBe('HIT')
  })

  it('renders once for many concurrent requests', async () => {
    const all = await Promise.all(Array.from({ length: 10 }, () => get('/slow')))
    const bodies = await Promise.all(all.map((r) => r.text()))
    expect(renders['/slow']).toBe(1)
    expect(new Set(bodies)).toEqual(new Set(['chậm 1']))
    expect(all.filter((r) => r.headers.get('x-cache') === 'HIT')).toHaveLength(9)
  })

  it('a render under way when the content changes is kept only as stale: the next request renders', async () => {
    cache.clear()
    const before = renders['/slow']
    const pending = get('/slow')
    await sleep(100)
    cache.clear()
    await (await pending).text()
    const next = await get('/slow')
    expect(next.headers.get('x-cache')).toBe('MISS')
    expect(renders['/slow']).toBe(before + 2)
    expect((await get('/slow')).headers.get('x-cache')).toBe('HIT')
  })

  it('after a change, requests arriving while the page renders again get the stale copy at once', async () => {
    await get('/slow')
    const old = await (await get('/slow')).text()
    const before = renders['/slow']
    cache.clear()
    const startedAt = Date.now()
    const rendering = get('/slow')
    await sleep(50)
    const meanwhile = await Promise.all([get('/slow'), get('/slow')])
    const waitedMs = Date.now() - startedAt
    expect(meanwhile.map((r) => r.headers.get('x-cache'))).toEqual(['STALE', 'STALE'])
    expect(await Promise.all(meanwhile.map((r) => r.text()))).toEqual([old, old])
    // They did not wait for the 300 ms render.
    expect(waitedMs).toBeLessThan(250)
    const fresh = await rendering
    expect(fresh.headers.get('x-cache')).toBe('MISS')
    const body = await fresh.text()
    expect(body).not.toBe(old)
    expect(renders['/slow']).toBe(before + 1)
    const after = await get('/slow')
    expect(after.headers.get('x-cache')).toBe('HIT')
    expect(await after.text()).toBe(body)
  })

  it('pages over the size limit are not stored; memory stays within its bound', async () => {
    await get('/page?n=big&size=9000')
    expect((await get('/page?n=big&size=9000')).headers.get('x-cache')).toBe('MISS')
    for (let i = 0; i < 40; i++) await get(`/page?n=m${i}&size=4000`)
    const stats = cache.stats()
    expect(stats.bytes).toBeLessThanOrEqual(64 * 1024)
    expect(stats.entries).toBeLessThan(40)
    expect((await get('/page?n=m39&size=4000')).headers.get('x-cache')).toBe('HIT')
    expect((await get('/page?n=m0&size=4000')).headers.get('x-cache')).toBe('MISS')
  })

  it('turned off (the change marks cannot be read), it serves nothing from memory', async () => {
    await get('/page?n=off')
    expect((await get('/page?n=off')).headers.get('x-cache')).toBe('HIT')
    cache.setEnabled(false)
    expect((await get('/page?n=off')).headers.get('x-cache')).toBe('BYPASS')
    cache.setEnabled(true)
    expect((await get('/page?n=off')).headers.get('x-cache')).toBe('MISS')
  })
})

/** The response as it travels: its bytes not decoded (fetch would decode them). */
const raw = (path: string, headers: Record<string, string>) =>
  new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      http
        .get(`${base}${path}`, { headers }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
          )
        })
        .on('error', reject)
    },
  )
const BROWSER = { 'accept-encoding': 'gzip, deflate, br' }
/** The page with its nonce put back to one value, so that responses can be compared. */
const neutral = (html: string, nonce: string) => html.replaceAll(nonce, 'NONCE')
const headerNonce = (h: http.IncomingHttpHeaders) =>
  String(h['content-security-policy'] ?? '').match(/'nonce-([^']+)'/)![1]

describe('compressed forms of a stored page', () => {
  it('a page with nonces: gzip joined with the response’s own nonce decodes to the page', async () => {
    const path = '/page?n=gz&size=3000'
    await get(path)
    await cache.compressed()
    const plain = await raw(path, { 'accept-encoding': 'identity' })
    expect(plain.headers['x-cache']).toBe('HIT')
    expect(plain.headers['content-encoding']).toBeUndefined()
    const gz = await raw(path, BROWSER)
    expect(gz.headers['x-cache']).toBe('HIT')
    // Brotli has no seams to join a nonce at: a page with nonces goes as gzip.
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gz.headers.vary).toMatch(/accept-encoding/i)
    expect(Number(gz.headers['content-length'])).toBe(gz.body.length)
    expect(gz.body.length).toBeLessThan(plain.body.length / 3)
    const nonce = headerNonce(gz.headers)
    expect(nonce).not.toBe(headerNonce(plain.headers))
    // Decoded by zlib once: the compression middleware did not compress it a second time.
    const decoded = zlib.gunzipSync(gz.body).toString()
    expect(decoded).toContain(`nonce="${nonce}"`)
    expect(neutral(decoded, nonce)).toBe(neutral(plain.body.toString(), headerNonce(plain.headers)))
    expect(renders[path]).toBe(1)
  })

  it('a page without nonces: brotli, or gzip when that is what is accepted, both the same page', async () => {
    const path = '/plain?size=200'
    await get(path)
    await cache.compressed()
    const plain = (await raw(path, {})).body.toString()
    const br = await raw(path, BROWSER)
    expect(br.headers['content-encoding']).toBe('br')
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(plain)
    for (const accept of ['gzip', 'br;q=0, gzip', 'gzip;q=1, br;q=0.5']) {
      const gz = await raw(path, { 'accept-encoding': accept })
      expect(gz.headers['content-encoding'], accept).toBe('gzip')
      expect(zlib.gunzipSync(gz.body).toString(), accept).toBe(plain)
    }
    expect((await raw(path, { 'accept-encoding': 'deflate' })).headers['content-encoding']).toBe(
      undefined,
    )
    expect(renders[path]).toBe(1)
  })

  it('curl --compressed gets the same page as an uncompressed request', async () => {
    const curl = promisify(execFile)
    for (const path of ['/page?n=gz&size=3000', '/plain?size=200']) {
      const { stdout } = await curl('curl', ['-s', '--compressed', '-D', '-', `${base}${path}`])
      const [head, body] = stdout.split('\r\n\r\n')
      const nonce = head.match(/'nonce-([^']+)'/)![1]
      expect(head).toMatch(/content-encoding: (gzip|br)/i)
      const plain = await raw(path, {})
      expect(neutral(body, nonce)).toBe(neutral(plain.body.toString(), headerNonce(plain.headers)))
    }
  })

  it('one ETag per form, each revalidated on its own (304)', async () => {
    const path = '/plain?size=150'
    await get(path)
    await cache.compressed()
    const tags = {
      identity: (await raw(path, {})).headers.etag!,
      gzip: (await raw(path, { 'accept-encoding': 'gzip' })).headers.etag!,
      br: (await raw(path, BROWSER)).headers.etag!,
    }
    expect(new Set(Object.values(tags)).size).toBe(3)
    const again = await raw(path, { ...BROWSER, 'if-none-match': tags.br })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    expect(again.headers.vary).toMatch(/accept-encoding/i)
    // The gzip copy's tag does not stand for the brotli form the browser would now get.
    expect((await raw(path, { ...BROWSER, 'if-none-match': tags.gzip })).status).toBe(200)
    expect(
      (await raw(path, { 'accept-encoding': 'gzip', 'if-none-match': tags.gzip })).status,
    ).toBe(304)
  })

  it('a content change makes every form stale: the next request renders, stale forms serve only meanwhile', async () => {
    const path = '/plain?size=120'
    await get(path)
    await cache.compressed()
    expect((await raw(path, BROWSER)).headers['content-encoding']).toBe('br')
    cache.clear()
    // Kept, but not served as current: no render under way, so this request renders.
    const next = await raw(path, BROWSER)
    expect(next.headers['x-cache']).toBe('MISS')
    expect(renders[path]).toBe(2)
    await cache.compressed()
    const again = await raw(path, BROWSER)
    expect(again.headers['x-cache']).toBe('HIT')
    expect(again.headers['content-encoding']).toBe('br')
  })
})
