/**
 * The unit report's workflow buttons in Chromium, on the report's edit view: the unit's editor
 * types the results and presses "Nộp báo cáo" (the text typed goes with it); Sở TT&TT's campaign
 * manager presses "Trả lại" without a reason and gets the Vietnamese refusal (nothing changes), then
 * with a reason; the unit sees the report returned with the reason and editable, edits it (a draft
 * again), hands it in again; the manager presses "Chấp nhận" and the unit sees it accepted and
 * read-only. Each user sees only the steps they may take. Screenshot: test-results/unit-report-review-last.png.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '@/server'
import { adminLogin, openPage, endE2e } from '../helpers/browser'
import { createUnit, createUser } from '../helpers/fixtures'
import { testServer } from '../helpers/server'

let server: RunningServer
let browser: Browser
let page: Page
let managerEmail: string
let editorEmail: string
let otherEditorEmail: string
let reportId: string
const REASON = 'Thiếu số liệu tập huấn quý IV, đề nghị bổ sung.'

beforeAll(async () => {
  server = await testServer()
  const { payload } = server
  const bao = await createUnit(payload, 'Báo Tây Ninh')
  const other = await createUnit(payload, 'UBND xã Tân Hà', 'commune')
  managerEmail = (await createUser(payload, 'campaign-manager', null)).email as string
  const editor = await createUser(payload, 'editor', bao.id)
  editorEmail = editor.email as string
  otherEditorEmail = (await createUser(payload, 'editor', other.id)).email as string
  const report = await payload.create({
    collection: 'unit-reports',
    user: editor,
    overrideAccess: false,
    data: { year: 2026, results: 'Đăng 120 tin, bài.' } as never,
  })
  reportId = String(report.id)
  ;({ browser, page } = await openPage())
}, 300_000)

afterAll(() => endE2e('unit-report-review', browser, page))

const reportPath = () => `/admin/collections/unit-reports/${reportId}`
const stored = async () =>
  (await server.payload.findByID({
    collection: 'unit-reports',
    id: reportId,
    depth: 0,
    overrideAccess: true,
  })) as unknown as Record<string, unknown>
const state = () => page.locator('#report-state').innerText()
const button = (name: string) => page.getByRole('button', { name, exact: true })
/** Presses a workflow button and waits for the reload that shows the stored report. */
const pressAndReload = async (name: string) => {
  await Promise.all([page.waitForEvent('load'), button(name).click()])
  await page.locator('#report-state').waitFor()
}

describe('the unit report’s workflow buttons in the admin', () => {
  it('lets the unit’s editor hand in a draft, with the text typed but not yet saved', async () => {
    await adminLogin(page, server.url, editorEmail, reportPath())
    expect(await state()).toBe('Đang soạn')
    expect(await button('Chấp nhận').count()).toBe(0)
    await page.locator('#field-results').fill('Đăng 125 tin, bài; 3 hội nghị tập huấn.')
    await pressAndReload('Nộp báo cáo')
    expect(await state()).toBe('Đã nộp, chờ xem xét')
    expect(await page.locator('#report-locked').innerText()).toMatch(/đơn vị không sửa được/)
    expect(await button('Nộp báo cáo').count()).toBe(0)
    expect(await page.locator('#field-results').isEditable()).toBe(false)
    const doc = await stored()
    expect(doc.status).toBe('submitted')
    expect(doc.results).toBe('Đăng 125 tin, bài; 3 hội nghị tập huấn.')
    expect(doc.submittedAt).toBeTruthy()
  })

  it('shows another unit’s editor no step at all (the report is not theirs)', async () => {
    await adminLogin(page, server.url, otherEditorEmail, '/admin/collections/unit-reports')
    await page.goto(`${server.url}${reportPath()}`)
    await page.waitForLoadState('networkidle')
    expect(await page.locator('#report-state').count()).toBe(0)
    expect(await button('Nộp báo cáo').count()).toBe(0)
  })

  it('refuses a return without a reason in Vietnamese and changes nothing, then returns it with one', async () => {
    await adminLogin(page, server.url, managerEmail, reportPath())
    expect(await state()).toBe('Đã nộp, chờ xem xét')
    expect(await button('Nộp báo cáo').count()).toBe(0)
    await button('Trả lại').click()
    await button('Gửi trả lại').click()
    expect(await page.locator('#report-action-error').innerText()).toBe(
      'Hãy ghi lý do trả lại báo cáo.',
    )
    expect((await stored()).status).toBe('submitted')
    await page.locator('#report-return-input').fill(REASON)
    await pressAndReload('Gửi trả lại')
    expect(await state()).toBe('Bị trả lại')
    expect(await button('Chấp nhận').count()).toBe(0)
    const doc = await stored()
    expect(doc.status).toBe('returned')
    expect(doc.returnReason).toBe(REASON)
    expect(doc.reviewedAt).toBeTruthy()
  })

  it('shows the unit the returned report with the reason, editable; an edit makes it a draft again', async () => {
    await adminLogin(page, server.url, editorEmail, reportPath())
    expect(await state()).toBe('Bị trả lại')
    expect(await page.locator('#report-return-reason').innerText()).toContain(REASON)
    expect(await page.locator('#field-results').isEditable()).toBe(true)
    await page
      .locator('#field-results')
      .fill('Đăng 125 tin, bài; 4 hội nghị tập huấn (bổ sung quý IV).')
    await page.keyboard.press('ControlOrMeta+s')
    await expect.poll(async () => (await stored()).status, { timeout: 20_000 }).toBe('draft')
    await page.reload()
    await page.locator('#report-state').waitFor()
    expect(await state()).toBe('Đang soạn')
    expect((await stored()).status).toBe('draft')
    await pressAndReload('Nộp báo cáo')
    expect(await state()).toBe('Đã nộp, chờ xem xét')
  })

  it('lets the manager accept it; the unit then sees it accepted and read-only', async () => {
    await adminLogin(page, server.url, managerEmail, reportPath())
    await pressAndReload('Chấp nhận')
    expect(await state()).toBe('Đã chấp nhận')
    expect(await button('Trả lại').count()).toBe(0)
    expect((await stored()).status).toBe('accepted')

    await adminLogin(page, server.url, editorEmail, reportPath())
    expect(await state()).toBe('Đã chấp nhận')
    expect(await page.locator('#report-locked').innerText()).toMatch(/không sửa được nữa/)
    expect(await button('Nộp báo cáo').count()).toBe(0)
    expect(await page.locator('#field-results').isEditable()).toBe(false)
    // The server refuses an edit from the unit too, in Vietnamese, with the browser's own login.
    const refused = await page.evaluate(async (id) => {
      const res = await fetch(`/api/unit-reports/${id}`, {
        method: 'PATCH',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ results: 'Sửa sau khi chấp nhận' }),
      })
      return { status: res.status, body: await res.text() }
    }, reportId)
    expect(refused.status).toBe(403)
    expect(refused.body).toContain('Báo cáo đã được chấp nhận nên không thể sửa nữa.')
    expect((await stored()).results).toBe(
      'Đăng 125 tin, bài; 4 hội nghị tập huấn (bổ sung quý IV).',
    )
  })
})
