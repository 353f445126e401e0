/**
 * The public forms in Chromium at 375 px on the real server (issue 23): an attendee checks in and a
 * citizen answers a survey with JavaScript off; both pages pass axe (WCAG 2.1 A/AA: no serious or
 * critical violation) before and after and weigh under 50 KB; the counts reach the event, and the
 * survey's results show on its admin page (charts, the share with its margin, the communes).
 */
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '@/server'
import { checkInCounts } from '@/checkIn/counts'
import { STANDARD_QUESTIONS } from '../../scripts/seed-data/surveys'
import { adminLogin, launchBrowser } from '../helpers/browser'
import { createUnit, createUser } from '../helpers/fixtures'
import { stopTestServer, testServer } from '../helpers/server'

let server: RunningServer
let browser: Browser
let page: Page
let scripted: Page
let eventId: string
let code: string
let surveyId: string
let surveyCode: string
let managerEmail: string

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
  managerEmail = (await createUser(payload, 'campaign-manager', organiser.id)).email as string
  const survey = await payload.create({
    collection: 'surveys',
    data: {
      title: 'Khảo sát nhận thức về dịch vụ công trực tuyến (e2e)',
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      ownerUnit: organiser.id,
      questions: STANDARD_QUESTIONS,
    } as never,
    overrideAccess: true,
  })
  surveyId = String(survey.id)
  surveyCode = survey.code as string
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

describe('a survey at 375 px', () => {
  it('is answered with JavaScript off, under 50 KB, once per phone', async () => {
    const response = await page.goto(`${server.url}/khao-sat/${surveyCode}`)
    expect(response!.status()).toBe(200)
    expect((await response!.body()).length).toBeLessThan(50 * 1024)
    const yes = (n: number) =>
      page.getByRole('group', { name: new RegExp(`^${n}\\.`) }).getByLabel('Có')
    await yes(1).check()
    await yes(2).check()
    await page.getByRole('group', { name: /^3\./ }).getByLabel('Không').check()
    await yes(4).check()
    await page.getByLabel('Xã, phường nơi bạn sống').selectOption({ label: 'Xã Hòa Thành (e2e)' })
    await page.getByLabel('Từ 40 đến 59 tuổi').check()
    await page.getByRole('button', { name: 'Gửi phiếu' }).click()
    await page.waitForLoadState()
    expect(await page.getByRole('status').textContent()).toContain('phiếu khảo sát đã được gửi')
    await page.goto(`${server.url}/khao-sat/${surveyCode}`)
    expect(await page.getByRole('status').textContent()).toContain('đã gửi phiếu khảo sát này')
  })

  it('passes axe on the form, on a refusal and on the answer', async () => {
    await scripted.goto(`${server.url}/khao-sat/${surveyCode}`)
    expect(await scripted.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    )
    expect(await serious(scripted)).toEqual([])
    // Sent with question 1 unanswered (the browser's own check skipped): refused, and said.
    await scripted.evaluate(() => document.querySelector('form')!.setAttribute('novalidate', ''))
    await scripted.getByRole('button', { name: 'Gửi phiếu' }).click()
    await scripted.waitForLoadState()
    expect(await scripted.getByRole('alert').textContent()).toContain('Vui lòng chọn')
    expect(await serious(scripted)).toEqual([])
    for (const n of [1, 2, 3, 4])
      await scripted
        .getByRole('group', { name: new RegExp(`^${n}\\.`) })
        .getByLabel('Không')
        .check()
    await scripted
      .getByLabel('Xã, phường nơi bạn sống')
      .selectOption({ label: 'Phường Long Hoa (e2e)' })
    await scripted.getByRole('button', { name: 'Gửi phiếu' }).click()
    await scripted.waitForLoadState()
    expect(await scripted.getByRole('status').textContent()).toContain('phiếu khảo sát đã được gửi')
    expect(await serious(scripted)).toEqual([])
  })

  it("shows the results on the survey's admin page: 1 of 2 knows and can use, per commune", async () => {
    const admin = await (
      await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' })
    ).newPage()
    admin.setDefaultTimeout(60_000)
    await adminLogin(admin, server.url, managerEmail, `/admin/collections/surveys/${surveyId}`)
    const headline = admin.locator('#survey-headline')
    await expect.poll(() => headline.textContent()).toContain('2 phiếu')
    // 1 of 2: 50 %, ± 1.96 × √(0.25 / 2) = 69.3 points.
    expect(await headline.textContent()).toMatch(/50 %.*± 69,3 điểm %/)
    const rows = admin.locator('#survey-communes tbody tr')
    expect(await rows.allTextContents()).toEqual([
      expect.stringMatching(/^Phường Long Hoa \(e2e\)1.*0.*0 %/),
      expect.stringMatching(/^Xã Hòa Thành \(e2e\)1.*1.*100 %/),
    ])
    expect(await admin.locator('#survey-link').getAttribute('href')).toContain(
      `/khao-sat/${surveyCode}`,
    )
    await admin.close()
  })
})
