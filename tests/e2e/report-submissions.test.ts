/**
 * The submission board in Chromium: Sở TT&TT opens "Theo dõi nộp báo cáo" from the navigation and
 * sees each unit's state and the rates, in Vietnamese; a unit's editor sees only their own row.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { daysBetween, vnDayKey } from '@/lib/time'
import type { RunningServer } from '@/server'
import { adminLogin, openPage, endE2e } from '../helpers/browser'
import { createUnit, createUser } from '../helpers/fixtures'
import { testServer } from '../helpers/server'

let server: RunningServer
let browser: Browser
let page: Page
let managerEmail: string
let editorEmail: string

beforeAll(async () => {
  server = await testServer()
  const { payload } = server
  const bao = await createUnit(payload, 'Báo Tây Ninh')
  await createUnit(payload, 'UBND xã Tân Hà', 'commune')
  managerEmail = (await createUser(payload, 'campaign-manager', null)).email as string
  const editor = await createUser(payload, 'editor', bao.id)
  editorEmail = editor.email as string
  const report = await payload.create({
    collection: 'unit-reports',
    user: editor,
    overrideAccess: false,
    data: { year: 2026, status: 'submitted' } as never,
  })
  await payload.db.updateOne({
    collection: 'unit-reports',
    id: report.id,
    data: { submittedAt: '2026-11-20T02:00:00.000Z' },
    returning: false,
  })
  ;({ browser, page } = await openPage())
}, 300_000)

afterAll(() => endE2e('report-submissions', browser, page))

const rowState = (unit: string) =>
  page.locator('#board-table tbody tr', { hasText: unit }).locator('td').first().innerText()

describe('the submission board in the admin', () => {
  it('shows Sở TT&TT each unit’s state and the reporting and on-time rates', async () => {
    await adminLogin(page, server.url, managerEmail, '/admin/report-submissions?year=2026')
    await page
      .getByRole('heading', { name: 'Theo dõi nộp báo cáo của các đơn vị', level: 1 })
      .waitFor()
    expect(await page.locator('#board-deadline').innerText()).toBe('30/11/2026')
    expect(await rowState('Báo Tây Ninh')).toBe('Đã nộp đúng hạn')
    // Overdue once 30/11/2026 is over in Vietnam, by the Vietnam days since.
    const past = daysBetween('2026-11-30', vnDayKey(new Date()))
    expect(await rowState('UBND xã Tân Hà')).toBe(
      past > 0 ? `Quá hạn ${past} ngày` : 'Chưa lập báo cáo',
    )
    expect(await page.locator('#board-reporting-rate .cms-report__counter-value').innerText()).toBe(
      '50% (1/2)',
    )
    expect(await page.locator('#board-on-time-rate .cms-report__counter-value').innerText()).toBe(
      '50% (1/2)',
    )
  })

  it('shows a unit’s editor only their own row', async () => {
    await adminLogin(page, server.url, editorEmail, '/admin/report-submissions?year=2026')
    await page.locator('#board-table').waitFor()
    expect(await page.locator('#board-table tbody tr').count()).toBe(1)
    expect(await rowState('Báo Tây Ninh')).toBe('Đã nộp đúng hạn')
  })
})
