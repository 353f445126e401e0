/**
 * The plan's task board in Chromium: Sở TT&TT opens it from the navigation for Tây Ninh's plan 1155
 * (seeded through the import) and sees the tasks of a year by state and by lead unit, the overdue
 * flagged, another year on asking; a coordinating unit's editor sees only the task it coordinates;
 * a card's progress page lists its evidence; the import page names a refused file's row and column;
 * the dashboard flags overdue tasks.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '@/server'
import { seedPlanTasks } from '../../scripts/seed-data/planTasks'
import { adminLogin, navTo, openPage, endE2e } from '../helpers/browser'
import { createUnit, createUser } from '../helpers/fixtures'
import { testServer } from '../helpers/server'

let server: RunningServer
let browser: Browser
let page: Page
let managerEmail: string
let editorEmail: string
let campaign: string

beforeAll(async () => {
  server = await testServer()
  const { payload } = server
  const so = await createUnit(payload, 'Sở Thông tin và Truyền thông', 'dic')
  const snv = await createUnit(payload, 'Sở Nội vụ', 'department')
  const bao = await createUnit(payload, 'Báo Tây Ninh', 'newspaper')
  managerEmail = (await createUser(payload, 'campaign-manager', so.id)).email as string
  editorEmail = (await createUser(payload, 'editor', bao.id)).email as string
  campaign = String(
    (
      await payload.create({
        collection: 'campaigns',
        overrideAccess: true,
        data: {
          name: 'Kế hoạch 1155 Tây Ninh',
          planReference: '1155/QĐ-UBND',
          startsOn: '2022-05-24T00:00:00+07:00',
          endsOn: '2025-12-31T00:00:00+07:00',
          leadUnit: so.id,
        } as never,
      })
    ).id,
  )
  await seedPlanTasks(payload)
  // Task 3.a handed to Sở Nội vụ: the lead-unit table gets a second row.
  const t3a = await payload.find({
    collection: 'plan-tasks',
    where: { number: { equals: '3.a' } },
    overrideAccess: true,
  })
  await payload.update({
    collection: 'plan-tasks',
    id: t3a.docs[0].id,
    data: { leadUnit: snv.id },
    overrideAccess: true,
  })
  ;({ browser, page } = await openPage())
}, 300_000)

afterAll(() => endE2e('task-board', browser, page))

const column = (status: string) =>
  page.locator(`.cms-task-board__column[data-status="${status}"] article`)
const numbers = async (status: string) =>
  (await column(status).evaluateAll((els) => els.map((e) => e.getAttribute('data-number')))).sort()

describe('the task board', () => {
  it('shows Sở TT&TT a year’s tasks by state and by lead unit, and another year on asking', async () => {
    await adminLogin(page, server.url, managerEmail, '/admin')
    await page.locator('#overdue-tasks').waitFor()
    expect(await page.locator('#cms-overdue-tasks-title').innerText()).toMatch(
      /^Nhiệm vụ quá hạn \(\d+\)$/,
    )
    await navTo(page, 'nav-task-board')
    await page.getByRole('heading', { name: 'Bảng nhiệm vụ kế hoạch', level: 1 }).waitFor()
    await page.goto(`${server.url}/admin/task-board?campaign=${campaign}&year=2025`)
    await page.locator('.cms-task-board[data-year="2025"]').waitFor()
    expect(await numbers('done')).toEqual(['1.b', '1.d'])
    expect(await numbers('done-late')).toEqual(['2'])
    expect(await numbers('in-progress')).toEqual(['1.a', '1.c'])
    expect(await numbers('not-done')).toEqual(['1.đ'])
    expect(await numbers('not-started')).toEqual(['3.a', '3.b'])
    const leads = await page
      .locator('#task-board-leads tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) =>
          [...r.querySelectorAll('th,td')].map((c) => (c as HTMLElement).innerText.trim()),
        ),
      )
    expect(leads).toEqual([
      ['Sở Nội vụ', '1', '0', '0', '0', '0', '1'],
      ['Sở Thông tin và Truyền thông', '7', '2', '1', '2', '1', '1'],
    ])
    expect(await page.locator('[data-status="done"] strong').first().innerText()).toBe('2')
    // 3.a, due 31/12 every year and never recorded, is overdue since 2022.
    expect(await page.locator('[data-number="3.a"] .cms-task-card__overdue').innerText()).toMatch(
      /^Quá hạn \d+ ngày \(hạn 31\/12\/2022\)$/,
    )
    await page.selectOption('#task-board-year', '2022')
    await page.getByRole('button', { name: 'Xem', exact: true }).click()
    await page.locator('.cms-task-board[data-year="2022"]').waitFor()
    expect(await numbers('done-late')).toEqual(['1.b'])
    expect(await column('not-started').count()).toBe(7)
  })

  it('opens a task’s progress with its evidence from the board', async () => {
    await page.goto(`${server.url}/admin/task-board?campaign=${campaign}&year=2025`)
    await page.locator('[data-number="1.b"] .cms-task-card__progress').click()
    await page.getByRole('heading', { name: 'Minh chứng năm 2025' }).waitFor()
    expect(await page.locator('.cms-task-evidence').innerText()).toContain('Chưa có minh chứng')
  })

  it('shows a coordinating unit’s editor only the tasks it coordinates', async () => {
    await adminLogin(
      page,
      server.url,
      editorEmail,
      `/admin/task-board?campaign=${campaign}&year=2025`,
    )
    await page.locator('.cms-task-board').waitFor()
    expect(await page.locator('.cms-task-card').count()).toBe(1)
    expect(await numbers('done')).toEqual(['1.b'])
  })

  it('names the row and column of a refused table on the import page', async () => {
    await adminLogin(page, server.url, managerEmail, '/admin/task-import')
    await page.locator('.cms-task-import[data-ready="true"]').waitFor()
    await page.locator('#task-import-file').setInputFiles({
      name: 'nhiem-vu.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'STT,Nhiệm vụ,Đơn vị chủ trì,Thời gian thực hiện\n9.1,Việc mới,Sở Thông tin và Truyền thông,Quý V/2022\n',
      ),
    })
    await page.locator('#task-import-preview').click()
    await page.locator('#task-import-errors').waitFor()
    expect(await page.locator('#task-import-errors li').allInnerTexts()).toEqual([
      'Dòng 2, cột “Thời gian thực hiện” (D): Quý "V" không hợp lệ: quý phải từ I đến IV.',
    ])
  })
})
