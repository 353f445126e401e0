/**
 * The planning views in Chromium, as a campaign manager: the dispatcher widget on the dashboard,
 * the publication calendar (with its filters) and the multi-channel scheduling form.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatDay, vnDayKey } from '@/lib/time'
import type { RunningServer } from '@/server'
import { adminLogin, navTo as openNav, openPage, endE2e } from '../helpers/browser'
import { PASSWORD, createUnit, createUser } from '../helpers/fixtures'
import { testServer } from '../helpers/server'

let server: RunningServer
let browser: Browser
let page: Page
let managerEmail: string
let editorEmail: string
const ids: Record<string, string> = {}
const shots = path.resolve(__dirname, '../../test-results')
const shot = (name: string) => page.screenshot({ path: path.join(shots, name), fullPage: true })

const navTo = (id: string) => openNav(page, id)

const tomorrow = vnDayKey(Date.now() + 24 * 3600_000)
const today = vnDayKey(new Date())

beforeAll(async () => {
  server = await testServer()
  const { payload } = server
  const department = String(
    (await createUnit(payload, 'Sở Thông tin và Truyền thông', 'department')).id,
  )
  const newspaper = String((await createUnit(payload, 'Báo Bình Phước')).id)
  managerEmail = (await createUser(payload, 'campaign-manager', department)).email as string
  editorEmail = (await createUser(payload, 'editor', newspaper)).email as string
  const channel = async (name: string, extra: Record<string, unknown> = {}) =>
    String(
      (
        await payload.create({
          collection: 'channels',
          data: { name, kind: 'feed', ownerUnit: department, ...extra } as never,
          overrideAccess: true,
        })
      ).id,
    )
  ids.portal = await channel('Cổng thông tin điện tử tỉnh')
  ids.page = await channel('Chuyên trang Chuyển đổi số', { kind: 'web-page', openToAllUnits: true })
  ids.videos = await channel('Kênh video tỉnh', { limits: { acceptedTypes: ['videos'] } })
  const article = async (title: string) =>
    String(
      (
        await payload.create({
          collection: 'articles',
          data: { title, ownerUnit: newspaper, _status: 'published', sapo: 'Tóm tắt bài' } as never,
          overrideAccess: true,
        })
      ).id,
    )
  ids.planned = await article('Ngày hội chuyển đổi số cấp xã')
  ids.toSchedule = await article('Hướng dẫn thanh toán học phí không dùng tiền mặt')
  ids.editorArticle = await article('Bình dân học vụ số: lớp học tại nhà văn hóa ấp')
  await payload.create({
    collection: 'articles',
    data: {
      title: 'Bình dân học vụ số: tin của Sở',
      ownerUnit: department,
      _status: 'published',
    } as never,
    overrideAccess: true,
  })
  ids.campaign = String(
    (
      await payload.create({
        collection: 'campaigns',
        data: {
          name: 'Tháng cao điểm Ngày Chuyển đổi số',
          planReference: '1155/QĐ-UBND',
          startsOn: '2026-01-01T00:00:00.000Z',
          endsOn: '2027-12-31T00:00:00.000Z',
          leadUnit: department,
        } as never,
        overrideAccess: true,
      })
    ).id,
  )
  // Tomorrow 09:30, Vietnam time, on the portal.
  await payload.create({
    collection: 'publications',
    data: {
      content: { relationTo: 'articles', value: ids.planned },
      channel: ids.portal,
      scheduledAt: `${tomorrow}T09:30:00.000+07:00`,
      campaign: ids.campaign,
    } as never,
    overrideAccess: true,
  })

  ;({ browser, page } = await openPage({
    locale: 'en-US',
    viewport: { width: 1440, height: 1000 },
  }))
  fs.mkdirSync(shots, { recursive: true })
})

afterAll(() => endE2e('calendar', browser, page))

describe('planning views in Chromium', () => {
  it('the scheduling endpoint turns anonymous requests away', async () => {
    const res = await fetch(`${server.url}/api/schedule-publications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        content: { relationTo: 'articles', value: ids.toSchedule },
        channels: [ids.portal],
        publishNow: true,
      }),
    })
    expect(res.status).toBe(401)
    expect(((await res.json()) as { errors: { message: string }[] }).errors[0].message).toBe(
      'Bạn cần đăng nhập để lên lịch đăng.',
    )
  })

  it('logs in as a campaign manager; the dashboard warns that no dispatcher runs', async () => {
    await page.goto(`${server.url}/admin/calendar`)
    // Custom views check the session themselves: back to the login page, then here again.
    await page.waitForURL(/\/admin\/login\?redirect=/)
    await page.locator('input[name="email"]').fill(managerEmail)
    await page.locator('input[name="password"]').fill(PASSWORD)
    await page.getByRole('button', { name: 'Đăng nhập' }).click()
    await page.waitForURL(`${server.url}/admin/calendar`)
    await page.getByRole('heading', { name: 'Lịch đăng', level: 1 }).waitFor()

    await page.goto(`${server.url}/admin`)
    const widget = page.locator('.cms-dispatch')
    await widget.getByRole('heading', { name: 'Bộ điều phối' }).waitFor()
    await expect(widget.getByRole('alert').textContent()).resolves.toContain(
      'Không có bộ điều phối nào hoạt động trong 1 phút qua',
    )
    await widget.scrollIntoViewIfNeeded()
    await shot('dashboard-no-worker.png')
  })

  it('shows each worker with its state, queue and oldest overdue item', async () => {
    const now = Date.now()
    const beat = (workerId: string, lastTick: number, extra: Record<string, unknown> = {}) =>
      server.payload.create({
        collection: 'worker-heartbeats',
        data: {
          workerId,
          hostname: 'may-chu-1',
          pid: 4242,
          startedAt: new Date(now - 3600_000).toISOString(),
          lastTickAt: new Date(lastTick).toISOString(),
          queueDepth: 0,
          sent: 0,
          failed: 0,
          ...extra,
        } as never,
        overrideAccess: true,
      })
    await beat('worker-song', now - 5_000, {
      queueDepth: 3,
      oldestOverdueAt: new Date(now - 12 * 60_000).toISOString(),
      sent: 57,
      failed: 2,
    })
    await beat('worker-cu', now - 30 * 60_000)
    await beat('worker-da-dung', now - 90 * 60_000, {
      stoppedAt: new Date(now - 90 * 60_000).toISOString(),
    })

    // A campaign manager sees whether sending works, not the workers' technical table.
    await page.reload()
    const summary = page.locator('.cms-dispatch')
    await expect(summary.textContent()).resolves.toContain('1 bộ điều phối đang chạy')
    expect(await summary.locator('table').count()).toBe(0)
    const admin = await createUser(server.payload, 'admin')
    await adminLogin(page, server.url, admin.email as string, '/admin')
    const widget = page.locator('.cms-dispatch')
    await widget.locator('tr[data-worker="worker-song"]').waitFor()
    expect(await widget.getByRole('alert').count()).toBe(0)
    await expect(widget.textContent()).resolves.toContain('1 bộ điều phối đang chạy')
    const alive = widget.locator('tr[data-worker="worker-song"]')
    await expect(alive.textContent()).resolves.toMatch(
      /Đang chạy.*giây trước.*3.*trễ 12 phút.*57 \/ 2/,
    )
    await expect(widget.locator('tr[data-worker="worker-cu"]').textContent()).resolves.toContain(
      'Mất tín hiệu',
    )
    await expect(
      widget.locator('tr[data-worker="worker-da-dung"]').textContent(),
    ).resolves.toContain('Đã dừng')
    await widget.scrollIntoViewIfNeeded()
    await shot('dashboard-dispatcher.png')
    // The rest of the file works as the campaign manager again.
    await adminLogin(page, server.url, managerEmail, '/admin')
  })

  it('shows the publication on its day in the month calendar, and filters by channel', async () => {
    await navTo('nav-calendar')
    await page.waitForURL(`${server.url}/admin/calendar`)
    await page.getByRole('heading', { name: 'Lịch đăng', level: 1 }).waitFor()
    if (tomorrow.slice(0, 7) !== today.slice(0, 7)) {
      await page.getByRole('link', { name: 'Tháng sau' }).click()
      await page.waitForURL(/date=/)
    }
    const day = page.locator(`[data-day="${tomorrow}"]`)
    const entry = day.getByRole('link', { name: /Ngày hội chuyển đổi số cấp xã/ })
    await entry.waitFor()
    await expect(entry.textContent()).resolves.toContain('09:30')
    expect(await entry.getAttribute('data-status')).toBe('scheduled')
    expect(await entry.getAttribute('href')).toMatch(
      /\/admin\/collections\/publications\/[0-9a-f-]+$/,
    )
    await shot('calendar-month.png')

    // Another channel: the entry is gone, and the filter is in the link.
    await page.locator('#cal-filter-channel').selectOption({ label: 'Chuyên trang Chuyển đổi số' })
    await page.getByRole('button', { name: 'Lọc' }).click()
    await page.waitForURL(new RegExp(`channel=${ids.page}`))
    await page.getByText('Không có mục nào khớp bộ lọc').waitFor()
    expect(await page.locator(`[data-day="${tomorrow}"] .cms-cal__entry`).count()).toBe(0)

    await page.locator('#cal-filter-channel').selectOption({ label: 'Cổng thông tin điện tử tỉnh' })
    await page.getByRole('button', { name: 'Lọc' }).click()
    await page.waitForURL(new RegExp(`channel=${ids.portal}`))
    await page
      .locator(`[data-day="${tomorrow}"]`)
      .getByRole('link', { name: /Ngày hội chuyển đổi số cấp xã/ })
      .waitFor()

    // The week view keeps the filter.
    await page.getByRole('link', { name: 'Tuần', exact: true }).click()
    await page.waitForURL(/view=week/)
    expect(page.url()).toContain(`channel=${ids.portal}`)
    const title = page.locator('.cms-cal__title')
    const thisWeek = await title.textContent()
    await page.getByRole('link', { name: 'Tuần sau' }).click()
    await page.waitForFunction(
      (before) => document.querySelector('.cms-cal__title')?.textContent !== before,
      thisWeek,
    )
    expect(page.url()).toContain(`channel=${ids.portal}`)
    await page.getByRole('link', { name: 'Tuần trước' }).click()
    await page.waitForFunction(
      (before) => document.querySelector('.cms-cal__title')?.textContent === before,
      thisWeek,
    )
    await page.getByRole('link', { name: 'Hôm nay' }).click()
    await page.waitForURL(new RegExp(`date=${today}`))
    await page.locator(`[data-day="${today}"] .cms-cal__today`).waitFor()
  })

  it('schedules an article to two channels at once, reports a refusal per channel without losing the form, and shows them on the calendar', async () => {
    await navTo('nav-schedule')
    await page.waitForURL(`${server.url}/admin/schedule`)
    await page.getByRole('heading', { name: 'Lên lịch nhiều kênh', level: 1 }).waitFor()

    await page.locator('#schedule-search').fill('học phí')
    await page
      .locator('#schedule-content option', { hasText: 'Hướng dẫn thanh toán học phí' })
      .waitFor({ state: 'attached' })
    await page
      .locator('#schedule-content')
      .selectOption({ label: 'Hướng dẫn thanh toán học phí không dùng tiền mặt' })
    await page.getByRole('checkbox', { name: /Cổng thông tin điện tử tỉnh/ }).check()
    await page.getByRole('checkbox', { name: /Kênh video tỉnh/ }).check()
    // The picker reads dd/MM/yyyy HH:mm whatever the browser's language.
    await page.locator('#schedule-when').fill(`${formatDay(tomorrow)} 10:15`)
    await page.locator('#schedule-when').press('Escape')
    await page.locator('#schedule-message').fill('Phụ huynh nộp học phí qua ứng dụng ngân hàng')
    await page.locator('#schedule-hashtags').fill('#chuyendoiso, #khongtienmat')
    await page
      .locator('#schedule-campaign')
      .selectOption({ label: 'Tháng cao điểm Ngày Chuyển đổi số (1155/QĐ-UBND)' })

    // The video channel refuses an article: nothing is created, and the form keeps every value.
    await page.getByRole('button', { name: /Lên lịch/ }).click()
    const errors = page.locator('#schedule-errors')
    await errors.waitFor()
    await expect(errors.textContent()).resolves.toMatch(
      /Kênh video tỉnh: Kênh "Kênh video tỉnh" không nhận loại nội dung "Tin, bài"/,
    )
    await shot('schedule-refused.png')
    const stored = () =>
      server.payload.count({
        collection: 'publications',
        where: { 'content.value': { equals: ids.toSchedule } },
        overrideAccess: true,
      })
    expect((await stored()).totalDocs).toBe(0)
    expect(await page.locator('#schedule-message').inputValue()).toBe(
      'Phụ huynh nộp học phí qua ứng dụng ngân hàng',
    )
    expect(await page.locator('#schedule-when').inputValue()).toBe(`${formatDay(tomorrow)} 10:15`)
    expect(
      await page.getByRole('checkbox', { name: /Cổng thông tin điện tử tỉnh/ }).isChecked(),
    ).toBe(true)

    await page.getByRole('checkbox', { name: /Kênh video tỉnh/ }).uncheck()
    await page.getByRole('checkbox', { name: /Chuyên trang Chuyển đổi số/ }).check()
    // The article is already live on the page: a later page time would hide it until then. The
    // form says so before sending, and the server refuses until the editor confirms.
    const hides = page.locator('#schedule-hides-live')
    await expect(hides.textContent()).resolves.toMatch(
      /Nội dung này đang hiện trên chuyên trang\..*ẩn nó khỏi chuyên trang cho đến giờ đăng/,
    )
    await page.getByRole('button', { name: /Lên lịch/ }).click()
    await expect(errors.textContent()).resolves.toMatch(
      /Chuyên trang Chuyển đổi số: "Hướng dẫn thanh toán học phí không dùng tiền mặt" đang hiện trên chuyên trang/,
    )
    expect((await stored()).totalDocs).toBe(0)
    await page
      .getByRole('checkbox', { name: 'Tôi hiểu, ẩn nội dung khỏi chuyên trang cho đến giờ đăng' })
      .check()
    await page.getByRole('button', { name: /Lên lịch/ }).click()
    const created = page.locator('#schedule-created')
    await created.waitFor()
    await expect(created.textContent()).resolves.toContain('Đã tạo 2 lịch đăng.')
    expect(
      await created.getByRole('link', { name: 'Cổng thông tin điện tử tỉnh' }).getAttribute('href'),
    ).toMatch(/\/admin\/collections\/publications\//)
    await expect(created.textContent()).resolves.toMatch(/Đã lên lịch.*10:15/)
    await shot('schedule-created.png')

    const docs = (
      await server.payload.find({
        collection: 'publications',
        where: { 'content.value': { equals: ids.toSchedule } },
        depth: 0,
        overrideAccess: true,
      })
    ).docs as Record<string, any>[]
    expect(docs.map((d) => String(d.channel)).sort()).toEqual([ids.portal, ids.page].sort())
    for (const d of docs) {
      expect(d.status).toBe('scheduled')
      expect(new Date(d.scheduledAt).toISOString()).toBe(
        new Date(`${tomorrow}T10:15:00+07:00`).toISOString(),
      )
      expect(d.hashtags).toEqual(['#chuyendoiso', '#khongtienmat'])
      expect(String(d.campaign)).toBe(ids.campaign)
    }

    // On the calendar (week of that day): both new entries next to the earlier one.
    await created.getByRole('link', { name: 'Xem trên lịch đăng' }).click()
    await page.waitForURL(/\/admin\/calendar\?view=week/)
    const day = page.locator(`[data-day="${tomorrow}"]`)
    await day
      .getByRole('link', { name: /Hướng dẫn thanh toán học phí/ })
      .first()
      .waitFor()
    expect(await day.getByRole('link', { name: /Hướng dẫn thanh toán học phí/ }).count()).toBe(2)
    expect(await day.getByRole('link', { name: /Ngày hội chuyển đổi số cấp xã/ }).count()).toBe(1)
    await shot('calendar-week.png')
  })

  it("lets an editor schedule on another unit's channel, which then waits for approval", async () => {
    await page.context().clearCookies()
    await page.goto(`${server.url}/admin/schedule`)
    await page.waitForURL(/\/admin\/login\?redirect=/)
    await page.locator('input[name="email"]').fill(editorEmail)
    await page.locator('input[name="password"]').fill(PASSWORD)
    await page.getByRole('button', { name: 'Đăng nhập' }).click()
    await page.waitForURL(`${server.url}/admin/schedule`)

    const portal = page.locator('.cms-channel', { hasText: 'Cổng thông tin điện tử tỉnh' })
    await portal.getByText('Cần duyệt').waitFor()
    expect(
      await page
        .locator('.cms-channel', { hasText: 'Chuyên trang Chuyển đổi số' })
        .getByText('Cần duyệt')
        .count(),
    ).toBe(0)

    // Only the editor's own unit's content is offered.
    await page.locator('#schedule-search').fill('Bình dân học vụ số')
    await page
      .locator('#schedule-content option', { hasText: 'lớp học tại nhà văn hóa ấp' })
      .waitFor({ state: 'attached' })
    expect(await page.locator('#schedule-content option', { hasText: 'tin của Sở' }).count()).toBe(
      0,
    )
    await page
      .locator('#schedule-content')
      .selectOption({ label: 'Bình dân học vụ số: lớp học tại nhà văn hóa ấp' })
    await portal.getByRole('checkbox').check()
    await page.getByRole('checkbox', { name: /Chuyên trang Chuyển đổi số/ }).check()
    await page.locator('#schedule-now').check()
    await page.getByRole('button', { name: /Lên lịch/ }).click()
    const created = page.locator('#schedule-created')
    await created.waitFor()
    await expect(
      created.locator('li', { hasText: 'Cổng thông tin điện tử tỉnh' }).textContent(),
    ).resolves.toContain('Chờ duyệt')
    await expect(
      created.locator('li', { hasText: 'Chuyên trang Chuyển đổi số' }).textContent(),
    ).resolves.toContain('Đã lên lịch')
    await shot('schedule-editor.png')
    const statuses = (
      await server.payload.find({
        collection: 'publications',
        where: { 'content.value': { equals: ids.editorArticle } },
        depth: 0,
        overrideAccess: true,
      })
    ).docs.map((d) => [String(d.channel), d.status])
    expect(Object.fromEntries(statuses)).toEqual({
      [ids.portal]: 'awaiting-approval',
      [ids.page]: 'scheduled',
    })
  })
})
