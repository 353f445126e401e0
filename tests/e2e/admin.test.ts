import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '@/server'
import { launchBrowser } from '../helpers/browser'
import { PASSWORD, createUnit, createUser, pngBuffer } from '../helpers/fixtures'
import { stopTestServer, testServer } from '../helpers/server'

let server: RunningServer
let browser: Browser
let page: Page
let editorEmail: string
let unitId: string
const shots = path.resolve(__dirname, '../../test-results')

beforeAll(async () => {
  server = await testServer()
  const unit = await createUnit(server.payload, 'Báo Tây Ninh')
  unitId = String(unit.id)
  editorEmail = (await createUser(server.payload, 'editor', unit.id)).email as string
  browser = await launchBrowser()
  // An English browser: the admin must still come up in Vietnamese.
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 1400, height: 1000 },
  })
  page = await context.newPage()
  page.setDefaultTimeout(30_000)
})

afterAll(async () => {
  if (page) {
    fs.mkdirSync(shots, { recursive: true })
    await page
      .screenshot({ path: path.join(shots, 'admin-last.png'), fullPage: true })
      .catch(() => {})
  }
  await browser?.close()
  await stopTestServer()
})

describe('the admin in Chromium', () => {
  it('logs in, in Vietnamese', async () => {
    await page.goto(`${server.url}/admin/login`)
    expect(await page.locator('html').getAttribute('lang')).toBe('vi')
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor()
    await page.locator('input[name="email"]').fill(editorEmail)
    await page.locator('input[name="password"]').fill(PASSWORD)
    await page.getByRole('button', { name: 'Đăng nhập' }).click()
    await page.waitForURL(`${server.url}/admin`)
    await page.getByText('Tin, bài').first().waitFor()
  })

  it('creates and publishes an article with an uploaded cover image', async () => {
    await page.goto(`${server.url}/admin/collections/articles/create`)
    await page.locator('#field-title').fill('Chuyển đổi số ở Tây Ninh: người dân dùng dịch vụ công')
    await page.locator('#field-sapo').fill('Tóm tắt bài viết thử nghiệm trong trình duyệt.')

    // The cover image: "Tạo mới" opens the media drawer, where the file, alt text and credit go.
    await page
      .locator('#field-coverImage')
      .getByRole('button', { name: /Tạo mới/ })
      .click()
    const drawer = page.locator('.drawer__content').last()
    const image = await pngBuffer(1400, 900)
    await drawer
      .locator('input[type="file"]')
      .setInputFiles({ name: 'anh-bia.png', mimeType: 'image/png', buffer: image })
    await drawer.locator('#field-alt').fill('Người dân làm thủ tục trực tuyến tại bộ phận một cửa')
    await drawer.locator('#field-credit').fill('Báo Tây Ninh')
    await drawer.getByRole('button', { name: 'Lưu' }).click()
    await page.locator('#field-coverImage').getByText('anh-bia').first().waitFor()

    await page.getByRole('button', { name: 'Xuất bản tài liệu' }).click()
    await page
      .getByText(/thành công/i)
      .first()
      .waitFor()

    const found = await server.payload.find({
      collection: 'articles',
      where: { slug: { equals: 'chuyen-doi-so-o-tay-ninh-nguoi-dan-dung-dich-vu-cong' } },
      depth: 1,
      overrideAccess: true,
    })
    expect(found.totalDocs).toBe(1)
    const article = found.docs[0] as unknown as {
      _status: string
      ownerUnit: { id: string }
      coverImage: {
        mimeType: string
        alt: string
        sizes: { og: { width: number; height: number } }
      }
    }
    expect(article._status).toBe('published')
    expect(String(article.ownerUnit.id)).toBe(unitId)
    expect(article.coverImage.mimeType).toBe('image/webp')
    expect(article.coverImage.alt).toContain('một cửa')
    expect(article.coverImage.sizes.og).toMatchObject({ width: 1200, height: 630 })

    const publicRead = await fetch(
      `${server.url}/api/articles?where[slug][equals]=chuyen-doi-so-o-tay-ninh-nguoi-dan-dung-dich-vu-cong`,
    )
    expect(((await publicRead.json()) as { totalDocs: number }).totalDocs).toBe(1)
  })
})
