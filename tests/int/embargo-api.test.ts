/**
 * The dedicated page's visibility rule holds over the APIs too: a published story scheduled on the
 * page for later is not returned to an anonymous reader by REST (list, by id, by slug) or GraphQL
 * before its time, and is once the time has come; its own unit still reads it. Driven through
 * Payload's REST and GraphQL route handlers (what /api/… and /api/graphql run), no browser.
 */
import configPromise from '@payload-config'
import { GRAPHQL_POST, REST_GET } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Article } from '@/payload-types'
import { Role } from '@/vocabulary'
import { createUnit, createUser } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

let payload: Payload
let embargoed: Article
let open: Article
const BASE = 'http://localhost:3000'

const rest = async (path: string) => {
  const slug = path
    .split('?')[0]
    .replace(/^\/api\//, '')
    .split('/')
  const res = await REST_GET(configPromise)(new Request(`${BASE}${path}`), {
    params: Promise.resolve({ slug }),
  })
  return { status: res.status, body: (await res.json()) as Record<string, any> }
}

const graphql = async (query: string) => {
  const res = await GRAPHQL_POST(configPromise)(
    new Request(`${BASE}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    }),
  )
  return (await res.json()) as { data?: Record<string, any>; errors?: unknown[] }
}

beforeAll(async () => {
  payload = await testPayload()
  const unit = String((await createUnit(payload)).id)
  const page = await payload.create({
    collection: 'channels',
    data: { name: 'Trang chuyên mục', kind: 'web-page', openToAllUnits: true } as never,
    overrideAccess: true,
  })
  const article = (title: string) =>
    payload.create({
      collection: 'articles',
      data: { title, ownerUnit: unit, _status: 'published' } as never,
      overrideAccess: true,
    }) as Promise<Article>
  embargoed = await article('Tin cấm đăng trước 6 giờ')
  open = await article('Tin đã công khai')
  const manager = await createUser(payload, Role.CampaignManager)
  await payload.create({
    collection: 'publications',
    user: manager,
    overrideAccess: false,
    data: {
      channel: page.id,
      content: { relationTo: 'articles', value: embargoed.id },
      scheduledAt: new Date(Date.now() + 6 * 3600_000).toISOString(),
      // It is already live: holding it back until 06:00 is meant (see schedule-hides-live.test.ts).
      hideLiveUntilScheduled: true,
    } as never,
  })
})

describe('an embargoed story over the APIs', () => {
  it('anonymous REST: not in the list, not by slug, not by id', async () => {
    const list = await rest('/api/articles?limit=50&depth=0')
    expect(list.status).toBe(200)
    const titles = list.body.docs.map((d: Article) => d.title)
    expect(titles).toContain(open.title)
    expect(titles).not.toContain(embargoed.title)
    const bySlug = await rest(`/api/articles?where[slug][equals]=${embargoed.slug}&depth=0`)
    expect(bySlug.body.docs).toEqual([])
    const byId = await rest(`/api/articles/${embargoed.id}?depth=0`)
    expect(byId.status).toBe(404)
  })

  it('anonymous GraphQL: not in the list, not by id', async () => {
    const result = await graphql(
      `{ Articles(limit: 50) { docs { id title } } Article(id: "${embargoed.id}") { title } }`,
    )
    const titles = result.data?.Articles.docs.map((d: { title: string }) => d.title)
    expect(titles).toContain(open.title)
    expect(titles).not.toContain(embargoed.title)
    expect(result.data?.Article ?? null).toBeNull()
  })

  it('once its page time has come, both return it', async () => {
    await payload.update({
      collection: 'articles',
      id: embargoed.id,
      data: { webVisibleFrom: new Date(Date.now() - 60_000).toISOString() } as never,
      overrideAccess: true,
      context: { keepWebVisibleFrom: true },
    })
    const stored = await payload.findByID({
      collection: 'articles',
      id: embargoed.id,
      overrideAccess: true,
    })
    // If a hook recomputed the time from the publication, move the publication instead.
    if (new Date(stored.webVisibleFrom ?? 0).getTime() > Date.now()) {
      const pubs = await payload.find({
        collection: 'publications',
        where: { 'content.value': { equals: embargoed.id } },
        overrideAccess: true,
      })
      await payload.db.updateOne({
        collection: 'publications',
        id: pubs.docs[0].id,
        data: { scheduledAt: new Date(Date.now() - 60_000).toISOString() },
      })
      await payload.db.updateOne({
        collection: 'articles',
        id: embargoed.id,
        data: { webVisibleFrom: new Date(Date.now() - 60_000).toISOString() },
      })
    }
    const byId = await rest(`/api/articles/${embargoed.id}?depth=0`)
    expect(byId.status).toBe(200)
    const result = await graphql(`{ Article(id: "${embargoed.id}") { title } }`)
    expect(result.data?.Article?.title).toBe(embargoed.title)
  })
})
