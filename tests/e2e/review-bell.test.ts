/**
 * The review step and the bell in Chromium, on the real server: a contributor of a unit whose
 * publishing needs review presses "Gửi duyệt" on the article's edit view; an editor who is not a
 * reviewer cannot publish it through REST (403, in Vietnamese); the unit's reviewer sees 1 on the
 * bell, opens the notification (which goes to the article and counts as read), presses "Duyệt và
 * xuất bản"; the contributor's bell then shows the approval. Screenshot: test-results/review-bell-last.png.
 */
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { settleNotifications } from '@/notifications/notify'
import type { RunningServer } from '@/server'
import { adminLogin, launchBrowser } from '../helpers/browser'
import { PASSWORD, createUnit, createUser } from '../helpers/fixtures'
import { restLogin, stopTestServer, testServer } from '../helpers/server'

let server: RunningServer
let browser: Browser
let page: Page
const email: Record<string, string> = {}
let articleId: string

beforeAll(async () => {
  server = await testServer()
  const { payload } = server
  const bao = await createUnit(payload, 'Báo Tây Ninh')
  await payload.update({
    collection: 'units',
    id: bao.id,
    data: { reviewRequired: true },
    overrideAccess: true,
  })
  const contributor = await createUser(payload, 'contributor', bao.id)
  email.contributor = contributor.email
  email.editor = (await createUser(payload, 'editor', bao.id)).email
  const reviewer = await createUser(payload, 'editor', bao.id)
  await payload.update({
    collection: 'users',
    id: reviewer.id,
    data: { reviewer: true, fullName: 'Thư ký tòa soạn' },
    overrideAccess: true,
  })
  email.reviewer = reviewer.email
  const article = await payload.create({
    collection: 'articles',
    user: contributor,
    overrideAccess: false,
    draft: true,
    data: { title: 'Tây Ninh ra mắt nền tảng số cấp xã', ownerUnit: bao.id } as never,
  })
  articleId = String(article.id)
  browser = await launchBrowser()
  page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage()
  page.setDefaultTimeout(30_000)
}, 300_000)

afterAll(async () => {
  if (page)
    await page
      .screenshot({
        path: path.resolve(__dirname, '../../test-results/review-bell-last.png'),
        fullPage: true,
      })
      .catch(() => {})
  await browser?.close()
  await settleNotifications()
  await stopTestServer()
})

const articlePath = () => `/admin/collections/articles/${articleId}`
const stored = (draft: boolean) =>
  server.payload.findByID({
    collection: 'articles',
    id: articleId,
    depth: 0,
    draft,
    overrideAccess: true,
  })
const state = () => page.locator('#review-state').innerText()
/** Presses a review button and waits for the reload that shows the stored article. */
const pressAndReload = async (selector: string) => {
  await Promise.all([page.waitForEvent('load'), page.locator(selector).click()])
  await page.locator('#review-state').waitFor()
}
const bellCount = async () => {
  await page.locator('#notification-bell').waitFor()
  const count = page.locator('#notification-count')
  // The count arrives with the bell's first request.
  await page.waitForLoadState('networkidle')
  return (await count.count()) ? await count.innerText() : '0'
}

describe('review before publishing, and the bell', () => {
  it('lets the contributor send the draft for review from the edit view', async () => {
    await adminLogin(page, server.url, email.contributor, articlePath())
    await page.locator('#review-state').waitFor()
    expect(await state()).toBe('Bản nháp')
    expect(await page.locator('#review-approve').count()).toBe(0)
    await pressAndReload('#review-submit')
    expect(await state()).toBe('Chờ duyệt')
    const doc = await stored(true)
    expect(doc.reviewState).toBe('in-review')
    expect(doc._status).toBe('draft')
  })

  it('refuses an editor who is not a reviewer publishing it through REST', async () => {
    await settleNotifications()
    const token = await restLogin(server.url, email.editor, PASSWORD)
    const res = await fetch(`${server.url}/api/articles/${articleId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ _status: 'published' }),
    })
    expect(res.status).toBe(403)
    const body = (await res.json()) as { errors: { message: string }[] }
    expect(body.errors[0].message).toMatch(/Đơn vị của bạn đăng bài cần duyệt/)
    expect((await stored(false))._status).toBe('draft')
  })

  it('shows the reviewer 1 on the bell; opening it goes to the article and reads it', async () => {
    await adminLogin(page, server.url, email.reviewer, '/admin')
    expect(await bellCount()).toBe('1')
    await page.locator('#notification-bell').click()
    const item = page.getByRole('button', {
      name: /Bài chờ duyệt: Tây Ninh ra mắt nền tảng số cấp xã/,
    })
    await Promise.all([page.waitForURL(`${server.url}${articlePath()}`), item.click()])
    await page.locator('#review-approve').waitFor()
    expect(await bellCount()).toBe('0')
  })

  it('lets the reviewer approve it: published, and the contributor is told', async () => {
    await pressAndReload('#review-approve')
    expect(await state()).toBe('Đã duyệt, xuất bản')
    const doc = await stored(false)
    expect([doc._status, doc.reviewState]).toEqual(['published', 'approved'])
    await settleNotifications()
    await adminLogin(page, server.url, email.contributor, '/admin')
    expect(await bellCount()).toBe('1')
    await page.locator('#notification-bell').click()
    await expect
      .poll(() => page.locator('.cms-bell__panel').innerText())
      .toMatch(/Bài đã được duyệt và xuất bản: Tây Ninh ra mắt nền tảng số cấp xã/)
  })
})
