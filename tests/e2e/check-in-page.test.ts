/**
 * The check-in page in Chromium at 375 px on the real server (issue 23): an attendee checks in
 * with JavaScript off, the page passes axe (WCAG 2.1 A/AA: no serious or critical violation) before
 * and after, weighs under 50 KB, and the organiser's event then shows the count beside the figures
 * typed in.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '@/server'
import { checkInCounts } from '@/checkIn/counts'
import { launchBrowser } from '../helpers/browser'
import { createUnit } from '../helpers/fixtures'
import { stopTestServer, testServer } from '../helpers/server'

let server: RunningServer
let browser: Browser
let page: Page
let scripted: Page
let eventId: string
let code: string

beforeAll(async () => {
  server = await testServer()
  const { payload } = server
  const organiser = await createUnit(payload, 'Sở Khoa học và Công nghệ (e2e)', 'department')
  for (const name of ['Phường Long Hoa (e2e)', 'Xã Hòa Thành (e2e)'])
    await createUnit(payload, name, 'commune')
  const event = await payload.create({
    collection: 'events',
    data: {
      title: 'Ngày hội chuyển đổi số cấp xã',
      kind: 'dx-day',
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      venue: 'Nhà văn hóa phường Long Hoa',
      status: 'planned',
      ownerUnit: organiser.id,
    } as never,
    overrideAccess: true,
  })
  eventId = event.id as string
  code = event.checkIn!.code!
  browser = await launchBrowser()
  const context = await browser.newContext({
    viewport: { width: 375, height: 740 },
    javaScriptEnabled: false,
    locale: 'vi-VN',
  })
  page = await context.newPage()
  // axe runs as a script in the page: a second phone with JavaScript on, for the checks.
  scripted = await (
    await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'vi-VN' })
  ).newPage()
})

afterAll(async () => {
  await browser?.close()
  await stopTestServer()
})

async function serious(p: Page) {
  const result = await new AxeBuilder({ page: p })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }))
}

describe('the check-in page at 375 px', () => {
  it('checks an attendee in with JavaScript off, under 50 KB, nothing wider than the phone', async () => {
    const response = await page.goto(`${server.url}/diem-danh/${code}`)
    expect(response!.status()).toBe(200)
    expect((await response!.body()).length).toBeLessThan(50 * 1024)
    await page.getByLabel('Người dân').check()
    await page
      .getByLabel('Xã, phường nơi bạn sống hoặc làm việc')
      .selectOption({ label: 'Xã Hòa Thành (e2e)' })
    await page.getByLabel('Từ 25 đến 39 tuổi').check()
    await page.getByRole('button', { name: 'Điểm danh' }).click()
    await page.waitForLoadState()
    expect(await page.getByRole('status').textContent()).toContain('đã điểm danh thành công')

    // The same phone again: told, not counted twice.
    await page.goto(`${server.url}/diem-danh/${code}`)
    expect(await page.getByRole('status').textContent()).toContain('đã điểm danh cho sự kiện này')
    const counts = await checkInCounts(server.payload, eventId)
    expect(counts.total).toBe(1)
    expect(counts.byGroup.citizens).toBe(1)
  })

  it('passes axe on the form and on the answer', async () => {
    await scripted.goto(`${server.url}/diem-danh/${code}`)
    expect(await scripted.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    )
    expect(await serious(scripted)).toEqual([])
    await scripted.getByLabel('Học sinh, sinh viên').check()
    await scripted
      .getByLabel('Xã, phường nơi bạn sống hoặc làm việc')
      .selectOption({ label: 'Phường Long Hoa (e2e)' })
    await scripted.getByRole('button', { name: 'Điểm danh' }).click()
    await scripted.waitForLoadState()
    expect(await scripted.getByRole('status').textContent()).toContain('đã điểm danh thành công')
    expect(await serious(scripted)).toEqual([])
    expect((await checkInCounts(server.payload, eventId)).byGroup.students).toBe(1)
  })
})
