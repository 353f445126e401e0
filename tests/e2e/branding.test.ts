/**
 * Issue 19, item 9: the admin carries the province's and the department's names and logo, set in
 * the report settings (global `report-settings`): on the login page, in the header above every
 * admin page and at the end of every page title. Changed in the admin's own settings form, the new
 * names show on the next page.
 */
import type { Payload } from 'payload'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '@/server'
import { adminLogin, launchBrowser } from '../helpers/browser'
import { createUnit, createUser, fileOf, pngBuffer } from '../helpers/fixtures'
import { stopTestServer, testServer } from '../helpers/server'

let server: RunningServer
let payload: Payload
let base: string
let browser: Browser
let manager: Record<string, any>
let logoUrl: string

beforeAll(async () => {
  server = await testServer()
  payload = server.payload
  base = server.url
  browser = await launchBrowser()
  const unit = await createUnit(payload, 'Sở Khoa học và Công nghệ', 'department')
  manager = await createUser(payload, 'campaign-manager', unit.id)
  const logo = await payload.create({
    collection: 'media',
    data: {
      alt: 'Biểu trưng Sở Khoa học và Công nghệ',
      credit: 'Sở Khoa học và Công nghệ',
      ownerUnit: unit.id,
    } as never,
    file: fileOf(await pngBuffer(400, 400), 'logo-so.png', 'image/png'),
    overrideAccess: true,
  })
  logoUrl = (logo.sizes as { thumbnail?: { url?: string } })?.thumbnail?.url ?? logo.url!
  await payload.updateGlobal({
    slug: 'report-settings',
    data: {
      parentBody: 'UBND TỈNH ĐẮK LẮK',
      issuingBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      logo: logo.id,
    } as never,
    overrideAccess: true,
  })
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await stopTestServer()
})

const newPage = async (): Promise<Page> => {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'vi-VN',
  })
  const page = await context.newPage()
  page.setDefaultTimeout(30_000)
  return page
}

describe('branding set in the report settings', () => {
  it('the login page shows the names and the logo; its title ends with them', async () => {
    const page = await newPage()
    await page.goto(`${base}/admin/login`)
    const logo = page.locator('.cms-brand-logo')
    await expect(logo.locator('.cms-brand-logo__province').textContent()).resolves.toBe(
      'UBND TỈNH ĐẮK LẮK',
    )
    await expect(logo.locator('.cms-brand-logo__department').textContent()).resolves.toBe(
      'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
    )
    const img = logo.locator('img')
    expect(await img.getAttribute('alt')).toBe('Biểu trưng Sở Khoa học và Công nghệ')
    expect(await img.getAttribute('src')).toBe(logoUrl)
    // The logo file itself is served to a visitor not yet signed in.
    await page.waitForFunction(() => {
      const el = document.querySelector('.cms-brand-logo img') as HTMLImageElement | null
      return !!el && el.complete && el.naturalWidth > 0
    })
    // Next streams the metadata after the page's first bytes: the title may come a moment later.
    await expect.poll(() => page.title()).toContain('SỞ KHOA HỌC VÀ CÔNG NGHỆ – UBND TỈNH ĐẮK LẮK')
    expect(await page.title()).not.toContain('Payload')
    await page.context().close()
  })

  it('every admin page shows them in its header and its title; a change in the settings form shows on the next page', async () => {
    const page = await newPage()
    await adminLogin(page, base, manager.email, '/admin/globals/report-settings')
    const bar = page.locator('.cms-brand-bar')
    await expect(bar.textContent()).resolves.toContain('SỞ KHOA HỌC VÀ CÔNG NGHỆ')
    await expect(bar.textContent()).resolves.toContain('UBND TỈNH ĐẮK LẮK')
    expect(await page.locator('.step-nav img').first().getAttribute('src')).toBe(logoUrl)
    await expect.poll(() => page.title()).toContain('SỞ KHOA HỌC VÀ CÔNG NGHỆ – UBND TỈNH ĐẮK LẮK')

    // The province renames its department: typed in the admin, saved, seen on the next page.
    const field = page.locator('#field-issuingBody')
    await field.fill('SỞ KHOA HỌC, CÔNG NGHỆ VÀ CHUYỂN ĐỔI SỐ')
    await page.getByRole('button', { name: 'Lưu' }).first().click()
    await page
      .locator('.payload-toast-container')
      .getByText(/thành công/i)
      .waitFor()
    await page.goto(`${base}/admin/collections/articles`)
    await expect(page.locator('.cms-brand-bar').textContent()).resolves.toContain(
      'SỞ KHOA HỌC, CÔNG NGHỆ VÀ CHUYỂN ĐỔI SỐ',
    )
    await expect.poll(() => page.title()).toContain(
      'SỞ KHOA HỌC, CÔNG NGHỆ VÀ CHUYỂN ĐỔI SỐ – UBND TỈNH ĐẮK LẮK',
    )
    const stored = await payload.findGlobal({ slug: 'report-settings', overrideAccess: true })
    expect(stored.issuingBody).toBe('SỞ KHOA HỌC, CÔNG NGHỆ VÀ CHUYỂN ĐỔI SỐ')

    // And on the login page, after signing out.
    await page.context().clearCookies()
    await page.goto(`${base}/admin/login`)
    await expect(page.locator('.cms-brand-logo__department').textContent()).resolves.toBe(
      'SỞ KHOA HỌC, CÔNG NGHỆ VÀ CHUYỂN ĐỔI SỐ',
    )
    await page.context().close()
  })
})
