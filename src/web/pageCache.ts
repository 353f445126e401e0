import crypto from 'node:crypto'
import type { OutgoingHttpHeaders, OutgoingHttpHeader } from 'node:http'
import type { Request, RequestHandler, Response } from 'express'
import { LRUCache } from 'lru-cache'
import { chooseEncoding, compressVariants, gzipPieces, type Variants } from './compressed'

/**
 * The page cache in front of Next.js: anonymous GET and HEAD requests for public pages are
 * answered from memory, the same way for everyone, until the content changes (every site-change
 * mark makes all copies stale, src/web/siteChanges.ts: the next request for a page renders it
 * again, and requests arriving during that render get the stale copy rather than wait, so a
 * stream of changes, such as a burst of sends that each move the home page's counters, never
 * leaves visitors queued behind Next). Next renders the public pages on every request (their CSP
 * nonce makes them dynamic), which costs tens of milliseconds; a copy costs microseconds. What is
 * never served from or stored in it:
 * - other methods, and the admin, the API, Next's own files and the Express routers (feeds have
 *   their own Cache-Control and ETag; rundowns are for logged-in staff);
 * - requests that may see something else than an anonymous visitor: a login (Payload's cookie or
 *   an Authorization header), Next's draft mode or preview cookies, a preview parameter;
 * - responses other than 200 and 404, with Set-Cookie, varying on a header the key does not hold,
 *   or larger than `maxEntryBytes`.
 * Memory is bounded by bytes (LRU); entries also expire after `ttlMs`, for what changes with time
 * alone (an upcoming event that has started).
 *
 * The CSP nonce: the public pages carry a fresh nonce per response (src/security/headers.ts),
 * which Next writes into the page. A stored page is kept cut at the nonce it was rendered with,
 * and every hit is joined with the nonce of its own response, so the policy header and the page
 * always agree and no two responses share a nonce (replaying one would let anyone who has seen
 * it use it in an injected script). A 304 carries no policy header, so the browser keeps the
 * page it has together with the policy it came with.
 *
 * Compression: each entry keeps its gzip and brotli forms, made once off the event loop after it
 * is stored (src/web/compressed.ts), and a hit is answered in the form the browser accepts
 * (`Vary: Accept-Encoding`, an ETag per form) without passing through the compression middleware:
 * `hit` is mounted before it and answers from memory before the rest of the chain runs.
 */

export type PageCacheOptions = {
  /** Path prefixes that are never cached. */
  skip: string[]
  /** Cookies whose presence means "not anonymous" (the login, Next's draft mode and preview). */
  privateCookies: string[]
  /** Query parameters that ask for a preview. */
  previewParams: string[]
  /** Memory for stored pages, in bytes; 0 turns the cache off. */
  maxBytes: number
  /** The largest page stored. */
  maxEntryBytes: number
  /** The longest a page is served without a content change. */
  ttlMs: number
  /** Run before a hit is answered by `hit` (the page policy: its nonce and CSP header). */
  beforeHit?: RequestHandler
}

type Entry = {
  status: number
  /** Headers Next set (the ones the middleware before the cache sets come again on every response). */
  headers: [string, OutgoingHttpHeader][]
  /** The body cut at the nonce it was rendered with (one piece when it holds none). */
  pieces: Buffer[]
  etag: string
  size: number
  /** The compressed forms, once made (absent until then: a hit is served uncompressed). */
  variants?: Variants
  /** The content generation its render began in: older than the cache's, it is stale. */
  generation: number
}

export type PageCache = {
  /** Stores pages Next renders (and serves hits that reach it); mounted right before Next. */
  middleware: RequestHandler
  /** Serves hits only, early in the chain (before compression); everything else goes on. */
  hit: RequestHandler
  /**
   * The content changed: every stored page becomes stale. A stale page is served only while a
   * render of it is under way (to the requests that arrive meanwhile); the first request after the
   * change renders.
   */
  clear: () => void
  /** While false (the change marks cannot be read) every request goes to Next. */
  setEnabled: (on: boolean) => void
  stats: () => { entries: number; bytes: number; maxBytes: number; hits: number; misses: number }
  /** Resolves once every render and compression under way has finished (tests, benches). */
  compressed: () => Promise<void>
}

/** The request headers Next's responses vary on (its client router's); they join the key. */
const KEY_HEADERS = [
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-url',
]
/** Varying on these is handled elsewhere (compression) or by the key. */
const KEYED_VARY = new Set([...KEY_HEADERS, 'accept-encoding'])
/** Response headers never replayed: per connection, per response, or set again by the cache. */
const NOT_STORED = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'etag',
  'cache-control',
  'content-security-policy',
  'x-cache',
])
/** What a response served from the cache tells browsers: keep it, but ask (with its ETag) each time. */
const REVALIDATE = 'private, no-cache'

const cookieNames = (header: string | undefined) =>
  (header ?? '')
    .split(';')
    .map((part) => part.split('=')[0].trim())
    .filter(Boolean)

function cutAt(body: Buffer, nonce: string | undefined): Buffer[] {
  if (!nonce) return [body]
  const needle = Buffer.from(nonce)
  const pieces: Buffer[] = []
  let from = 0
  for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, from)) {
    pieces.push(body.subarray(from, at))
    from = at + needle.length
  }
  pieces.push(body.subarray(from))
  return pieces
}

function joinWith(pieces: Buffer[], nonce: string | undefined): Buffer[] {
  if (pieces.length === 1) return pieces
  const glue = Buffer.from(nonce ?? '')
  const parts: Buffer[] = [pieces[0]]
  for (let i = 1; i < pieces.length; i++) parts.push(glue, pieces[i])
  return parts
}

const same = (a: unknown, b: unknown) =>
  a === b || (Array.isArray(a) && Array.isArray(b) && a.join('\n') === b.join('\n'))

type Capture = {
  chunks: Buffer[]
  bytes: number
  ok: boolean
  status?: number
  headers?: Entry['headers']
}

export function createPageCache(options: PageCacheOptions): PageCache {
  const { skip, maxBytes, maxEntryBytes, ttlMs } = options
  const privateCookies = new Set(options.privateCookies)
  const previewParams = options.previewParams
  const lru = new LRUCache<string, Entry>({
    maxSize: Math.max(1, maxBytes),
    maxEntrySize: Math.max(1, Math.min(maxEntryBytes, maxBytes)),
    sizeCalculation: (e) => e.size,
    ttl: ttlMs,
  })
  /** Renders under way per key: other requests for the page wait for it rather than render it again. */
  const rendering = new Map<string, Promise<void>>()
  let generation = 0
  let enabled = maxBytes > 0
  let hits = 0
  let misses = 0

  const skipped = (path: string) =>
    skip.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))

  const anonymousPageRequest = (req: Request) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    if (skipped(req.path)) return false
    if (req.headers.authorization) return false
    if (cookieNames(req.headers.cookie).some((name) => privateCookies.has(name))) return false
    const query = req.originalUrl.indexOf('?')
    if (query !== -1) {
      const params = new URLSearchParams(req.originalUrl.slice(query + 1))
      if (previewParams.some((p) => params.has(p))) return false
    }
    return true
  }

  const keyOf = (req: Request) => {
    let key = req.originalUrl
    for (const name of KEY_HEADERS) {
      const value = req.headers[name]
      if (value !== undefined) key += `\n${name}:${String(value)}`
    }
    return key
  }

  function serve(entry: Entry, req: Request, res: Response) {
    hits++
    res.statusCode = entry.status
    for (const [name, value] of entry.headers) res.setHeader(name, value)
    res.setHeader('X-Cache', entry.generation === generation ? 'HIT' : 'STALE')
    const nonce = res.locals.cspNonce as string | undefined
    const encoding = chooseEncoding(
      req.headers['accept-encoding'],
      entry.variants,
      entry.pieces,
      nonce,
    )
    // Whichever form is sent, what is cached depends on Accept-Encoding.
    const vary = res.getHeader('Vary')
    if (!/(^|,)\s*accept-encoding\s*(,|$)/i.test(String(vary ?? '')))
      res.setHeader('Vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding')
    if (entry.status === 200) {
      res.setHeader('Cache-Control', REVALIDATE)
      // One ETag per form: a browser's copy is revalidated against the form it holds.
      res.setHeader('ETag', encoding ? `${entry.etag.slice(0, -1)}-${encoding}"` : entry.etag)
      // Express's check: GET/HEAD, a matching If-None-Match, and no `Cache-Control: no-cache` asked.
      if (req.fresh) {
        res.removeHeader('Content-Security-Policy')
        res.removeHeader('Content-Type')
        res.statusCode = 304
        res.end()
        return
      }
    } else res.setHeader('Cache-Control', 'no-cache')
    let parts: Buffer[]
    if (encoding === 'br') parts = [entry.variants!.br!]
    else if (encoding === 'gzip') parts = gzipPieces(entry.variants!.gzip!, entry.pieces, nonce)
    else parts = joinWith(entry.pieces, nonce)
    if (encoding) res.setHeader('Content-Encoding', encoding)
    res.setHeader(
      'Content-Length',
      parts.reduce((n, p) => n + p.length, 0),
    )
    if (req.method === 'HEAD') return void res.end()
    // Corked: the pieces leave in one write.
    res.cork()
    for (const part of parts) res.write(part)
    res.end()
  }

  /** Passes the request on to Next and keeps a copy of what it answers, when that can be shared. */
  function renderAndStore(req: Request, res: Response, next: () => void, key: string) {
    const started = generation
    const nonce = res.locals.cspNonce as string | undefined
    const before = res.getHeaders()
    const capture: Capture = { chunks: [], bytes: 0, ok: true }
    let settle!: () => void
    const mine = new Promise<void>((resolve) => (settle = resolve))
    rendering.set(key, mine)
    const done = () => {
      if (rendering.get(key) === mine) rendering.delete(key)
      settle()
    }

    const writeHead = res.writeHead as (status: number, message?: string) => Response
    // Node calls writeHead (directly or through its implicit header) once, before the body.
    res.writeHead = function (this: Response, status: number, ...rest: unknown[]) {
      const headers = rest.find((r) => typeof r === 'object' && r !== null) as
        OutgoingHttpHeaders | OutgoingHttpHeader[] | undefined
      // Headers given to writeHead join the ones already set, as Node itself would merge them.
      if (Array.isArray(headers))
        for (let i = 0; i + 1 < headers.length; i += 2)
          res.setHeader(String(headers[i]), headers[i + 1] as OutgoingHttpHeader)
      else if (headers)
        for (const [name, value] of Object.entries(headers))
          if (value !== undefined) res.setHeader(name, value)
      const message = rest.find((r) => typeof r === 'string') as string | undefined
      const vary = String(res.getHeader('vary') ?? '')
        .toLowerCase()
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
      if (
        (status !== 200 && status !== 404) ||
        res.getHeader('set-cookie') !== undefined ||
        vary.some((v) => !KEYED_VARY.has(v))
      )
        capture.ok = false
      else {
        capture.status = status
        capture.headers = Object.entries(res.getHeaders()).filter(
          ([name, value]) =>
            !NOT_STORED.has(name) && value !== undefined && !same(before[name], value),
        ) as Entry['headers']
      }
      res.setHeader('X-Cache', 'MISS')
      return writeHead.call(this, status, message)
    } as Response['writeHead']

    const keep = (chunk: unknown, encoding?: unknown) => {
      if (!capture.ok || chunk === undefined || chunk === null || typeof chunk === 'function')
        return
      const buf = Buffer.isBuffer(chunk)
        ? chunk
        : typeof chunk === 'string'
          ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
          : Buffer.from(chunk as Uint8Array)
      capture.bytes += buf.length
      if (capture.bytes > maxEntryBytes) {
        capture.ok = false
        capture.chunks = []
      } else capture.chunks.push(Buffer.from(buf))
    }
    const write = res.write
    res.write = function (this: Response, chunk: unknown, ...rest: unknown[]) {
      keep(chunk, rest[0])
      return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest)
    } as Response['write']
    const end = res.end
    res.end = function (this: Response, chunk?: unknown, ...rest: unknown[]) {
      keep(chunk, rest[0])
      return (end as (...a: unknown[]) => Response).call(this, chunk, ...rest)
    } as Response['end']

    res.once('finish', () => {
      // A render that began before the content changed may hold the old content: it is stored as
      // stale (still newer than what it replaces), never over a copy rendered later.
      const kept = lru.peek(key)
      if (
        capture.ok &&
        capture.status !== undefined &&
        enabled &&
        (!kept || kept.generation <= started)
      ) {
        const body = Buffer.concat(capture.chunks)
        const pieces = cutAt(body, nonce)
        const hash = crypto.createHash('sha1')
        for (const piece of pieces) hash.update(piece)
        const headerBytes = capture.headers!.reduce(
          (n, [k, v]) => n + k.length + String(v).length,
          0,
        )
        const entry: Entry = {
          status: capture.status,
          headers: capture.headers!,
          pieces,
          etag: `W/"${hash.digest('base64url')}"`,
          size: body.length + headerBytes + key.length + 200,
          generation: started,
        }
        lru.set(key, entry)
        compress(key, entry, nonce?.length ?? 0)
      }
      done()
    })
    res.once('close', done)
    misses++
    next()
  }

  /** Compressions under way, so that tests and benches can wait for them. */
  const compressing = new Set<Promise<void>>()
  /**
   * Makes the entry's compressed forms in zlib's thread pool, then keeps them with it, counted in
   * its size, unless the entry was dropped or replaced meanwhile.
   */
  function compress(key: string, entry: Entry, nonceLength: number) {
    const work = compressVariants(entry.pieces, nonceLength)
      .then((variants) => {
        if (lru.peek(key) !== entry) return
        entry.variants = variants
        entry.size += variants.bytes
        // Set again for the new size; its time to live runs from when it was stored.
        lru.set(key, entry, { noUpdateTTL: true })
      })
      .catch(() => {
        // Served uncompressed: compression failing is no reason to lose the page.
      })
      .finally(() => compressing.delete(work))
    compressing.add(work)
  }

  /**
   * A stored copy for this request, when it may be served one: a current copy, or a stale one
   * while the page is being rendered again (whoever comes first after a change renders it, and
   * under a stream of changes nobody else waits for Next).
   */
  const servable = (key: string) => {
    const entry = lru.get(key)
    if (!entry) return undefined
    return entry.generation === generation || rendering.has(key) ? entry : undefined
  }
  const lookup = (req: Request) =>
    enabled && anonymousPageRequest(req) ? servable(keyOf(req)) : undefined

  const hit: RequestHandler = (req, res, next) => {
    const entry = lookup(req)
    if (!entry) return next()
    if (!options.beforeHit) return serve(entry, req, res)
    options.beforeHit(req, res, (err?: unknown) => (err ? next(err) : serve(entry, req, res)))
  }

  const middleware: RequestHandler = (req, res, next) => {
    if (!enabled || !anonymousPageRequest(req)) {
      res.setHeader('X-Cache', 'BYPASS')
      return next()
    }
    const key = keyOf(req)
    const entry = servable(key)
    if (entry) return serve(entry, req, res)
    const pending = rendering.get(key)
    if (pending) {
      // The same page is being rendered: wait for it, then serve the copy (or render, if none was kept).
      void pending.then(() => {
        const kept = enabled ? lru.get(key) : undefined
        if (kept) return serve(kept, req, res)
        misses++
        res.setHeader('X-Cache', 'MISS')
        next()
      })
      return
    }
    if (req.method === 'HEAD') {
      misses++
      res.setHeader('X-Cache', 'MISS')
      return next()
    }
    renderAndStore(req, res, next, key)
  }

  return {
    middleware,
    hit,
    clear: () => {
      generation++
    },
    setEnabled: (on) => {
      if (!on) {
        generation++
        lru.clear()
      }
      enabled = on && maxBytes > 0
    },
    stats: () => ({ entries: lru.size, bytes: lru.calculatedSize, maxBytes, hits, misses }),
    compressed: async () => {
      // A render's copy is stored at its response's 'finish', which a client on this machine may
      // see after it has read the whole response: the renders under way are waited for too.
      while (rendering.size || compressing.size)
        await Promise.all([...rendering.values(), ...compressing])
    },
  }
}

const setting = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? fallback)
  return Number.isFinite(v) && v >= 0 ? v : fallback
}

/** The cache's limits from the environment (see .env.example); read when the server starts. */
export const pageCacheSettings = () => ({
  maxBytes: Math.floor(setting('PAGE_CACHE_MB', 64) * 1024 * 1024),
  maxEntryBytes: Math.floor(setting('PAGE_CACHE_MAX_PAGE_KB', 2048) * 1024),
  ttlMs: Math.floor(setting('PAGE_CACHE_TTL_SECONDS', 300) * 1000),
  pollMs: Math.max(100, Math.floor(setting('PAGE_CACHE_POLL_MS', 1000))),
})
