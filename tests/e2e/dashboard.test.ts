/**
 * The reports page in Chromium: a campaign manager opens /admin/reports for a year with known data
 * (built by the rollup engine from the small dataset below), the counters, the charts' rendered
 * labels and their tables show the hand-computed numbers, a drill-down link opens a list with as
 * many rows as the figure says, the rebuild button shows its progress; an editor of another unit
 * sees only their unit. Screenshot: test-results/dashboard.png.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rebuildYear } from '@/reporting/engine'
import type { RunningServer } from '@/server'
import { adminLogin, navTo as openNav, openPage, endE2e } from '../helpers/browser'
import { createUnit, createUser } from '../helpers/fixtures'
import { content, publication } from '../helpers/rollup'
import { testServer } from '../helpers/server'

let server: RunningServer
let browser: Browser
let page: Page
let managerEmail: string
let editorEmail: string
const id: Record<string, string> = {}
const YEAR = 2025
const shots = path.resolve(__dirname, '../../test-results')

/*
 * 2025, by hand:
 *   Báo Tây Ninh (U1): articles A1, A2 published in March, A3 in April → articles 3
 *   Đài PT-TH (U2): video V1 published in March → videos 1; content published 4
 *   publications: A1, A2 → web page W in March (U1); V1 → loudspeaker L in May, aired 120 s and 180 s (U2)
 *     → publications 4, broadcasts aired 2 (both loudspeaker), minutes 5
 *   month chart: March articles 2 + videos 1, April articles 1
 *   by channel: W publications 2; L publications 2, aired 2, minutes 5
 *   campaign C (lead: the department): A1 and V1; budget 2025 planned 120,000,000, spent 45,500,000;
 *     target "items published" 8 → 2 of 8 = 25%, behind (2025 is past, so the whole year counts)
 *   U2's editor: content 1, publications 2, broadcasts 2, no budget (not their unit's)
 */
beforeAll(async () => {
  server = await testServer()
  const { payload } = server
  const department = String(
    (await createUnit(payload, 'Sở Thông tin và Truyền thông', 'department')).id,
  )
  id.U1 = String((await createUnit(payload, 'Báo Tây Ninh')).id)
  id.U2 = String(
    (await createUnit(payload, 'Đài Phát thanh và Truyền hình Tây Ninh', 'radio-tv')).id,
  )
  managerEmail = (await createUser(payload, 'campaign-manager', department)).email as string
  editorEmail = (await createUser(payload, 'editor', id.U2)).email as string
  const channel = (name: string, kind: string, ownerUnit: string) =>
    payload.create({
      collection: 'channels',
      data: {
        name,
        kind,
        ownerUnit,
        settings: { url: 'https://chuyendoiso.tayninh.gov.vn' },
      } as never,
      overrideAccess: true,
    })
  id.W = String((await channel('Chuyên trang Chuyển đổi số', 'web-page', id.U1)).id)
  id.L = String((await channel('Loa truyền thanh xã Tân Bình', 'loudspeaker', id.U2)).id)
  id.C = String(
    (
      await payload.create({
        collection: 'campaigns',
        data: {
          name: 'Tuyên truyền chuyển đổi số 2025',
          leadUnit: department,
          startsOn: '2025-01-01T00:00:00+07:00',
          endsOn: '2025-12-31T00:00:00+07:00',
          budgets: [{ year: YEAR, planned: 120_000_000, spent: 45_500_000 }],
          kpiTargets: [{ metric: 'items-published', year: YEAR, target: 8 }],
        } as never,
        overrideAccess: true,
      })
    ).id,
  )
  const article = (title: string, publishedAt: string, campaigns: string[] = []) =>
    content(
      payload,
      'articles',
      { title, ownerUnit: id.U1, campaigns, _status: 'published', publishedAt },
      publishedAt,
    )
  id.A1 = await article('Bình dân học vụ số ở ấp Tân Lập', '2025-03-10T03:00:00.000Z', [id.C])
  id.A2 = await article('Thanh toán không dùng tiền mặt ở chợ Long Hoa', '2025-03-25T03:00:00.000Z')
  id.A3 = await article('Chữ ký số cho hộ kinh doanh', '2025-04-02T03:00:00.000Z')
  id.V1 = await content(
    payload,
    'videos',
    {
      title: 'Phóng sự: Chuyển đổi số cấp xã',
      externalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      ownerUnit: id.U2,
      campaigns: [id.C],
      _status: 'published',
      publishedAt: '2025-03-15T03:00:00.000Z',
    },
    '2025-03-15T03:00:00.000Z',
  )
  for (const a of [id.A1, id.A2]) {
    const at = a === id.A1 ? '2025-03-10T04:00:00.000Z' : '2025-03-25T04:00:00.000Z'
    await publication(payload, {
      content: { relationTo: 'articles', value: a },
      channel: id.W,
      channelKind: 'web-page',
      ownerUnit: id.U1,
      status: 'published',
      scheduledAt: at,
      publishedAt: at,
    })
  }
  for (const [at, seconds] of [
    ['2025-05-06T01:00:00.000Z', 120],
    ['2025-05-07T01:00:00.000Z', 180],
  ] as const) {
    await publication(payload, {
      content: { relationTo: 'videos', value: id.V1 },
      channel: id.L,
      channelKind: 'loudspeaker',
      ownerUnit: id.U2,
      status: 'published',
      scheduledAt: at,
      publishedAt: at,
      airing: { status: 'aired', actualDurationSeconds: seconds },
    })
  }
  await rebuildYear(payload, YEAR)
  // A training plan whose printed subtotal disagrees with its rows (Bến Tre's 2021 row 2: 120 printed, 60 + 60 + 100 = 220).
  id.plan = String(
    (
      await payload.create({
        collection: 'campaigns',
        data: {
          name: 'Kế hoạch đào tạo 2021',
          leadUnit: department,
          startsOn: '2021-01-01T00:00:00+07:00',
          endsOn: '2021-12-31T00:00:00+07:00',
          traineeTargets: [
            { programme: 'leaders', year: 2021, target: 60 },
            { programme: 'dx-staff', year: 2021, target: 60 },
            { programme: 'civil-servants', year: 2021, target: 100 },
          ],
          unitKindNeeds: [{ unitKind: 'newspaper', expertsPerUnit: 2, traineesPerUnit: 15 }],
          typedSubtotals: [{ row: 'short-courses', year: 2021, value: 120 }],
        } as never,
        overrideAccess: true,
      })
    ).id,
  )

  ;({ browser, page } = await openPage({
    locale: 'en-US',
    viewport: { width: 1440, height: 1000 },
  }))
  fs.mkdirSync(shots, { recursive: true })
})

afterAll(() => endE2e('dashboard', browser, page))

const navTo = (id: string) => openNav(page, id)

const login = (email: string, target: string) => adminLogin(page, server.url, email, target)

const counter = (name: string) =>
  page.locator(`[data-counter="${name}"] .cms-report__counter-value`).innerText()
const labels = async (chart: string) =>
  (await page.locator(`[data-chart="${chart}"] .recharts-label-list text`).allTextContents())
    .map((t) => t.trim())
    .filter(Boolean)
    .sort()

describe('the reports page in Chromium', () => {
  it('a campaign manager reaches it from the navigation and picks the year', async () => {
    await login(managerEmail, '/admin/calendar')
    await navTo('nav-reports')
    await page.waitForURL(`${server.url}/admin/reports`)
    await page.getByRole('heading', { name: 'Báo cáo, thống kê', level: 1 }).waitFor()
    await page.locator('#report-filter-year').selectOption(String(YEAR))
    await page.getByRole('button', { name: 'Xem', exact: true }).click()
    await page.waitForURL(new RegExp(`year=${YEAR}`))
    await page.locator('[data-counter="content-published"]').waitFor()
  })

  it('shows the hand-computed counters, chart labels and tables', async () => {
    expect(await counter('content-published')).toBe('4')
    expect(await counter('publications-published')).toBe('4')
    expect(await counter('broadcasts-aired')).toBe('2')
    expect(await counter('broadcast-minutes')).toBe('5')
    expect(await counter('loudspeaker-broadcasts')).toBe('2')
    expect(
      await page.locator('[data-counter="content-published"] [data-part="articles"]').innerText(),
    ).toBe('Tin, bài: 3')
    expect(await counter('budget-planned')).toBe('120.000.000')
    expect(await counter('budget-spent')).toBe('45.500.000')

    // The stacked bars are drawn (recharts' SVG) with their values: March 2 + 1, April 1.
    await page.locator('[data-chart="months"] .recharts-bar-rectangle').first().waitFor()
    expect(await labels('months')).toEqual(['1', '1', '2'])
    expect(await page.locator('[data-chart="months"]').getAttribute('aria-label')).toBe(
      'Tin, bài, sản phẩm đã xuất bản theo tháng: Tháng 3: Tin, bài 2, Video, phát thanh 1; Tháng 4: Tin, bài 1, Video, phát thanh 0. Cả năm: 4.',
    )
    const march = page.locator('[data-table="months"] tr[data-month="3"]')
    expect(await march.locator('[data-type="articles"]').innerText()).toBe('2')
    expect(await march.locator('[data-type="videos"]').innerText()).toBe('1')
    expect(await march.locator('[data-total]').innerText()).toBe('3')

    // By channel: publications W 2, L 2; broadcasts L 2.
    await page.locator('[data-chart="channels"] .recharts-bar-rectangle').first().waitFor()
    expect(await labels('channels')).toEqual(['2', '2', '2'])
    const loud = page.locator(`[data-table="channels"] tr[data-channel="${id.L}"]`)
    expect(await loud.locator('[data-metric="broadcast-minutes"]').innerText()).toBe('5')

    // By unit, sorted by broadcasts aired (descending): U2 (2) before U1 (0).
    await page.locator('[data-table="units"] button[data-sort="broadcasts-aired"]').click()
    expect(
      await page.locator('[data-table="units"] tbody tr').first().getAttribute('data-unit'),
    ).toBe(id.U2)
    expect(
      await page.locator('[data-table="units"] th[aria-sort="descending"]').innerText(),
    ).toContain('Lượt phát sóng')

    // KPI: 2 of 8 items, 25%, behind.
    const kpi = page.locator('[data-table="kpi"] tr[data-kpi="items-published"]')
    expect(await kpi.getAttribute('data-state')).toBe('behind')
    await expect(kpi.innerText()).resolves.toMatch(
      /Tuyên truyền chuyển đổi số 2025\s+Số tin, bài, sản phẩm đã đăng\s+8\s+2\s+25%\s+Chậm tiến độ/,
    )

    await page.screenshot({ path: path.join(shots, 'dashboard.png'), fullPage: true })
  })

  it('a drill-down link opens the list of exactly the rows it counts', async () => {
    const link = page.locator('[data-table="months"] tr[data-month="3"] [data-type="articles"] a')
    await link.focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/admin\/collections\/articles\?/)
    const rows = page.locator('.collection-list table tbody tr')
    await rows.first().waitFor()
    expect(await rows.count()).toBe(2)
    const text = await page.locator('.collection-list table tbody').innerText()
    expect(text).toContain('Bình dân học vụ số ở ấp Tân Lập')
    expect(text).toContain('Thanh toán không dùng tiền mặt ở chợ Long Hoa')
    expect(text).not.toContain('Chữ ký số cho hộ kinh doanh')
  })

  it('the loudspeaker counter lists the aired loudspeaker slots', async () => {
    await page.goto(`${server.url}/admin/reports?year=${YEAR}`)
    await page.locator('[data-counter="loudspeaker-broadcasts"] a').click()
    await page.waitForURL(/\/admin\/collections\/publications\?/)
    const rows = page.locator('.collection-list table tbody tr')
    await rows.first().waitFor()
    expect(await rows.count()).toBe(2)
  })

  it('"Tính lại số liệu" shows its progress and ends with the same figures', async () => {
    await page.goto(`${server.url}/admin/reports?year=${YEAR}`)
    await page.getByRole('button', { name: 'Tính lại số liệu' }).click()
    await page.locator('[data-rebuild-state="done"]').waitFor()
    expect(await page.locator('#report-rebuild-status').innerText()).toMatch(
      /Đã tính lại xong năm 2025: 5\/5 nguồn số liệu, \d+ ô số liệu/,
    )
    expect(await page.locator('#report-rebuild-status progress').getAttribute('value')).toBe('5')
    expect(await counter('content-published')).toBe('4')
  })

  it('an empty year explains itself', async () => {
    await page.goto(`${server.url}/admin/reports?year=2021`)
    await page.getByRole('heading', { name: 'Chưa có số liệu nào cho năm 2021' }).waitFor()
    expect(await page.locator('[data-counter]').count()).toBe(0)
  })

  it("a campaign's edit view shows its training plan computed from the rows, and the typed subtotal that disagrees", async () => {
    await page.goto(`${server.url}/admin/collections/campaigns/${id.plan}`)
    const check = page.locator('.cms-plan-check')
    await check.waitFor()
    expect(await check.locator('[role="status"]').innerText()).toContain(
      '2. Bồi dưỡng ngắn hạn trong nước (a + b + c), 2021: văn bản ghi 120, tính được 220 (lệch -100).',
    )
    // One newspaper in this database (Báo Tây Ninh): 1 × 2 experts, 1 × 15 trainees.
    const need = await check.locator('table').first().innerText()
    expect(need).toMatch(/Báo\s+1\s+2\s+2\s+15\s+15/)
    await page.screenshot({ path: path.join(shots, 'campaign-plan-check.png'), fullPage: true })
  })

  it("an editor of another unit sees only their unit's figures, and no rebuild button", async () => {
    await login(editorEmail, `/admin/reports?year=${YEAR}`)
    await page.locator('[data-counter="content-published"]').waitFor()
    expect(await page.locator('#report-own-unit').innerText()).toBe(
      'Đài Phát thanh và Truyền hình Tây Ninh',
    )
    expect(await counter('content-published')).toBe('1')
    expect(await counter('publications-published')).toBe('2')
    expect(await counter('broadcasts-aired')).toBe('2')
    expect(await counter('budget-planned')).toBe('0')
    expect(await page.locator('[data-table="units"] tbody tr').count()).toBe(1)
    expect(
      await page.locator('[data-table="kpi"] tr[data-kpi="items-published"]').innerText(),
    ).toMatch(/8\s+1\s+12,5%\s+Không đánh giá/)
    expect(await page.getByRole('button', { name: 'Tính lại số liệu' }).count()).toBe(0)
    await page.screenshot({ path: path.join(shots, 'dashboard-editor.png'), fullPage: true })
  })
})
