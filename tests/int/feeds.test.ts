import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import ical, { type VEvent } from 'node-ical'
import type { Payload } from 'payload'
import Parser from 'rss-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '@/dispatch/dispatcher'
import { feedsRouter } from '@/feeds/router'
import { parseLimit } from '@/feeds/data'
import { createUnit, createUser } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

process.env.PUBLIC_SERVER_URL = 'https://chuyendoiso.tinh.gov.vn'
process.env.DISPATCH_BACKOFF_BASE_MS = '50'
process.env.DISPATCH_BACKOFF_CAP_MS = '200'

let payload: Payload
let server: http.Server
let base: string
const ids: Record<string, any> = {}

const T = {
  hero: 'Người dân Đắk Lắk hưởng ứng "Ngày Chuyển đổi số quốc gia" năm 2026',
  otherCampaign: 'Tập huấn kỹ năng số cho tổ công nghệ số cộng đồng ở buôn Ma Thuột',
  draft: 'Bản nháp: hướng dẫn cài đặt VNeID mức độ 2 (chưa xuất bản)',
  cancelled: 'Tin bị hủy lịch đăng: triển lãm sản phẩm OCOP trên sàn thương mại điện tử',
  unpublished: 'Tin đã gỡ: kết quả chỉ số DTI cấp xã năm 2025',
  future: 'Tin lên lịch tuần sau: chợ 4.0 không dùng tiền mặt',
  otherFeed: 'Tin chỉ đăng trên nguồn tin khác',
  event: 'Hội nghị triển khai Kế hoạch chuyển đổi số tỉnh năm 2026',
  eventDraft: 'Hội thảo nháp: an toàn thông tin cho cán bộ xã',
  eventOther: 'Cuộc thi "Tìm hiểu về chuyển đổi số" dành cho học sinh',
  later: 'Ứng dụng công dân số: hướng dẫn đăng ký khám bệnh trực tuyến',
}

const richText = (text: string) => ({
  root: {
    type: 'root',
    version: 1,
    direction: 'ltr',
    format: '',
    indent: 0,
    children: [
      {
        type: 'paragraph',
        version: 1,
        direction: 'ltr',
        format: '',
        indent: 0,
        children: [
          { type: 'text', version: 1, text, format: 0, mode: 'normal', style: '', detail: 0 },
        ],
      },
    ],
  },
})

async function article(title: string, extra: Record<string, unknown> = {}) {
  const doc = await payload.create({
    collection: 'articles',
    data: {
      title,
      ownerUnit: ids.unit,
      _status: 'published',
      sapo: `Tóm tắt: ${title}`,
      body: richText(`Nội dung đầy đủ của bài "${title}".`),
      ...extra,
    } as never,
    overrideAccess: true,
  })
  return String(doc.id)
}

async function event(
  title: string,
  startsAt: string,
  endsAt: string,
  extra: Record<string, unknown> = {},
) {
  const doc = await payload.create({
    collection: 'events',
    data: {
      title,
      kind: 'conference',
      startsAt,
      endsAt,
      venue: 'Hội trường UBND tỉnh, số 09 Lê Duẩn, TP. Buôn Ma Thuột',
      status: 'confirmed',
      ownerUnit: ids.unit,
      _status: 'published',
      description: richText(`Giới thiệu: ${title}.`),
      ...extra,
    } as never,
    overrideAccess: true,
  })
  return String(doc.id)
}

async function schedule(
  kind: 'articles' | 'events',
  id: string,
  extra: Record<string, unknown> = {},
) {
  const doc = await payload.create({
    collection: 'publications',
    data: {
      content: { relationTo: kind, value: id },
      channel: ids.feed,
      campaign: ids.campaignA,
      publishNow: true,
      ...extra,
    } as never,
    user: ids.manager,
    overrideAccess: false,
  })
  return doc
}

const drain = () => createDispatcher(payload, { workerId: 'feeds-test', log: () => {} }).drain()

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { headers })

async function jsonFeed(query = '') {
  const res = await get(`/feeds/${ids.feed}/feed.json${query}`)
  expect(res.status).toBe(200)
  return (await res.json()) as {
    version: string
    language: string
    title: string
    feed_url: string
    items: Record<string, any>[]
  }
}

beforeAll(async () => {
  payload = await testPayload()
  const unit = await createUnit(payload, 'Sở Khoa học và Công nghệ', 'department')
  ids.unit = unit.id
  ids.manager = await createUser(payload, 'campaign-manager', unit.id)
  const campaign = (name: string) =>
    payload.create({
      collection: 'campaigns',
      data: {
        name,
        startsOn: '2026-01-01T00:00:00.000Z',
        endsOn: '2026-12-31T00:00:00.000Z',
        leadUnit: unit.id,
        status: 'active',
      } as never,
      overrideAccess: true,
    })
  ids.campaignA = (await campaign('Chiến dịch nâng cao nhận thức chuyển đổi số 2026')).id
  ids.campaignB = (await campaign('Chiến dịch phổ cập kỹ năng số cho người dân')).id
  const channel = (data: Record<string, unknown>) =>
    payload.create({ collection: 'channels', data: data as never, overrideAccess: true })
  ids.feed = (await channel({ name: 'Nguồn tin Chuyển đổi số Đắk Lắk', kind: 'feed' })).id
  ids.otherFeed = (await channel({ name: 'Nguồn tin khác', kind: 'feed' })).id
  ids.radio = (await channel({ name: 'Đài Phát thanh tỉnh', kind: 'radio' })).id
  ids.disabled = (
    await channel({ name: 'Nguồn tin tạm dừng', kind: 'feed', status: 'disabled' })
  ).id

  // Content, and its publications on the feed: these go out for real through the dispatcher.
  ids.hero = await article(T.hero)
  ids.otherCampaign = await article(T.otherCampaign)
  ids.draft = await article(T.draft, { _status: 'draft' })
  ids.cancelled = await article(T.cancelled)
  ids.unpublished = await article(T.unpublished)
  ids.future = await article(T.future)
  ids.otherFeedArticle = await article(T.otherFeed)
  // 08:00–11:30 on 22/11/2026 in Vietnam = 01:00–04:30 UTC.
  ids.event = await event(T.event, '2026-11-22T01:00:00.000Z', '2026-11-22T04:30:00.000Z')
  ids.eventDraft = await event(
    T.eventDraft,
    '2026-12-01T02:00:00.000Z',
    '2026-12-01T03:00:00.000Z',
    { _status: 'draft' },
  )
  ids.eventOther = await event(
    T.eventOther,
    '2026-10-15T07:30:00.000Z',
    '2026-10-15T10:00:00.000Z',
    { status: 'cancelled' },
  )
  ids.later = await article(T.later)

  await schedule('articles', ids.hero)
  await schedule('articles', ids.otherCampaign, { campaign: ids.campaignB })
  ids.draftPub = (await schedule('articles', ids.draft)).id
  await schedule('articles', ids.cancelled, { status: 'cancelled' })
  await schedule('articles', ids.unpublished)
  await schedule('articles', ids.future, {
    publishNow: false,
    scheduledAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  })
  await schedule('articles', ids.otherFeedArticle, { channel: ids.otherFeed })
  await schedule('events', ids.event)
  ids.eventDraftPub = (await schedule('events', ids.eventDraft)).id
  await schedule('events', ids.eventOther, { campaign: ids.campaignB })
  await drain()
  // Later on: one more item, and the hero article published on the feed a second time.
  await new Promise((r) => setTimeout(r, 20))
  await schedule('articles', ids.later)
  await drain()
  await new Promise((r) => setTimeout(r, 20))
  await schedule('articles', ids.hero)
  await drain()
  // Finally an article is taken down after it went out: it must leave the feeds.
  await payload.update({
    collection: 'articles',
    id: ids.unpublished,
    data: { _status: 'draft' } as never,
    overrideAccess: true,
  })

  const app = express()
  app.use('/feeds', feedsRouter(payload))
  server = http.createServer(app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
})

describe('the fixtures went through the dispatcher as expected', () => {
  it('published what was publishable and held back drafts', async () => {
    const pubs = await payload.find({
      collection: 'publications',
      where: { channel: { equals: ids.feed } },
      limit: 0,
      pagination: false,
      overrideAccess: true,
      depth: 0,
    })
    const byStatus = (s: string) => pubs.docs.filter((p) => p.status === s).length
    expect(byStatus('published')).toBe(7) // hero ×2, other campaign, unpublished, later, event, other-campaign event
    expect(byStatus('cancelled')).toBe(1)
    expect(byStatus('scheduled')).toBe(1) // next week's
    const draftPub = await payload.findByID({
      collection: 'publications',
      id: ids.draftPub,
      overrideAccess: true,
    })
    expect(draftPub.status).not.toBe('published')
    expect(
      (
        await payload.findByID({
          collection: 'publications',
          id: ids.eventDraftPub,
          overrideAccess: true,
        })
      ).status,
    ).not.toBe('published')
    const unpublished = await payload.findByID({
      collection: 'articles',
      id: ids.unpublished,
      overrideAccess: true,
      draft: false,
    })
    expect(unpublished._status).toBe('draft')
    // The calendar relies on the database filtering a polymorphic relationship by collection.
    const events = await payload.count({
      collection: 'publications',
      where: { channel: { equals: ids.feed }, 'content.relationTo': { equals: 'events' } },
      overrideAccess: true,
    })
    expect(events.totalDocs).toBe(3)
  })
})

describe('RSS 2.0', () => {
  it('lists only published items, newest first, with Vietnamese intact', async () => {
    const res = await get(`/feeds/${ids.feed}/rss.xml`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('public, max-age=60')
    expect(res.headers.get('etag')).toBeTruthy()
    expect(res.headers.get('last-modified')).toBeTruthy()
    const feed = await new Parser().parseString(await res.text())
    expect(feed.title).toBe('Nguồn tin Chuyển đổi số Đắk Lắk')
    expect(feed.language).toBe('vi')
    const titles = feed.items.map((i) => i.title)
    expect(titles).toEqual(
      expect.arrayContaining([T.hero, T.otherCampaign, T.event, T.eventOther, T.later]),
    )
    expect(titles).toHaveLength(5)
    for (const t of [T.draft, T.cancelled, T.unpublished, T.future, T.otherFeed, T.eventDraft])
      expect(titles).not.toContain(t)
    // The hero article went out again last: it is on top, once.
    expect(titles[0]).toBe(T.hero)
    expect(titles[1]).toBe(T.later)
    const dates = feed.items.map((i) => new Date(i.isoDate!).getTime())
    expect([...dates].sort((a, b) => b - a)).toEqual(dates)
    const hero = feed.items[0]
    expect(hero.link).toBe(
      `https://chuyendoiso.tinh.gov.vn/articles/${(await payload.findByID({ collection: 'articles', id: ids.hero, overrideAccess: true })).slug}`,
    )
    expect(hero.guid).toMatch(/^tag:chuyendoiso\.tinh\.gov\.vn,2025:articles\//)
    expect(hero.contentSnippet).toContain(`Tóm tắt: ${T.hero}`)
    expect((hero as Record<string, any>)['content:encoded']).toContain('Nội dung đầy đủ của bài')
    expect(hero.creator).toBe('Sở Khoa học và Công nghệ')
  })

  it('filters by campaign and honours ?limit=', async () => {
    const feed = await new Parser().parseString(
      await (await get(`/feeds/${ids.feed}/rss.xml?campaign=${ids.campaignB}`)).text(),
    )
    expect(feed.items.map((i) => i.title).sort()).toEqual([T.eventOther, T.otherCampaign].sort())
    expect(feed.title).toContain('Chiến dịch phổ cập kỹ năng số cho người dân')
    const one = await new Parser().parseString(
      await (await get(`/feeds/${ids.feed}/rss.xml?limit=1`)).text(),
    )
    expect(one.items.map((i) => i.title)).toEqual([T.hero])
  })
})

describe('Atom 1.0', () => {
  it('lists the same items with ids, links and authors', async () => {
    const res = await get(`/feeds/${ids.feed}/atom.xml`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('public, max-age=60')
    const xml = await res.text()
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">')
    const feed = await new Parser().parseString(xml)
    expect(feed.title).toBe('Nguồn tin Chuyển đổi số Đắk Lắk')
    const titles = feed.items.map((i) => i.title)
    expect(titles).toHaveLength(5)
    expect(titles[0]).toBe(T.hero)
    expect(titles).toEqual(
      expect.arrayContaining([T.hero, T.otherCampaign, T.event, T.eventOther, T.later]),
    )
    for (const t of [T.draft, T.cancelled, T.unpublished, T.future, T.otherFeed, T.eventDraft])
      expect(titles).not.toContain(t)
    const hero = feed.items[0]
    expect(hero.id).toMatch(/^tag:chuyendoiso\.tinh\.gov\.vn,2025:articles\//)
    expect(hero.link).toMatch(/^https:\/\/chuyendoiso\.tinh\.gov\.vn\/articles\//)
    expect(hero.author).toBe('Sở Khoa học và Công nghệ')
    const campaign = await new Parser().parseString(
      await (await get(`/feeds/${ids.feed}/atom.xml?campaign=${ids.campaignA}`)).text(),
    )
    expect(campaign.items.map((i) => i.title).sort()).toEqual([T.hero, T.event, T.later].sort())
  })
})

describe('JSON Feed 1.1', () => {
  it('has the 1.1 fields and only published items', async () => {
    const res = await get(`/feeds/${ids.feed}/feed.json`)
    expect(res.headers.get('content-type')).toBe('application/feed+json; charset=utf-8')
    const feed = await jsonFeed()
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.language).toBe('vi')
    expect(feed.title).toBe('Nguồn tin Chuyển đổi số Đắk Lắk')
    expect(feed.feed_url).toBe(`https://chuyendoiso.tinh.gov.vn/feeds/${ids.feed}/feed.json`)
    const titles = feed.items.map((i) => i.title)
    expect(titles[0]).toBe(T.hero)
    expect(titles).toHaveLength(5)
    for (const t of [T.draft, T.cancelled, T.unpublished, T.future, T.otherFeed, T.eventDraft])
      expect(titles).not.toContain(t)
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string')
      expect(item.url).toMatch(/^https:\/\/chuyendoiso\.tinh\.gov\.vn\//)
      expect(typeof item.content_text).toBe('string')
      expect(Number.isNaN(Date.parse(item.date_published))).toBe(false)
      expect(item.date_published).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/)
      expect(item.authors).toEqual([{ name: 'Sở Khoa học và Công nghệ' }])
      expect(item).not.toHaveProperty('author') // 1.0's field
    }
    const hero = feed.items[0]
    expect(hero.summary).toBe(`Tóm tắt: ${T.hero}`)
    expect(hero.content_text).toBe(`Nội dung đầy đủ của bài "${T.hero}".`)
    const ev = feed.items.find((i) => i.title === T.event)!
    expect(ev.summary).toContain('Thời gian: 08:00 22/11/2026')
    expect(ev._event).toMatchObject({
      starts_at: '2026-11-22T01:00:00.000Z',
      venue: 'Hội trường UBND tỉnh, số 09 Lê Duẩn, TP. Buôn Ma Thuột',
    })
    const dates = feed.items.map((i) => Date.parse(i.date_published))
    expect([...dates].sort((a, b) => b - a)).toEqual(dates)
  })

  it('filters by campaign; limit is clamped', async () => {
    const feed = await jsonFeed(`?campaign=${ids.campaignA}`)
    expect(feed.items.map((i) => i.title).sort()).toEqual([T.hero, T.event, T.later].sort())
    expect(feed.feed_url).toContain(`?campaign=${ids.campaignA}`)
    expect((await jsonFeed('?limit=2')).items).toHaveLength(2)
    expect((await jsonFeed('?limit=abc')).items).toHaveLength(5)
    expect([
      parseLimit(undefined),
      parseLimit('0'),
      parseLimit('7'),
      parseLimit('999'),
      parseLimit('x'),
    ]).toEqual([50, 1, 7, 200, 50])
  })
})

describe('iCalendar', () => {
  const vevents = (body: string) =>
    Object.values(ical.sync.parseICS(body)).filter((c): c is VEvent => c?.type === 'VEVENT')
  const summaryOf = (e: VEvent) => (typeof e.summary === 'string' ? e.summary : e.summary?.val)
  const text = (v: unknown) =>
    typeof v === 'string' ? v : (v as { val?: string } | undefined)?.val

  it('has the published events in Vietnam time, with a stable UID', async () => {
    const res = await get(`/feeds/${ids.feed}/events.ics`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('public, max-age=60')
    const body = await res.text()
    expect(body).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20261122T080000')
    expect(body).toContain('DTEND;TZID=Asia/Ho_Chi_Minh:20261122T113000')
    expect(body).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh')
    expect(body).toContain('TZOFFSETTO:+0700')
    expect(body).toMatch(/DTSTAMP:\d{8}T\d{6}Z/)

    const events = vevents(body)
    expect(events.map(summaryOf).sort()).toEqual([T.event, T.eventOther].sort())
    const conf = events.find((e) => summaryOf(e) === T.event)!
    expect(conf.start.toISOString()).toBe('2026-11-22T01:00:00.000Z')
    expect(conf.end!.toISOString()).toBe('2026-11-22T04:30:00.000Z')
    expect(conf.start.tz).toBe('Asia/Ho_Chi_Minh')
    expect(text(conf.location)).toBe('Hội trường UBND tỉnh, số 09 Lê Duẩn, TP. Buôn Ma Thuột')
    expect(text(conf.description)).toContain(`Giới thiệu: ${T.event}.`)
    const url = (conf as unknown as { url?: unknown }).url
    expect(text(url)).toMatch(/^https:\/\/chuyendoiso\.tinh\.gov\.vn\/events\//)
    expect(conf.status).toBe('CONFIRMED')
    expect(conf.uid).toBe(`event-${ids.event}@chuyendoiso.tinh.gov.vn`)
    const contest = events.find((e) => summaryOf(e) === T.eventOther)!
    expect(contest.start.toISOString()).toBe('2026-10-15T07:30:00.000Z')
    expect(contest.status).toBe('CANCELLED')

    // Same UID through the campaign filter, and the other campaign's event gone.
    const filtered = vevents(
      await (await get(`/feeds/${ids.feed}/events.ics?campaign=${ids.campaignA}`)).text(),
    )
    expect(filtered.map((e) => e.uid)).toEqual([conf.uid])
    expect(vevents(await (await get(`/feeds/${ids.feed}/events.ics?limit=1`)).text())).toHaveLength(
      1,
    )
    // And the same output twice: the ETag is stable.
    const again = await get(`/feeds/${ids.feed}/events.ics`)
    expect(again.headers.get('etag')).toBe(res.headers.get('etag'))
  })
})

describe('errors and caching', () => {
  it('404s unknown, non-feed and disabled channels with a Vietnamese JSON message', async () => {
    for (const id of ['khong-ton-tai', ids.radio, ids.disabled]) {
      for (const file of ['rss.xml', 'atom.xml', 'feed.json', 'events.ics']) {
        const res = await get(`/feeds/${id}/${file}`)
        expect(res.status, `${id}/${file}`).toBe(404)
        expect(res.headers.get('content-type')).toMatch(/^application\/json/)
        const body = (await res.json()) as { errors: { message: string }[] }
        expect(body.errors[0].message).toMatch(/Không tìm thấy nguồn cấp tin/)
      }
    }
    expect((await get(`/feeds/${ids.feed}/feed.xml`)).status).toBe(404)
    expect((await get(`/feeds/${ids.feed}/rss.xml?campaign=khong-co`)).status).toBe(404)
  })

  it('answers 304 to a matching If-None-Match (and not to If-Modified-Since alone)', async () => {
    // Plain node:http: fetch() adds "Cache-Control: no-cache" to conditional requests, which forces a 200.
    const status = (path: string, headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        http
          .get(`${base}${path}`, { headers }, (res) => {
            res.resume()
            resolve(res.statusCode!)
          })
          .on('error', reject)
      })
    const first = await get(`/feeds/${ids.feed}/feed.json`)
    const etag = first.headers.get('etag')!
    const lastModified = first.headers.get('last-modified')!
    await first.text()
    expect(await status(`/feeds/${ids.feed}/feed.json`, { 'If-None-Match': etag })).toBe(304)
    expect(await status(`/feeds/${ids.feed}/feed.json`, { 'If-None-Match': '"autre"' })).toBe(200)
    // Removing an item does not move Last-Modified, so the date alone never earns a 304.
    expect(
      await status(`/feeds/${ids.feed}/feed.json`, { 'If-Modified-Since': lastModified }),
    ).toBe(200)
    expect(
      await status(`/feeds/${ids.feed}/feed.json`, {
        'If-None-Match': etag,
        'If-Modified-Since': lastModified,
      }),
    ).toBe(304)
  })
})
