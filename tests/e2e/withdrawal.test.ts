/**
 * Withdrawing through REST on the real server (Express + Next + Payload on loopback): the item's
 * editor withdraws it with `POST /api/withdrawals`; another unit's editor and anonymous visitors are
 * refused; the page the cache held answers 410 at once, through the page cache and Next. In
 * Chromium, "Gỡ bài" on an item asks for a reason and lands on the withdrawal, which lists the
 * removal per channel.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '@/server'
import { adminLogin, launchBrowser } from '../helpers/browser'
import { PASSWORD, createUnit, createUser } from '../helpers/fixtures'
import { restLogin, stopTestServer, testServer } from '../helpers/server'

let server: RunningServer
let own: string
let other: string
let article: { id: string; slug: string }
let unitId: string
let editorEmail: string
let browser: Browser | undefined

beforeAll(async () => {
  server = await testServer()
  const unit = await createUnit(server.payload, 'Báo Tây Ninh')
  const otherUnit = await createUnit(server.payload, 'Đài PT-TH Tây Ninh')
  unitId = String(unit.id)
  const login = async (unit: string | number) =>
    restLogin(
      server.url,
      (await createUser(server.payload, 'editor', unit)).email as string,
      PASSWORD,
    )
  editorEmail = (await createUser(server.payload, 'editor', unit.id)).email as string
  own = await restLogin(server.url, editorEmail, PASSWORD)
  other = await login(otherUnit.id)
  const doc = await server.payload.create({
    collection: 'articles',
    overrideAccess: true,
    data: { title: 'Bài sẽ bị gỡ', ownerUnit: unit.id, _status: 'published' } as never,
  })
  article = { id: String(doc.id), slug: String(doc.slug) }
})

afterAll(async () => {
  await browser?.close()
  await stopTestServer()
})

const post = (token: string | null, body: unknown) =>
  fetch(`${server.url}/api/withdrawals`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `JWT ${token}` } : {}),
    },
    body: JSON.stringify(body),
  })

describe('POST /api/withdrawals', () => {
  it('refuses anonymous visitors and another unit’s editor, then the item’s editor withdraws it: 410', async () => {
    const page = `${server.url}/articles/${article.slug}`
    // Held by the page cache (the server's next read of the change marks may empty it once more).
    let cache: string | null = null
    for (let i = 0; i < 10 && cache !== 'HIT'; i++) {
      const res = await fetch(page)
      expect(res.status).toBe(200)
      cache = res.headers.get('x-cache')
      if (cache !== 'HIT') await new Promise((r) => setTimeout(r, 500))
    }
    expect(cache).toBe('HIT')

    const body = { content: { relationTo: 'articles', value: article.id }, reason: 'Đăng nhầm' }
    expect((await post(null, body)).status).toBe(403)
    const refused = await post(other, body)
    expect(refused.status).toBe(400)
    expect(JSON.stringify(await refused.json())).toContain('Bạn chỉ được gỡ bài của đơn vị mình.')
    const noReason = await post(own, { ...body, reason: '' })
    expect(noReason.status).toBe(400)
    expect(JSON.stringify(await noReason.json())).toContain('Cần nêu lý do gỡ bài.')
    expect((await fetch(page)).status).toBe(200)

    const done = await post(own, body)
    expect(done.status).toBe(201)
    expect((await done.json()).doc).toMatchObject({ scope: 'content', reason: 'Đăng nhầm' })
    const gone = await fetch(page)
    expect(gone.status).toBe(410)
    expect(await gone.text()).toContain('Nội dung đã được gỡ')
  })
})

describe('"Gỡ bài" in the admin (Chromium)', () => {
  it('asks for a reason, then shows the removal per channel', async () => {
    const { payload } = server
    const item = await payload.create({
      collection: 'articles',
      overrideAccess: true,
      data: {
        title: 'Bài gỡ trong trang quản trị',
        ownerUnit: unitId,
        _status: 'published',
      } as never,
    })
    const channel = await payload.create({
      collection: 'channels',
      overrideAccess: true,
      data: {
        name: 'Fanpage Báo Tây Ninh',
        kind: 'webhook',
        settings: { url: 'http://127.0.0.1:9/' },
        credentials: { signingSecret: 'khoa' },
        ownerUnit: unitId,
      } as never,
    })
    const pub = await payload.create({
      collection: 'publications',
      overrideAccess: true,
      context: { dispatcher: true },
      data: {
        content: { relationTo: 'articles', value: item.id },
        channel: channel.id,
        scheduledAt: new Date().toISOString(),
      } as never,
    })
    await payload.db.updateOne({
      collection: 'publications',
      id: pub.id,
      data: { status: 'published' },
      returning: false,
    })

    browser = await launchBrowser()
    const page = await (
      await browser.newContext({ viewport: { width: 1366, height: 900 } })
    ).newPage()
    page.setDefaultTimeout(30_000)
    await adminLogin(page, server.url, editorEmail, `/admin/collections/articles/${item.id}`)
    await page
      .locator('#withdraw-open')
      .click()
      .catch(async (err) => {
        await page.screenshot({ path: 'test-results/withdrawal-last.png', fullPage: true })
        throw err
      })
    await page.locator('#withdraw-reason').fill('Bài có thông tin cá nhân chưa được che')
    await page.locator('#withdraw-confirm').click()
    await page.waitForURL(/\/admin\/collections\/withdrawals\/[^/]+$/)
    const row = page.locator('tr', { hasText: 'Đang chờ gỡ' })
    await row.waitFor().catch(async (err) => {
      await page.screenshot({ path: 'test-results/withdrawal-last.png', fullPage: true })
      throw err
    })
    expect(await page.locator('tr', { hasText: 'Đang chờ gỡ' }).count()).toBe(1)
    const stored = await payload.findByID({
      collection: 'articles',
      id: item.id,
      depth: 0,
      overrideAccess: true,
    })
    expect(stored._status).toBe('draft')
  }, 120_000)
})
