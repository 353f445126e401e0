/**
 * The admin as a daily tool, in Chromium with an English browser at 1366 px (issue 19): the
 * campaign manager's "Việc cần làm" shows the publication waiting for approval and leads to it;
 * the calendar, reports and export are one click away without opening the navigation; "Duyệt" on
 * the publication approves it and its approval time reads dd/MM/yyyy HH:mm; the campaign budget
 * reads 1.450.000.000 and takes a grouped number typed back; a past time over REST is refused in
 * Vietnamese even when the client asks for English; axe finds nothing serious on the new blocks.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '@/server'
import { adminLogin, openPage, endE2e } from '../helpers/browser'
import { PASSWORD, createUnit, createUser } from '../helpers/fixtures'
import { testServer } from '../helpers/server'

let server: RunningServer
let browser: Browser
let page: Page
let managerEmail: string
let editorEmail: string
const ids: Record<string, string> = {}

beforeAll(async () => {
  server = await testServer()
  const { payload } = server
  const unitA = String((await createUnit(payload, 'Báo Tây Ninh')).id)
  const unitB = String((await createUnit(payload, 'Đài PT-TH Tây Ninh', 'radio-tv')).id)
  managerEmail = (await createUser(payload, 'campaign-manager', null)).email as string
  const editor = await createUser(payload, 'editor', unitA)
  editorEmail = editor.email as string
  const channel = await payload.create({
    collection: 'channels',
    data: { name: 'Kênh của Đài', kind: 'feed', ownerUnit: unitB } as never,
    overrideAccess: true,
  })
  ids.channel = String(channel.id)
  const article = await payload.create({
    collection: 'articles',
    data: { title: 'Ngày hội chuyển đổi số', ownerUnit: unitA, _status: 'published' } as never,
    overrideAccess: true,
  })
  ids.article = String(article.id)
  const waiting = await payload.create({
    collection: 'publications',
    user: editor,
    overrideAccess: false,
    data: {
      channel: channel.id,
      content: { relationTo: 'articles', value: article.id },
      scheduledAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
    } as never,
  })
  ids.publication = String(waiting.id)
  const campaign = await payload.create({
    collection: 'campaigns',
    data: {
      name: 'Chiến dịch thử',
      startsOn: '2026-01-01T00:00:00+07:00',
      endsOn: '2026-12-31T00:00:00+07:00',
      budgets: [{ year: 2026, planned: 1_450_000_000, spent: 17_140 }],
      leadUnit: unitA,
    } as never,
    overrideAccess: true,
  })
  ids.campaign = String(campaign.id)
  ;({ browser, page } = await openPage({
    viewport: { width: 1366, height: 900 },
    locale: 'en-US',
    // An English browser in Vietnam: the admin shows times in the browser's zone, so on a UTC
    // machine between 17:00 and 24:00 the day would differ from Vietnam's.
    timezoneId: 'Asia/Ho_Chi_Minh',
    extraHTTPHeaders: { 'accept-language': 'en-US,en;q=0.9' },
  }))
}, 300_000)

afterAll(() => endE2e('admin-daily', browser, page))

const stored = () =>
  server.payload.findByID({
    collection: 'publications',
    id: ids.publication,
    depth: 0,
    overrideAccess: true,
  })

describe('the admin as a daily tool', () => {
  it("the manager's dashboard says what waits, with the everyday views in reach at 1366 px", async () => {
    await adminLogin(page, server.url, managerEmail, '/admin')
    const approvals = page.locator('[data-todo="approvals"]')
    await approvals.waitFor()
    await expect(approvals.innerText()).resolves.toMatch(/1\s*Lịch đăng chờ duyệt/)
    for (const id of ['go-calendar', 'go-reports', 'go-export', 'go-submissions']) {
      const box = await page.locator(`#${id}`).boundingBox()
      expect(box, id).not.toBeNull()
      expect(box!.x + box!.width, id).toBeLessThanOrEqual(1366)
      expect(box!.y, id).toBeLessThan(900)
    }
    // The worker table is for admins only.
    expect(await page.locator('.cms-dispatch table').count()).toBe(0)
    const axe = await new AxeBuilder({ page })
      .include('.cms-todo')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze()
    expect(
      axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id),
    ).toEqual([])
  })

  it('"Duyệt" on the publication approves it; its approval time reads dd/MM/yyyy HH:mm in an English browser', async () => {
    await page.locator('[data-todo="approvals"] a').click()
    await page.waitForURL(/collections\/publications\?/)
    await page.locator('#bulk-approval').waitFor()
    await page.goto(`${server.url}/admin/collections/publications/${ids.publication}`)
    await page.getByRole('button', { name: 'Duyệt', exact: true }).click()
    await expect.poll(async () => (await stored()).status, { timeout: 20_000 }).toBe('scheduled')
    await page.locator('#publication-approval-title').waitFor({ state: 'detached' })
    const approvedAt = page
      .locator(
        '#field-approval__approvedAt input, .field-type.date:has-text("Thời điểm duyệt") input',
      )
      .first()
    await approvedAt.waitFor()
    const shown = await approvedAt.inputValue()
    expect(shown).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)
    const day = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).format(new Date((await stored()).approval!.approvedAt!))
    expect(shown.slice(0, 10)).toBe(day)
    // Technical details are for admins.
    expect(await page.getByText('Khoá chống gửi trùng').count()).toBe(0)
    expect(await page.getByRole('link', { name: 'API', exact: true }).count()).toBe(0)
  })

  it('the campaign budget reads 1.450.000.000 and takes a grouped number back', async () => {
    await page.goto(`${server.url}/admin/collections/campaigns/${ids.campaign}`)
    const planned = page.locator('#field-budgets__0__planned')
    await planned.waitFor()
    expect(await planned.inputValue()).toBe('1.450.000.000')
    expect(await page.locator('#field-budgets__0__spent').inputValue()).toBe('17.140')
    await planned.fill('2.300.500.000')
    await planned.blur()
    await page.keyboard.press('Control+s')
    await expect
      .poll(
        async () =>
          (
            await server.payload.findByID({
              collection: 'campaigns',
              id: ids.campaign,
              overrideAccess: true,
            })
          ).budgets?.[0]?.planned,
        { timeout: 20_000 },
      )
      .toBe(2_300_500_000)
  })

  it('a past time over REST is refused in Vietnamese, even to a client asking for English', async () => {
    const login = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: editorEmail, password: PASSWORD }),
    })
    const { token } = (await login.json()) as { token: string }
    const res = await fetch(`${server.url}/api/publications`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': 'en-US',
        authorization: `JWT ${token}`,
      },
      body: JSON.stringify({
        channel: ids.channel,
        content: { relationTo: 'articles', value: ids.article },
        scheduledAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
      }),
    })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { errors: { message: string }[] }
    expect(body.errors[0].message).toMatch(/^Thời điểm đăng .* đã qua/)
    expect(body.errors[0].message).not.toMatch(/invalid|following/i)
  })
})
