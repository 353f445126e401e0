/**
 * The page cache on the real server (Express + Next + Payload on loopback, a fresh SQLite file):
 * the second anonymous request is served from memory with the nonce of its own response; logged-in,
 * draft-mode and preview requests never touch it; a change through the REST API, and a publish by
 * a separate worker process, are on the page within 5 s; the memory bound holds.
 */
import zlib from 'node:zlib'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '@/server'
import { PASSWORD, createUnit, createUser } from '../helpers/fixtures'
import { restLogin, stopTestServer, testServer } from '../helpers/server'
import { spawnWorker, stopWorker, waitFor } from '../helpers/workers'

// A small cache, so the memory test below can overflow it with a few dozen pages.
Object.assign(process.env, { PAGE_CACHE_MB: '0.5', PAGE_CACHE_POLL_MS: '1000' })

let server: RunningServer
let base: string
let unitId: string
let editorEmail: string

beforeAll(async () => {
  server = await testServer()
  base = server.url
  const unit = await createUnit(server.payload, 'Báo Tây Ninh')
  unitId = String(unit.id)
  editorEmail = (await createUser(server.payload, 'editor', unit.id)).email as string
  await server.payload.create({
    collection: 'articles',
    overrideAccess: true,
    data: { title: 'Tin đã đăng sẵn', ownerUnit: unitId, _status: 'published' } as never,
  })
  await settle()
})

afterAll(async () => {
  await stopTestServer()
})

/**
 * Waits for the server's next read of the change marks: a change this file just made may clear the
 * cache a second time when that read sees its mark, which would turn an expected HIT into a MISS.
 */
const settle = () => new Promise((r) => setTimeout(r, 2500))

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { headers })

/** Makes sure the page is held in the cache now, so a change must replace a stale copy. */
async function cachedCopy(path: string) {
  await settle()
  // On a loaded machine the marks' read may still come later and make the copy stale (the next
  // request then renders it again, and one arriving meanwhile gets STALE): asked until a HIT.
  await expect
    .poll(async () => (await get(path)).headers.get('x-cache'), { timeout: 10_000, interval: 200 })
    .toBe('HIT')
}
const nonceOf = (res: Response) =>
  (res.headers.get('content-security-policy') ?? '').match(/'nonce-([^']+)'/)?.[1]

/** Loads `path` until `check` holds for the page; returns the time it took. */
async function untilPage(path: string, check: (html: string) => boolean, timeoutMs = 10_000) {
  const started = Date.now()
  let html = ''
  while (Date.now() - started < timeoutMs) {
    html = await (await get(path)).text()
    if (check(html)) return Date.now() - started
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`${path}: not seen within ${timeoutMs} ms`)
}

describe('anonymous pages from memory', () => {
  it('the second request is a hit: same page, the nonce of its own response, ETag and 304', async () => {
    const first = await get('/?lan=1')
    expect(first.status).toBe(200)
    expect(first.headers.get('x-cache')).toBe('MISS')
    const firstNonce = nonceOf(first)!
    const firstHtml = await first.text()

    // Uncompressed: the ETag below is the uncompressed form's (each form has its own).
    const second = await get('/?lan=1', { 'accept-encoding': 'identity' })
    expect(second.headers.get('x-cache')).toBe('HIT')
    const nonce = nonceOf(second)!
    expect(nonce).toBeTruthy()
    expect(nonce).not.toBe(firstNonce)
    const html = await second.text()
    // Every script Next rendered carries this response's nonce, and the old one is gone…
    const scripts = html.match(/<script\b[^>]*>/g) ?? []
    expect(scripts.length).toBeGreaterThan(0)
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
    expect(html).not.toContain(firstNonce)
    // …and apart from the nonce it is the page Next rendered.
    expect(html.replaceAll(nonce, 'N')).toBe(firstHtml.replaceAll(firstNonce, 'N'))
    const plain = await get('/?lan=1', { 'accept-encoding': 'identity' })
    expect(plain.headers.get('x-cache')).toBe('HIT')
    expect(Number(plain.headers.get('content-length'))).toBe(
      Buffer.byteLength((await plain.text()).replaceAll(nonceOf(plain)!, nonce)),
    )
    expect(second.headers.get('cache-control')).toBe('private, no-cache')

    // Revalidation: 304 with no body and no policy header (the browser keeps the page with its own policy).
    const etag = second.headers.get('etag')!
    expect(etag).toMatch(/^W\/"/)
    // (undici's request, not fetch: fetch adds `Cache-Control: no-cache` to a conditional request,
    // which asks for the full page, as a browser's hard reload does.)
    const revalidated = await request(`${base}/?lan=1`, { headers: { 'if-none-match': etag } })
    expect(revalidated.statusCode).toBe(304)
    expect(revalidated.headers['content-security-policy']).toBeUndefined()
    expect(await revalidated.body.text()).toBe('')
    const reload = await request(`${base}/?lan=1`, {
      headers: { 'if-none-match': etag, 'cache-control': 'no-cache' },
    })
    expect(reload.statusCode).toBe(200)
    await reload.body.text()
    expect((await get('/?lan=1', { 'if-none-match': 'W/"khac"' })).status).toBe(200)

    const head = await fetch(`${base}/?lan=1`, {
      method: 'HEAD',
      headers: { 'accept-encoding': 'identity' },
    })
    expect(head.headers.get('x-cache')).toBe('HIT')
    expect(Number(head.headers.get('content-length'))).toBe(Buffer.byteLength(html))
  })

  it('a browser gets the kept page compressed, once, and it decodes to the page', async () => {
    await get('/?lan=gz')
    await server.pageCache.compressed()
    const plain = await request(`${base}/?lan=gz`)
    const html = await plain.body.text()
    const gz = await request(`${base}/?lan=gz`, {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    })
    expect(gz.headers['x-cache']).toBe('HIT')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(String(gz.headers.vary)).toMatch(/accept-encoding/i)
    const body = Buffer.from(await gz.body.arrayBuffer())
    expect(body.length).toBe(Number(gz.headers['content-length']))
    const decoded = zlib.gunzipSync(body).toString()
    const nonce = String(gz.headers['content-security-policy']).match(/'nonce-([^']+)'/)![1]
    const plainNonce = String(plain.headers['content-security-policy']).match(/'nonce-([^']+)'/)![1]
    expect(decoded.replaceAll(nonce, 'N')).toBe(html.replaceAll(plainNonce, 'N'))
  })

  it('a 404 page is kept too; the admin, the API and Next’s files never are', async () => {
    const missing = await get('/khong-co-trang-nay')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('x-cache')).toBe('MISS')
    const again = await get('/khong-co-trang-nay')
    expect(again.status).toBe(404)
    expect(again.headers.get('x-cache')).toBe('HIT')
    for (const path of ['/admin/login', '/api/articles?limit=1']) {
      await get(path)
      expect((await get(path)).headers.get('x-cache')).toBe('BYPASS')
    }
  })

  it('a logged-in user never gets the cached copy, and what they get is not kept', async () => {
    await get('/?lan=2')
    expect((await get('/?lan=2')).headers.get('x-cache')).toBe('HIT')
    const token = await restLogin(base, editorEmail, PASSWORD)
    for (const headers of [
      { authorization: `JWT ${token}` } as Record<string, string>,
      { cookie: `payload-token=${token}` },
      { cookie: `theme=sang; payload-token=${token}` },
    ]) {
      const res = await get('/?lan=2', headers)
      expect(res.status).toBe(200)
      expect(res.headers.get('x-cache')).toBe('BYPASS')
      expect(res.headers.get('etag')).toBeNull()
    }
    // A page first asked for by a logged-in user is rendered again for the next anonymous visitor.
    await get('/?lan=3', { cookie: `payload-token=${token}` })
    expect((await get('/?lan=3')).headers.get('x-cache')).toBe('MISS')
  })

  it('draft mode and preview requests bypass the cache', async () => {
    await get('/?lan=4')
    expect((await get('/?lan=4')).headers.get('x-cache')).toBe('HIT')
    for (const headers of [
      { cookie: '__prerender_bypass=abc' },
      { cookie: '__next_preview_data=abc' },
    ])
      expect((await get('/?lan=4', headers)).headers.get('x-cache')).toBe('BYPASS')
    for (const query of ['draft=true', 'preview=1', 'previewSecret=abc'])
      expect((await get(`/?lan=4&${query}`)).headers.get('x-cache')).toBe('BYPASS')
  })
})

describe('freshness', () => {
  it('a change through the REST API is on the page within 5 s (created, renamed, deleted)', async () => {
    await cachedCopy('/')
    const token = await restLogin(base, editorEmail, PASSWORD)
    const rest = (method: string, path: string, body?: unknown) =>
      fetch(`${base}/api/articles${path}`, {
        method,
        headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    const created = await rest('POST', '', {
      title: 'Ra mắt nền tảng học trực tuyến mở',
      _status: 'published',
    })
    expect(created.status).toBe(201)
    const id = ((await created.json()) as { doc: { id: string } }).doc.id
    expect(
      await untilPage('/', (h) => h.includes('Ra mắt nền tảng học trực tuyến mở')),
    ).toBeLessThan(5000)

    await cachedCopy('/')
    expect(
      (await rest('PATCH', `/${id}`, { title: 'Nền tảng học trực tuyến mở: 10.000 lượt học' }))
        .status,
    ).toBe(200)
    expect(
      await untilPage('/', (h) => h.includes('Nền tảng học trực tuyến mở: 10.000 lượt học')),
    ).toBeLessThan(5000)

    await cachedCopy('/')
    expect((await rest('DELETE', `/${id}`)).status).toBe(200)
    expect(await untilPage('/', (h) => !h.includes('Nền tảng học trực tuyến mở'))).toBeLessThan(
      5000,
    )
  })

  it('a publish by a separate worker process is on the page within 5 s', async () => {
    const { payload } = server
    const title = 'Ngày Chuyển đổi số tỉnh: chương trình chính thức'
    const channel = await payload.create({
      collection: 'channels',
      overrideAccess: true,
      data: { name: 'Chuyên trang CĐS', kind: 'web-page', ownerUnit: unitId } as never,
    })
    // A draft: not on the page until the dedicated page's publication goes out.
    const article = await payload.create({
      collection: 'articles',
      overrideAccess: true,
      draft: true,
      data: { title, ownerUnit: unitId, _status: 'draft' } as never,
    })
    const marksBefore = await payload.count({
      collection: 'site-changes',
      where: { source: { equals: 'publications' } },
      overrideAccess: true,
    })
    const worker = spawnWorker()
    try {
      await waitFor(
        async () =>
          (await payload.count({ collection: 'worker-heartbeats', overrideAccess: true }))
            .totalDocs > 0,
        60_000,
        'the worker to start',
      )
      const pub = await payload.create({
        collection: 'publications',
        overrideAccess: true,
        data: {
          content: { relationTo: 'articles', value: article.id },
          channel: channel.id,
          scheduledAt: new Date(Date.now() + 3000).toISOString(),
          status: 'scheduled',
        } as never,
      })
      // Until the worker sends it, the page (cached again after the schedule's own change) lacks it.
      let publishedAt = 0
      let visibleAt = 0
      let staleHits = 0
      const until = Date.now() + 30_000
      while (!visibleAt && Date.now() < until) {
        if (!publishedAt) {
          const now = await payload.findByID({
            collection: 'publications',
            id: pub.id,
            depth: 0,
            overrideAccess: true,
          })
          if (now.status === 'published') publishedAt = Date.now()
        }
        const res = await get('/')
        const html = await res.text()
        if (html.includes(title)) visibleAt = Date.now()
        else if (res.headers.get('x-cache') === 'HIT') staleHits++
        await new Promise((r) => setTimeout(r, 100))
      }
      expect(publishedAt, worker.output()).toBeGreaterThan(0)
      expect(visibleAt, worker.output()).toBeGreaterThan(0)
      // The cache did hold the page without it, and let go of it within 5 s of the publish.
      expect(staleHits).toBeGreaterThan(0)
      expect(visibleAt - publishedAt).toBeLessThan(5000)
      console.info(
        `[page-cache] publish by the worker on the page after ${visibleAt - publishedAt} ms`,
      )
      // The firing's outcome, written in plain SQL by the worker, left its own mark.
      const marksAfter = await payload.count({
        collection: 'site-changes',
        where: { source: { equals: 'publications' } },
        overrideAccess: true,
      })
      expect(marksAfter.totalDocs).toBeGreaterThan(marksBefore.totalDocs)
    } finally {
      await stopWorker(worker)
    }
  })
})

describe('memory', () => {
  it('stays within its bound: the oldest pages go first', async () => {
    await settle()
    const { maxBytes } = server.pageCache.stats()
    for (let i = 0; i < 80; i++) await get(`/?trang=${i}`)
    const stats = server.pageCache.stats()
    expect(stats.bytes).toBeLessThanOrEqual(maxBytes)
    expect(stats.entries).toBeGreaterThan(1)
    expect(stats.entries).toBeLessThan(80)
    expect((await get('/?trang=79')).headers.get('x-cache')).toBe('HIT')
    expect((await get('/?trang=0')).headers.get('x-cache')).toBe('MISS')
  })
})
