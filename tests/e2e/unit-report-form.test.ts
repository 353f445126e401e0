/**
 * The unit's yearly report as a civil servant recognises it, and the reports board's reminders,
 * in Chromium (issue 19, item 5). Last year's report (deadline 30/11 of last year by default, so
 * always past): its figures show as one table shaped like the printed form (sections I, II…,
 * numbered lines, target beside actual, 1.200 grouped), not as "Chỉ số 01…" rows; the sidebar shows
 * the deadline and "Quá hạn N ngày" with N counted by hand from the dates; a new report's year is
 * this year. On the board, the units not handed in are "Quá hạn"; "Gửi nhắc nhở" sends the email
 * (real SMTP on loopback), the row shows when, and the time survives a reload; a unit with nobody
 * to write to gets the Vietnamese refusal. Screenshot: test-results/unit-report-form-last.png.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { daysBetween, formatDay, vnDayKey, vnYearMonth } from '@/lib/time'
import { rebuildYear } from '@/reporting/engine'
import type { RunningServer } from '@/server'
import { adminLogin, openPage, endE2e } from '../helpers/browser'
import { createUnit, createUser } from '../helpers/fixtures'
import { content } from '../helpers/rollup'
import { testServer } from '../helpers/server'
import { startSmtp } from '../helpers/smtp'

let server: RunningServer
let browser: Browser
let page: Page
let smtp: Awaited<ReturnType<typeof startSmtp>>
let managerEmail: string
let editorEmail: string
let communeEditorEmail: string
const unit: Record<string, string> = {}
let reportId: string
const THIS_YEAR = vnYearMonth(new Date()).year
const YEAR = THIS_YEAR - 1
// Days since the end of 30/11 of last year, in Vietnam days (hand rule: today − deadline).
const OVERDUE = daysBetween(`${YEAR}-11-30`, vnDayKey(new Date()))

beforeAll(async () => {
  smtp = await startSmtp()
  Object.assign(process.env, {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_FROM: 'bao-cao@stttt.tayninh.gov.vn',
  })
  server = await testServer()
  const { payload } = server
  unit.bao = String((await createUnit(payload, 'Báo Tây Ninh', 'newspaper')).id)
  unit.xa = String((await createUnit(payload, 'UBND xã Tân Hà', 'commune')).id)
  unit.tt = String((await createUnit(payload, 'Trung tâm Văn hóa huyện', 'other')).id)
  managerEmail = (await createUser(payload, 'campaign-manager', null)).email as string
  const editor = await createUser(payload, 'editor', unit.bao)
  editorEmail = editor.email as string
  communeEditorEmail = (await createUser(payload, 'editor', unit.xa)).email as string
  const campaign = await payload.create({
    collection: 'campaigns',
    overrideAccess: true,
    data: {
      name: 'Chiến dịch CĐS',
      leadUnit: unit.bao,
      startsOn: `${YEAR}-01-01T00:00:00+07:00`,
      endsOn: `${THIS_YEAR}-12-31T00:00:00+07:00`,
      kpiTargets: [{ metric: 'items-published', year: YEAR, target: 1200 }],
    } as never,
  })
  await content(
    payload,
    'articles',
    {
      title: 'Ngày chuyển đổi số',
      ownerUnit: unit.bao,
      campaigns: [campaign.id],
      _status: 'published',
      publishedAt: `${YEAR}-03-10T03:00:00.000Z`,
    },
    `${YEAR}-03-01T03:00:00.000Z`,
  )
  await rebuildYear(payload, YEAR)
  reportId = String(
    (
      await payload.create({
        collection: 'unit-reports',
        user: editor,
        overrideAccess: false,
        data: { year: YEAR, results: 'Đăng 1 tin, bài.' } as never,
      })
    ).id,
  )
  ;({ browser, page } = await openPage({ viewport: { width: 1366, height: 900 } }))
}, 300_000)

afterAll(async () => {
  await endE2e('unit-report-form', browser, page)
  await smtp?.close()
})

describe('the unit report as a form', () => {
  it('shows the figures as the printed table, and the deadline overdue by the days counted by hand', async () => {
    await adminLogin(page, server.url, editorEmail, `/admin/collections/unit-reports/${reportId}`)
    const table = page.locator('#report-figures')
    await table.waitFor()
    const sections = await table.locator('tbody tr.cms-figures__group').allInnerTexts()
    expect(sections.map((s) => s.replace(/\s+/g, ' ').trim())).toEqual([
      'I Sản phẩm, phát sóng, sự kiện',
      'II Đào tạo, bồi dưỡng',
      'III Tiếp cận, tương tác',
      'IV So với chỉ tiêu',
    ])
    const published = table.locator('tr[data-figure="Tin, bài, sản phẩm đã xuất bản"] td')
    expect(await published.allInnerTexts()).toEqual(['1', '', '1', ''])
    const target = table.locator('tbody[data-group="targets"] tr[data-figure] td')
    expect(await target.allInnerTexts()).toEqual(['1', '1.200', '1', '0,1%'])
    // The stored array is not shown as rows any more.
    expect(await page.getByText('Chỉ số 01').count()).toBe(0)
    expect(await page.locator('#report-deadline').innerText()).toBe(formatDay(`${YEAR}-11-30`))
    const state = page.locator('#report-deadline-state')
    expect(await state.getAttribute('data-state')).toBe('overdue')
    expect(await state.innerText()).toBe(`Quá hạn ${OVERDUE} ngày`)
  })

  it('gives a new report this year', async () => {
    await page.goto(`${server.url}/admin/collections/unit-reports/create`)
    const year = page.locator('#field-year')
    await year.waitFor()
    expect((await year.inputValue()).replace(/\D/g, '')).toBe(String(THIS_YEAR))
  })
})

describe('the reports board', () => {
  const row = (key: string) => page.locator(`#board-table tr[data-unit="${unit[key]}"]`)

  it('shows the units not handed in as overdue, and sends a reminder that is recorded', async () => {
    await adminLogin(page, server.url, managerEmail, `/admin/report-submissions?year=${YEAR}`)
    await page.locator('#board-table').waitFor()
    for (const key of ['bao', 'xa', 'tt']) {
      expect(await row(key).getAttribute('data-state'), key).toBe('overdue')
      expect(await row(key).locator('td').first().innerText()).toBe(`Quá hạn ${OVERDUE} ngày`)
    }
    expect(await page.locator('#board-count-overdue').innerText()).toMatch(/Quá hạn\s*3/)
    expect(await row('xa').locator('[data-last-reminder]').innerText()).toBe('Chưa nhắc')
    await row('xa').getByRole('button', { name: 'Gửi nhắc nhở: UBND xã Tân Hà' }).click()
    await expect.poll(() => row('xa').getByRole('status').textContent()).toBe('Đã gửi tới 1 người.')
    expect(smtp.mails).toHaveLength(1)
    expect(smtp.mails[0].to).toEqual([communeEditorEmail])
    expect(smtp.mails[0].subject).toBe(
      `[Sở TT&TT nhắc nộp báo cáo] Báo cáo kết quả thực hiện năm ${YEAR}: đã quá hạn ${OVERDUE} ngày (hạn 30/11/${YEAR})`,
    )
    const shown = await row('xa').locator('[data-last-reminder]').innerText()
    expect(shown).toMatch(/^Nhắc lần cuối: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)
    const stored = await server.payload.find({
      collection: 'report-reminders',
      where: { ownerUnit: { equals: unit.xa } },
      overrideAccess: true,
    })
    expect(stored.docs.map((r) => [r.kind, r.year, r.sequence])).toEqual([['manual', YEAR, 1]])
    await page.reload()
    await page.locator('#board-table').waitFor()
    expect(await row('xa').locator('[data-last-reminder]').innerText()).toBe(shown)
  })

  it('refuses in Vietnamese for a unit with nobody to write to, sending nothing', async () => {
    await row('tt')
      .getByRole('button', { name: /Gửi nhắc nhở/ })
      .click()
    await expect
      .poll(() => row('tt').getByRole('alert').textContent())
      .toBe(
        'Trung tâm Văn hóa huyện chưa có biên tập viên nào có email để nhận thư nhắc. Hãy tạo tài khoản cho đơn vị trước.',
      )
    expect(smtp.mails).toHaveLength(1)
  })
})
