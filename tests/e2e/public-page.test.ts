import fs from 'node:fs'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import ical, { type VEvent } from 'node-ical'
import type { Payload } from 'payload'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '@/server'
import { launchBrowser } from '../helpers/browser'
import { PASSWORD, createUnit, createUser, fileOf, pngBuffer } from '../helpers/fixtures'
import { restLogin, stopTestServer, testServer } from '../helpers/server'

/**
 * The dedicated page in Chromium against the real server: each kind from the home page to its
 * detail, search without diacritics, a video with captions, an event's .ics, what must stay
 * unreachable, axe on every page type, the keyboard, and a 375px screenshot of the home page.
 */

let server: RunningServer
let payload: Payload
let base: string
let browser: Browser
let desktop: BrowserContext
const shots = path.resolve(__dirname, '../../test-results')
const DAY = 86_400_000
const ids: Record<string, any> = {}
const slugs: Record<string, string> = {}
const csp: string[] = []

const T = {
  article: 'Chuyển đổi số ở Đắk Lắk: người dân làm thủ tục trên điện thoại',
  video: 'Phóng sự: Chợ 4.0 ở Buôn Ma Thuột',
  youtube: 'Đối thoại: Chính quyền số gần dân hơn',
  infographic: 'Infographic: 10 dịch vụ công trực tuyến toàn trình',
  event: 'Hội nghị triển khai Ngày Chuyển đổi số tỉnh',
  draft: 'BẢN NHÁP BÍ MẬT chưa xuất bản',
  notDue: 'Tin chưa đến giờ đăng trên chuyên trang',
}

const text = (t: string) => ({
  type: 'text',
  version: 1,
  text: t,
  format: 0,
  mode: 'normal',
  style: '',
  detail: 0,
})
const para = (...children: unknown[]) => ({
  type: 'paragraph',
  version: 1,
  direction: 'ltr',
  format: '',
  indent: 0,
  textFormat: 0,
  children,
})
const root = (...children: unknown[]) => ({
  root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children },
})

/** A real WebM clip (1 s of a moving square), recorded by Chromium's MediaRecorder: no video tool needed. */
async function recordWebm(): Promise<Buffer> {
  const page = await browser.newPage()
  try {
    const b64 = await page.evaluate(async () => {
      const canvas = document.createElement('canvas')
      canvas.width = 320
      canvas.height = 180
      const ctx = canvas.getContext('2d')!
      const stream = canvas.captureStream(25)
      const rec = new MediaRecorder(stream, { mimeType: 'video/webm' })
      const chunks: Blob[] = []
      rec.ondataavailable = (e) => chunks.push(e.data)
      const done = new Promise((r) => (rec.onstop = r))
      rec.start()
      const started = performance.now()
      await new Promise<void>((resolve) => {
        const draw = () => {
          const t = performance.now() - started
          ctx.fillStyle = '#0b4f8a'
          ctx.fillRect(0, 0, 320, 180)
          ctx.fillStyle = '#ffbf47'
          ctx.fillRect((t / 5) % 280, 60, 40, 40)
          if (t < 1200) requestAnimationFrame(draw)
          else resolve()
        }
        draw()
      })
      rec.stop()
      await done
      const buf = await new Blob(chunks, { type: 'video/webm' }).arrayBuffer()
      let s = ''
      for (const byte of new Uint8Array(buf)) s += String.fromCharCode(byte)
      return btoa(s)
    })
    return Buffer.from(b64, 'base64')
  } finally {
    await page.close()
  }
}

async function media(data: Buffer, name: string, mime: string, alt: string) {
  const doc = await payload.create({
    collection: 'media',
    data: { alt, credit: 'Báo Đắk Lắk', ownerUnit: ids.unit } as never,
    file: fileOf(data, name, mime),
    overrideAccess: true,
  })
  return doc
}

async function content(collection: string, data: Record<string, unknown>) {
  const doc = (await payload.create({
    collection: collection as 'articles',
    data: { ownerUnit: ids.unit, _status: 'published', ...data } as never,
    draft: data._status === 'draft',
    overrideAccess: true,
  })) as { id: string; slug: string }
  return doc
}

/** A page that records CSP violations and page errors into `csp`. */
async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage()
  page.setDefaultTimeout(30_000)
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    )
  })
  page.on('console', (m) => {
    if (m.type() === 'error' && m.text().startsWith('CSP violation'))
      csp.push(`${page.url()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => csp.push(`${page.url()}: ${e.message}`))
  // The closed network cannot reach YouTube: the embed answers from here, so pages settle.
  await page.route('https://www.youtube-nocookie.com/**', (r) =>
    r.fulfill({
      status: 200,
      contentType: 'text/html',
      body: '<!doctype html><title>YouTube</title>',
    }),
  )
  return page
}

beforeAll(async () => {
  server = await testServer()
  payload = server.payload
  base = server.url
  browser = await launchBrowser()
  desktop = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'vi-VN',
    acceptDownloads: true,
  })

  const unit = await createUnit(payload, 'Báo Đắk Lắk')
  ids.unit = String(unit.id)
  ids.manager = await createUser(payload, 'campaign-manager', unit.id)
  const topic = await payload.create({
    collection: 'topics',
    data: {
      title: 'Chính quyền số',
      description: 'Dịch vụ công trực tuyến, cải cách hành chính.',
    } as never,
    overrideAccess: true,
  })
  ids.topic = String(topic.id)
  slugs.topic = topic.slug as string
  const campaign = await payload.create({
    collection: 'campaigns',
    data: {
      name: 'Chiến dịch nâng cao nhận thức chuyển đổi số 2026',
      planReference: '1155/QĐ-UBND',
      startsOn: '2026-01-01T00:00:00.000Z',
      endsOn: '2026-12-31T00:00:00.000Z',
      leadUnit: unit.id,
      status: 'active',
    } as never,
    overrideAccess: true,
  })
  ids.campaign = String(campaign.id)
  ids.web = String(
    (
      await payload.create({
        collection: 'channels',
        data: { name: 'Chuyên trang Chuyển đổi số', kind: 'web-page' } as never,
        overrideAccess: true,
      })
    ).id,
  )

  const photo = await media(
    await pngBuffer(1600, 1000),
    'dich-vu-cong.png',
    'image/png',
    'Người dân dùng điện thoại làm thủ tục',
  )
  ids.photo = String(photo.id)
  const vtt = Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nXin chào chuyển đổi số\n')
  const captions = await media(vtt, 'phu-de.vtt', 'text/vtt', 'Phụ đề tiếng Việt')
  const clip = await media(await recordWebm(), 'cho-4-0.webm', 'video/webm', 'Phóng sự chợ 4.0')

  // Twelve older articles first, so the list has two pages and the main article is the newest.
  for (let i = 1; i <= 12; i++)
    await content('articles', { title: `Tin số hóa cơ sở số ${i}`, topics: [topic.id] })
  const article = await content('articles', {
    title: T.article,
    sapo: 'Người dân Đắk Lắk nộp hồ sơ, thanh toán lệ phí ngay trên điện thoại.',
    coverImage: photo.id,
    topics: [topic.id],
    campaigns: [campaign.id],
    featured: true,
    body: root(
      para(text('Hơn 2.000 thủ tục đã được đưa lên Cổng dịch vụ công.')),
      para(text('Xem thêm tại '), {
        type: 'link',
        version: 3,
        direction: 'ltr',
        format: '',
        indent: 0,
        fields: { url: 'https://dichvucong.gov.vn', newTab: true, linkType: 'custom' },
        children: [text('Cổng Dịch vụ công quốc gia')],
      }),
      {
        type: 'upload',
        version: 3,
        format: '',
        id: 'anh-1',
        fields: null,
        relationTo: 'media',
        value: photo.id,
      },
    ),
  })
  slugs.article = article.slug
  slugs.video = (
    await content('videos', {
      title: T.video,
      kind: 'reportage',
      file: clip.id,
      captions: captions.id,
      poster: photo.id,
      durationSeconds: 1,
      description: 'Tiểu thương bán hàng, nhận tiền qua mã QR.',
    })
  ).slug
  slugs.youtube = (
    await content('videos', {
      title: T.youtube,
      kind: 'dialogue',
      externalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    })
  ).slug
  slugs.infographic = (
    await content('infographics', {
      title: T.infographic,
      kind: 'infographic',
      file: photo.id,
      alt: 'Danh sách 10 dịch vụ công trực tuyến toàn trình',
      longDescription:
        '1. Đăng ký khai sinh.\n\n2. Đăng ký thường trú.\n\n3. Cấp đổi giấy phép lái xe.',
    })
  ).slug
  // 08:00–11:30 Vietnam time, ten days ahead.
  const start = new Date(Date.now() + 10 * DAY)
  start.setUTCHours(1, 0, 0, 0)
  ids.eventStart = start.toISOString()
  ids.eventEnd = new Date(start.getTime() + 3.5 * 3_600_000).toISOString()
  slugs.event = (
    await content('events', {
      title: T.event,
      kind: 'conference',
      status: 'confirmed',
      startsAt: ids.eventStart,
      endsAt: ids.eventEnd,
      venue: 'Hội trường UBND tỉnh, số 09 Lê Duẩn, TP. Buôn Ma Thuột',
      topics: [topic.id],
      description: root(para(text('Hội nghị tổng kết và phát động Tháng chuyển đổi số.'))),
    })
  ).slug
  slugs.draft = (await content('articles', { title: T.draft, _status: 'draft' })).slug
  const notDue = await content('articles', { title: T.notDue })
  slugs.notDue = notDue.slug
  await payload.create({
    collection: 'publications',
    data: {
      content: { relationTo: 'articles', value: notDue.id },
      channel: ids.web,
      scheduledAt: new Date(Date.now() + DAY).toISOString(),
      hideLiveUntilScheduled: true,
    } as never,
    user: ids.manager,
    overrideAccess: false,
  })
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await stopTestServer()
})

describe('home → list → detail, for each kind', () => {
  const walks = [
    { menu: 'Tin, bài', list: 'Tin, bài', title: T.article, kind: 'articles' },
    { menu: 'Video, phát thanh', list: 'Video, phát thanh', title: T.video, kind: 'videos' },
    { menu: 'Infographic', list: 'Infographic', title: T.infographic, kind: 'infographics' },
    { menu: 'Sự kiện', list: 'Sự kiện', title: T.event, kind: 'events' },
  ]
  for (const w of walks) {
    it(`${w.kind}: from the home page's menu to the list, then to the item`, async () => {
      const page = await newPage(desktop)
      await page.goto(`${base}/`)
      await expect(page.locator('h1').textContent()).resolves.toContain('Chuyển đổi số')
      // The home page shows the item in its section already.
      expect(await page.getByRole('link', { name: w.title }).count()).toBeGreaterThan(0)
      await page
        .getByRole('navigation', { name: 'Menu chính' })
        .getByRole('link', { name: w.menu })
        .click()
      await page.waitForURL(`${base}/${w.kind}`)
      await expect(page.locator('h1').textContent()).resolves.toBe(w.list)
      await page.locator('main').getByRole('link', { name: w.title }).first().click()
      await page.waitForURL(new RegExp(`/${w.kind}/[a-z0-9-]+$`))
      await expect(page.locator('h1').textContent()).resolves.toBe(w.title)
      await page.close()
    })
  }

  it('the article renders its rich text: image with srcset from the sharp sizes, safe external link, JSON-LD', async () => {
    const page = await newPage(desktop)
    await page.goto(`${base}/articles/${slugs.article}`)
    const bodyImg = page.locator('.rich-text figure img')
    expect(await bodyImg.getAttribute('alt')).toBe('Người dân dùng điện thoại làm thủ tục')
    const srcset = (await bodyImg.getAttribute('srcset')) ?? ''
    for (const w of ['320w', '768w', '1200w', '1600w']) expect(srcset).toContain(w)
    const link = page.locator('.rich-text a[href="https://dichvucong.gov.vn/"]')
    expect(await link.getAttribute('rel')).toContain('noopener')
    expect(await link.getAttribute('target')).toBe('_blank')
    const ld = await page.locator('script[type="application/ld+json"]').allTextContents()
    const types = ld.map((s) => JSON.parse(s)['@type'])
    expect(types).toEqual(expect.arrayContaining(['NewsArticle', 'BreadcrumbList']))
    const og = await page.locator('meta[property="og:image"]').getAttribute('content')
    expect(og).toMatch(/-1200x630\.webp$/)
    expect(await page.locator('meta[name="twitter:card"]').getAttribute('content')).toBe(
      'summary_large_image',
    )
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(
      new RegExp(`/articles/${slugs.article}$`),
    )
    // Topic and unit pages are one click away.
    await page.locator('.item-meta').getByRole('link', { name: 'Chính quyền số' }).click()
    await page.waitForURL(`${base}/chu-de/${slugs.topic}`)
    await expect(page.locator('h1').textContent()).resolves.toBe('Chủ đề: Chính quyền số')
    await page.close()
  })

  it('lists paginate and filter (13 public articles: 12, then 1; the not-yet-due one not counted)', async () => {
    const page = await newPage(desktop)
    await page.goto(`${base}/articles`)
    expect(await page.locator('main .card').count()).toBe(12)
    await page.getByRole('link', { name: 'Trang sau ›' }).click()
    await page.waitForURL(`${base}/articles?trang=2`)
    expect(await page.locator('main .card').count()).toBe(1)
    expect(await page.getByText('13 nội dung').count()).toBe(1)
    // The kind filter on videos: dialogues only.
    await page.goto(`${base}/videos`)
    await page.getByLabel('Thể loại').selectOption('dialogue')
    await page.getByRole('button', { name: 'Lọc' }).click()
    await page.waitForURL(/loai=dialogue/)
    const titles = await page.locator('main .card__title').allTextContents()
    expect(titles).toEqual([T.youtube])
    await page.close()
  })
})

describe('search, video, event', () => {
  it('finds "Đắk Lắk" typed as "dak lak", with the matches marked', async () => {
    const page = await newPage(desktop)
    await page.goto(`${base}/`)
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('dak lak')
    await page.keyboard.press('Enter')
    await page.waitForURL(`${base}/tim-kiem?q=dak+lak`)
    const titles = await page.locator('main .card__title').allTextContents()
    expect(titles).toContain(T.article)
    const marks = await page.locator('main .card__title mark').allTextContents()
    expect(marks).toEqual(expect.arrayContaining(['Đắk', 'Lắk']))
    // "chuyen doi so" finds the items saying "Chuyển đổi số", and never the draft or the not-yet-due item.
    await page.goto(`${base}/tim-kiem?q=chuyen+doi+so`)
    const found = await page.locator('main .card__title').allTextContents()
    expect(found).toEqual(expect.arrayContaining([T.article, T.event]))
    await page.goto(`${base}/tim-kiem?q=bi+mat`)
    expect(await page.locator('main .card').count()).toBe(0)
    await page.goto(`${base}/tim-kiem?q=chua+den+gio`)
    expect(await page.locator('main .card').count()).toBe(0)
    await page.close()
  })

  it('plays an uploaded video with its WebVTT captions; YouTube through youtube-nocookie.com', async () => {
    const page = await newPage(desktop)
    await page.goto(`${base}/videos/${slugs.video}`)
    const video = page.locator('.player video')
    await page.waitForFunction(() => {
      const v = document.querySelector('.player video') as HTMLVideoElement | null
      return (
        !!v &&
        v.readyState >= 1 &&
        v.textTracks.length > 0 &&
        (v.textTracks[0].cues?.length ?? 0) > 0
      )
    })
    const tracks = await video.evaluate((v: HTMLVideoElement) => ({
      width: v.videoWidth,
      kind: v.textTracks[0].kind,
      language: v.textTracks[0].language,
      mode: v.textTracks[0].mode,
      cue: (v.textTracks[0].cues![0] as VTTCue).text,
    }))
    expect(tracks).toEqual({
      width: 320,
      kind: 'captions',
      language: 'vi',
      mode: 'showing',
      cue: 'Xin chào chuyển đổi số',
    })
    const ld = (await page.locator('script[type="application/ld+json"]').allTextContents()).map(
      (s) => JSON.parse(s),
    )
    expect(ld.find((d) => d['@type'] === 'VideoObject')).toMatchObject({
      name: T.video,
      duration: 'PT1S',
    })

    await page.goto(`${base}/videos/${slugs.youtube}`)
    const src = await page.locator('.player iframe').getAttribute('src')
    expect(src).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ')
    await page.close()
  })

  it('an event: Vietnam time, venue with a map link, and an .ics that an independent parser reads back', async () => {
    const page = await newPage(desktop)
    await page.goto(`${base}/events/${slugs.event}`)
    const when = await page.locator('.event-facts time').textContent()
    expect(when).toMatch(/^08:00 – 11:30, /)
    const map = await page.getByRole('link', { name: 'Xem bản đồ' }).getAttribute('href')
    expect(map).toContain(encodeURIComponent('Hội trường UBND tỉnh'))
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Thêm vào lịch (.ics)' }).click(),
    ])
    const file = await download.path()
    const parsed = ical.sync.parseICS(fs.readFileSync(file!, 'utf8'))
    const events = Object.values(parsed).filter((c): c is VEvent => c?.type === 'VEVENT')
    expect(events).toHaveLength(1)
    expect(events[0].summary).toBe(T.event)
    expect(new Date(events[0].start).toISOString()).toBe(ids.eventStart)
    expect(new Date(events[0].end!).toISOString()).toBe(ids.eventEnd)
    expect(events[0].location).toContain('09 Lê Duẩn')
    const ld = (await page.locator('script[type="application/ld+json"]').allTextContents()).map(
      (s) => JSON.parse(s),
    )
    expect(ld.find((d) => d['@type'] === 'Event')?.startDate).toMatch(/T08:00:00\+07:00$/)
    await page.close()
  })
})

describe('what the public must not reach', () => {
  it('a draft and an item whose web-page time has not come answer 404, in Vietnamese, with a way back', async () => {
    for (const slug of [slugs.draft, slugs.notDue]) {
      const res = await fetch(`${base}/articles/${slug}`)
      expect(res.status).toBe(404)
      const html = await res.text()
      expect(html).toContain('Không tìm thấy trang')
      expect(html).not.toContain('BÍ MẬT')
      expect(html).not.toContain(T.notDue)
    }
    const list = await (await fetch(`${base}/articles?trang=1`)).text()
    expect(list).not.toContain(T.notDue)
    expect(list).not.toContain('BÍ MẬT')
    const page = await newPage(desktop)
    const res = await page.goto(`${base}/khong-co-trang-nay`)
    expect(res?.status()).toBe(404)
    await page.getByRole('link', { name: '← Về trang chủ' }).click()
    await page.waitForURL(`${base}/`)
    await page.close()
  })

  it('a 404 without JavaScript is a whole Vietnamese page (not Next’s empty error shell)', async () => {
    const res = await fetch(`${base}/articles/${slugs.draft}`)
    expect(res.status).toBe(404)
    const html = await res.text()
    expect(html).not.toContain('__next_error__')
    expect(html).toMatch(/<h1>Không tìm thấy trang<\/h1>/)

    const noJs = await browser.newContext({ javaScriptEnabled: false })
    try {
      const page = await noJs.newPage()
      const missing = await page.goto(`${base}/khong-co-trang-nay`)
      expect(missing?.status()).toBe(404)
      await expect(page.locator('h1').textContent()).resolves.toBe('Không tìm thấy trang')
      await expect(page.title()).resolves.toContain('Không tìm thấy trang')
      // Its search form works without scripts.
      await page.getByLabel('Tìm trên chuyên trang').fill('chuyen doi so')
      await page.getByRole('button', { name: 'Tìm' }).click()
      await page.waitForURL(/\/tim-kiem\?q=chuyen\+doi\+so/)
      expect(await page.locator('h1').count()).toBeGreaterThan(0)
      // axe cannot run without scripts; the same page is in the axe pass below.
    } finally {
      await noJs.close()
    }
  })
})

describe('search engines and editors', () => {
  it('sitemap.xml lists every public item and nothing else; robots.txt points at it', async () => {
    const xml = await (await fetch(`${base}/sitemap.xml`)).text()
    for (const kind of ['articles', 'videos', 'infographics', 'events'] as const)
      expect(xml).toContain(`/${kind}</loc>`)
    for (const key of ['article', 'video', 'youtube', 'infographic', 'event'])
      expect(xml).toContain(`/${slugs[key]}</loc>`)
    expect(xml).toContain(`/chu-de/${slugs.topic}</loc>`)
    expect(xml).not.toContain(slugs.draft)
    expect(xml).not.toContain(slugs.notDue)
    expect((xml.match(/<url>/g) ?? []).length).toBe(1 + 4 + 13 + 2 + 1 + 1 + 1 + 1)
    const robots = await (await fetch(`${base}/robots.txt`)).text()
    expect(robots).toMatch(/Sitemap: .*\/sitemap\.xml/)
    expect(robots).toContain('Disallow: /admin')
  })

  it('links to the feeds in the head and the footer', async () => {
    const feed = await payload.create({
      collection: 'channels',
      data: { name: 'Nguồn tin Chuyển đổi số', kind: 'feed' } as never,
      overrideAccess: true,
    })
    const html = await (await fetch(`${base}/`)).text()
    const links = html.match(/<link\b[^>]*>/g) ?? []
    const rss = links.find((l) => l.includes('application/rss+xml'))
    expect(rss).toContain(`/feeds/${feed.id}/rss.xml"`)
    expect(rss).toContain('title="Nguồn tin Chuyển đổi số"')
    expect(
      links.some(
        (l) => l.includes('application/atom+xml') && l.includes(`/feeds/${feed.id}/atom.xml"`),
      ),
    ).toBe(true)
    expect(html).toContain(`href="/feeds/${feed.id}/events.ics"`)
  })

  it('an editor previews a draft in draft mode; nobody else reaches it, even with the draft-mode cookie', async () => {
    const anonymous = await fetch(`${base}/next/preview?collection=articles&slug=${slugs.draft}`, {
      redirect: 'manual',
    })
    expect(anonymous.status).toBe(401)
    expect(await anonymous.text()).toContain('Cần đăng nhập')
    const editor = await createUser(payload, 'editor', ids.unit)
    const token = await restLogin(base, editor.email as string, PASSWORD)
    const context = await browser.newContext()
    await context.addCookies([{ name: 'payload-token', value: token, url: base }])
    const page = await newPage(context)
    await page.goto(`${base}/next/preview?collection=articles&slug=${slugs.draft}`)
    await page.waitForURL(`${base}/articles/${slugs.draft}`)
    await expect(page.locator('h1').textContent()).resolves.toBe(T.draft)
    await page.getByText('Đang xem bản nháp').waitFor()
    const bypass = (await context.cookies()).find((c) => c.name === '__prerender_bypass')
    expect(bypass).toBeTruthy()
    const withCookieOnly = await fetch(`${base}/articles/${slugs.draft}`, {
      headers: { cookie: `__prerender_bypass=${bypass!.value}` },
    })
    expect(withCookieOnly.status).toBe(404)
    await page.getByRole('link', { name: 'Thoát xem trước' }).click()
    await page.waitForURL(`${base}/`)
    const after = await page.goto(`${base}/articles/${slugs.draft}`)
    expect(after?.status()).toBe(404)
    await context.close()
  })
})

describe('small screens and the favicon', () => {
  it('the filters fit at 320 and 375 px: nothing wider than the screen, every filter on it', async () => {
    // A long unit name: the option that made the filter grid grow past the screen.
    const long =
      'Trung tâm Văn hóa, Thể thao và Truyền thanh huyện Krông Pắc, tỉnh Đắk Lắk (đơn vị phối hợp)'
    await createUnit(payload, long, 'district')
    const year = new Date().getFullYear()
    const pages = [
      `/articles?nam=${year}`,
      `/videos?nam=${year}`,
      `/infographics?nam=${year}`,
      `/events?nam=${year}`,
      '/tim-kiem?q=so+hoa',
    ]
    const problems: string[] = []
    for (const width of [320, 375]) {
      const context = await browser.newContext({
        viewport: { width, height: 740 },
        isMobile: true,
        hasTouch: true,
      })
      const page = await newPage(context)
      for (const p of pages) {
        await page.goto(`${base}${p}`)
        const options = await page.locator('.filters select option').allTextContents()
        expect(options, p).toContain(long)
        const m = await page.evaluate(() => ({
          viewport: window.innerWidth,
          scroll: document.documentElement.scrollWidth,
          fields: [...document.querySelectorAll('.filters select, .filters button')].map((el) => {
            const r = el.getBoundingClientRect()
            return { name: el.getAttribute('name') ?? el.textContent, left: r.left, right: r.right }
          }),
        }))
        expect(m.viewport).toBe(width)
        expect(m.fields.length, p).toBeGreaterThanOrEqual(4)
        if (m.scroll > m.viewport) problems.push(`${width}px ${p}: page ${m.scroll}px wide`)
        for (const f of m.fields)
          if (f.left < 0 || f.right > m.viewport)
            problems.push(`${width}px ${p}: ${f.name} at ${f.left}–${f.right}px`)
      }
      if (width === 320) {
        fs.mkdirSync(shots, { recursive: true })
        await page.screenshot({ path: path.join(shots, 'public-search-320.png'), fullPage: true })
      }
      await context.close()
    }
    expect(problems).toEqual([])
  })

  it('serves a favicon, linked from every page', async () => {
    const ico = await fetch(`${base}/favicon.ico`)
    expect(ico.status).toBe(200)
    expect(ico.headers.get('content-type')).toMatch(/^image\//)
    const bytes = Buffer.from(await ico.arrayBuffer())
    // An ICO file: reserved 0, type 1, at least one image.
    expect([bytes.readUInt16LE(0), bytes.readUInt16LE(2)]).toEqual([0, 1])
    expect(bytes.readUInt16LE(4)).toBeGreaterThanOrEqual(1)
    const svg = await fetch(`${base}/icon.svg`)
    expect(svg.status).toBe(200)
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/)
    for (const p of ['/', '/khong-co-trang-nay']) {
      const html = await (await fetch(`${base}${p}`)).text()
      expect(html, p).toMatch(/<link rel="icon" href="\/(favicon\.ico|icon\.svg)[^"]*"/)
    }
  })
})

describe('accessibility', () => {
  it('axe-core finds no serious or critical violation on any page type', async () => {
    const pages = [
      '/',
      '/articles',
      `/articles/${slugs.article}`,
      `/videos/${slugs.video}`,
      `/infographics/${slugs.infographic}`,
      `/events/${slugs.event}`,
      '/tim-kiem?q=chuyen+doi+so',
      `/chu-de/${slugs.topic}`,
      `/don-vi/${ids.unit}`,
      `/chien-dich/${ids.campaign}`,
      '/khong-co-trang-nay',
    ]
    const found: string[] = []
    for (const width of [1280, 375]) {
      const context = await browser.newContext({ viewport: { width, height: 800 } })
      const page = await newPage(context)
      for (const p of pages) {
        await page.goto(`${base}${p}`)
        const result = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          .analyze()
        for (const v of result.violations) {
          if (v.impact === 'serious' || v.impact === 'critical')
            found.push(
              `${width}px ${p}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
            )
        }
      }
      await context.close()
    }
    expect(found).toEqual([])
  })

  it('works with the keyboard at 375px: skip link, menu, search', async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
    })
    const page = await newPage(context)
    await page.goto(`${base}/`)
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Bỏ qua, đến nội dung chính',
    )
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => location.hash === '#noi-dung')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('noi-dung')

    await page.goto(`${base}/`)
    const toggle = page.getByRole('button', { name: 'Menu' })
    // Tab past the skip link and the site name to the menu button.
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    expect(await page.getByRole('link', { name: 'Sự kiện', exact: true }).isVisible()).toBe(false)
    await page.keyboard.press('Enter')
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Trang chủ')
    await page.keyboard.press('Escape')
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true)
    // Open again and follow a link with Enter.
    await page.keyboard.press('Enter')
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Sự kiện')
    await page.keyboard.press('Enter')
    await page.waitForURL(`${base}/events`)

    // The search form: Tab to it, type, Enter.
    await page.goto(`${base}/`)
    const search = page.getByRole('searchbox', { name: 'Tìm kiếm' })
    for (let i = 0; i < 10 && !(await search.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab')
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.type('chuyen doi so')
    await page.keyboard.press('Enter')
    await page.waitForURL(`${base}/tim-kiem?q=chuyen+doi+so`)
    expect(await page.locator('main .card__title').allTextContents()).toContain(T.article)

    // The home page at 375px, for people to look at.
    await page.goto(`${base}/`)
    fs.mkdirSync(shots, { recursive: true })
    await page.screenshot({ path: path.join(shots, 'public-home-375.png'), fullPage: true })
    expect(fs.statSync(path.join(shots, 'public-home-375.png')).size).toBeGreaterThan(10_000)
    await context.close()
  })

  it('no page broke its content security policy or threw', () => {
    expect(csp).toEqual([])
  })
})
