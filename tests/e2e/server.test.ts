import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '@/server'
import { PASSWORD, createUnit, createUser } from '../helpers/fixtures'
import { restLogin, stopTestServer, testServer } from '../helpers/server'

let server: RunningServer
let base: string
const ids: Record<string, string> = {}

const lexical = (text: string) => ({
  root: {
    type: 'root',
    format: '',
    indent: 0,
    version: 1,
    direction: 'ltr',
    children: [
      {
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        children: [
          { type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
        ],
      },
    ],
  },
})

beforeAll(async () => {
  server = await testServer()
  base = server.url
  const { payload } = server
  const unit = await createUnit(payload, 'Báo Tây Ninh')
  ids.unit = String(unit.id)
  const editor = await createUser(payload, 'editor', unit.id)
  ids.editorEmail = editor.email as string
  const published = await payload.create({
    collection: 'articles',
    data: {
      title: 'Tin đã xuất bản',
      body: lexical('Nội dung công khai'),
      ownerUnit: unit.id,
      _status: 'published',
    } as never,
    overrideAccess: true,
  })
  ids.published = String(published.id)
  // A published article with a newer, unpublished draft: the draft title must never leak.
  await payload.update({
    collection: 'articles',
    id: published.id,
    draft: true,
    data: { title: 'BẢN NHÁP BÍ MẬT sửa sau xuất bản' } as never,
    overrideAccess: true,
  })
  const draft = await payload.create({
    collection: 'articles',
    draft: true,
    data: { title: 'BẢN NHÁP BÍ MẬT chưa xuất bản', ownerUnit: unit.id, _status: 'draft' } as never,
    overrideAccess: true,
  })
  ids.draft = String(draft.id)
})

afterAll(async () => {
  await stopTestServer()
})

const get = (path: string, init?: RequestInit) => fetch(`${base}${path}`, init)

describe('Express server on an ephemeral port', () => {
  it('answers /healthz with {"status":"ok"}', async () => {
    const res = await get('/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
  })

  it('answers /readyz with 200 once migrations are applied', async () => {
    const res = await get('/readyz')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'ready' })
  })

  it('sends security headers and compresses responses', async () => {
    const res = await get('/admin/login', { headers: { 'accept-encoding': 'gzip' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('x-powered-by')).toBeNull()
    expect(res.headers.get('content-encoding')).toBe('gzip')
  })

  it('serves the admin in Vietnamese by default, English when the user chose it', async () => {
    const vi = await (
      await get('/admin/login', { headers: { 'accept-language': 'en-US,en' } })
    ).text()
    expect(vi).toContain('lang="vi"')
    const en = await (await get('/admin/login', { headers: { cookie: 'payload-lng=en' } })).text()
    expect(en).toContain('lang="en"')
  })

  it.each(['articles', 'videos', 'infographics', 'events'])(
    'serves anonymous REST reads of /api/%s',
    async (slug) => {
      const res = await get(`/api/${slug}`)
      expect(res.status).toBe(200)
      const body = (await res.json()) as { docs: unknown[] }
      expect(Array.isArray(body.docs)).toBe(true)
    },
  )
})

describe('drafts never leak to anonymous readers', () => {
  const titles = async (path: string) => {
    const res = await get(path)
    const body = (await res.json()) as { docs?: { title: string }[] }
    return { status: res.status, titles: (body.docs ?? []).map((d) => d.title) }
  }

  it('lists only published articles', async () => {
    const { titles: t } = await titles('/api/articles')
    expect(t).toEqual(['Tin đã xuất bản'])
  })

  it('ignores ?draft=true', async () => {
    const { titles: t } = await titles('/api/articles?draft=true')
    expect(t.join(' ')).not.toContain('BÍ MẬT')
    const one = await get(`/api/articles/${ids.published}?draft=true`)
    expect(((await one.json()) as { title: string }).title).toBe('Tin đã xuất bản')
  })

  it('returns nothing for where[_status][equals]=draft', async () => {
    const { titles: t } = await titles('/api/articles?where[_status][equals]=draft')
    expect(t).toEqual([])
    const { titles: t2 } = await titles('/api/articles?where[_status][equals]=draft&draft=true')
    expect(t2).toEqual([])
  })

  it('hides a draft document by id', async () => {
    expect((await get(`/api/articles/${ids.draft}`)).status).toBe(404)
    expect((await get(`/api/articles/${ids.draft}?draft=true`)).status).toBe(404)
  })

  it('refuses version history', async () => {
    const res = await get('/api/articles/versions')
    expect(res.status).toBe(403)
  })

  it('keeps drafts out of GraphQL too', async () => {
    const query = async (q: string) => {
      const res = await get('/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: q }),
      })
      expect(res.status).toBe(200)
      return JSON.stringify(await res.json())
    }
    const plain = await query('{ Articles { docs { title _status } } }')
    expect(plain).toContain('Tin đã xuất bản')
    expect(plain).not.toContain('BÍ MẬT')
    const drafts = await query(
      '{ Articles(draft: true, where: { _status: { equals: draft } }) { docs { title } } }',
    )
    expect(drafts).not.toContain('BÍ MẬT')
    const versions = await query('{ versionsArticles { docs { version { title } } } }')
    expect(versions).not.toContain('BÍ MẬT')
  })
})

describe('login and create through REST', () => {
  let token: string

  it('logs in an editor', async () => {
    token = await restLogin(base, ids.editorEmail, PASSWORD)
    expect(token.split('.')).toHaveLength(3)
  })

  it('creates and publishes an article for the editor’s unit', async () => {
    const res = await get('/api/articles', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ title: 'Đắk Lắk chuyển đổi số', _status: 'published' }),
    })
    expect(res.status).toBe(201)
    const { doc } = (await res.json()) as {
      doc: { slug: string; ownerUnit: { id: string } | string }
    }
    expect(doc.slug).toBe('dak-lak-chuyen-doi-so')
    const anon = (await (
      await get('/api/articles?where[slug][equals]=dak-lak-chuyen-doi-so')
    ).json()) as { totalDocs: number }
    expect(anon.totalDocs).toBe(1)
  })

  it('rejects an event that ends before it starts, in Vietnamese, and saves nothing', async () => {
    const before = await server.payload.count({ collection: 'events', overrideAccess: true })
    const res = await get('/api/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({
        title: 'Hội nghị sai ngày',
        startsAt: '2026-12-10T08:00:00+07:00',
        endsAt: '2026-12-09T17:00:00+07:00',
        _status: 'published',
      }),
    })
    expect(res.status).toBe(400)
    expect(JSON.stringify(await res.json())).toContain('không được trước thời gian bắt đầu')
    expect(
      (await server.payload.count({ collection: 'events', overrideAccess: true })).totalDocs,
    ).toBe(before.totalDocs)
  })

  it('refuses an anonymous create', async () => {
    const res = await get('/api/articles', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Không được phép' }),
    })
    expect(res.status).toBe(403)
  })
})

describe('readiness when the database is gone', () => {
  it('answers /readyz with 503 and a reason, while /healthz stays 200', async () => {
    // Closing the adapter's connection is what a lost database looks like from inside the process.
    const db = server.payload.db as unknown as { client: { close: () => void } }
    db.client.close()
    const res = await get('/readyz')
    expect(res.status).toBe(503)
    const body = (await res.json()) as { status: string; reason: string }
    expect(body.status).toBe('unavailable')
    expect(body.reason).toMatch(/Cơ sở dữ liệu không phản hồi/)
    expect((await get('/healthz')).status).toBe(200)
  })
})
