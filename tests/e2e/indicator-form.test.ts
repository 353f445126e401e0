/**
 * Awareness indicators in Chromium: a commune's editor fills in its indicator form of the year (the
 * headcount and those updated on DX) and hands it in; Sở TT&TT accepts it; the reports page's
 * "Chỉ tiêu nhận thức" panel then shows the province's value, 30 ÷ 40 = 75 %, one unit of one
 * reported, and the commune's yearly report shows the same figures as its own.
 */
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '@/server'
import { adminLogin, launchBrowser } from '../helpers/browser'
import { createUnit, createUser } from '../helpers/fixtures'
import { stopTestServer, testServer } from '../helpers/server'

const YEAR = 2025
let server: RunningServer
let browser: Browser
let page: Page
let managerEmail: string
let editorEmail: string
let formId: string
let unitReportId: string
let commune: string

beforeAll(async () => {
  server = await testServer()
  const { payload } = server
  const so = await createUnit(payload, 'Sở Thông tin và Truyền thông', 'dic')
  commune = String((await createUnit(payload, 'UBND xã Tân Hà', 'commune')).id)
  managerEmail = (await createUser(payload, 'campaign-manager', so.id)).email as string
  editorEmail = (await createUser(payload, 'editor', commune)).email as string
  const campaign = await payload.create({
    collection: 'campaigns',
    overrideAccess: true,
    data: {
      name: 'Kế hoạch 1155 Tây Ninh',
      startsOn: '2022-05-24T00:00:00+07:00',
      endsOn: '2025-12-31T00:00:00+07:00',
      leadUnit: so.id,
    } as never,
  })
  const element = async (code: string, name: string, partOf?: string) =>
    String(
      (
        await payload.create({
          collection: 'data-elements',
          overrideAccess: true,
          data: { code, name, unitKinds: ['commune'], partOf } as never,
        })
      ).id,
    )
  const headcount = await element('headcount', 'Tổng số cán bộ, công chức')
  const updated = await element('updated', 'Số được cập nhật kiến thức CĐS', headcount)
  await payload.create({
    collection: 'indicators',
    overrideAccess: true,
    data: {
      code: 'CB-CAPNHAT',
      name: 'Tỷ lệ cán bộ được cập nhật kiến thức CĐS',
      kind: 'percentage',
      numerator: { source: 'element', element: updated },
      denominator: { source: 'element', element: headcount },
      unitKinds: ['commune'],
      targets: [
        { campaign: campaign.id, year: 2022, value: 40 },
        { campaign: campaign.id, year: 2025, value: 70 },
      ],
    } as never,
  })
  // The year's form as the unit finds it: every element of its kind listed, nothing entered yet.
  formId = String(
    (
      await payload.create({
        collection: 'indicator-reports',
        overrideAccess: true,
        data: {
          ownerUnit: commune,
          year: YEAR,
          values: [
            { element: headcount, value: null },
            { element: updated, value: null },
          ],
        } as never,
      })
    ).id,
  )
  unitReportId = String(
    (
      await payload.create({
        collection: 'unit-reports',
        overrideAccess: true,
        data: { ownerUnit: commune, year: YEAR } as never,
      })
    ).id,
  )
  browser = await launchBrowser()
  page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage()
  page.setDefaultTimeout(60_000)
}, 600_000)

afterAll(async () => {
  if (page)
    await page
      .screenshot({
        path: path.resolve(__dirname, '../../test-results/indicator-form-last.png'),
        fullPage: true,
      })
      .catch(() => {})
  await browser?.close()
  await stopTestServer()
})

const formPath = () => `/admin/collections/indicator-reports/${formId}`
const stored = async () =>
  (await server.payload.findByID({
    collection: 'indicator-reports',
    id: formId,
    depth: 0,
    overrideAccess: true,
  })) as unknown as { status: string; values: { value: number | null }[] }
const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 120 && !(await check()); i++) await new Promise((r) => setTimeout(r, 500))
}
/** Picks a status in the sidebar's select (Payload's react-select) and saves the document. */
async function setStatusAndSave(label: string, status: string) {
  await page.locator('#field-status .rs__control').click()
  await page.getByRole('option', { name: label, exact: true }).click()
  await page.locator('#action-save').click()
  await until(async () => (await stored()).status === status)
}

describe('the indicator form, then the panel', () => {
  it('lets the commune’s editor enter its figures and hand the form in', async () => {
    await adminLogin(page, server.url, editorEmail, formPath())
    await page.locator('#field-values__0__value').fill('40')
    await page.locator('#field-values__1__value').fill('30')
    await setStatusAndSave('Đã nộp, chờ xem xét', 'submitted')
    const doc = await stored()
    expect(doc.status).toBe('submitted')
    expect(doc.values.map((v) => v.value)).toEqual([40, 30])
  })

  it('lets Sở TT&TT accept it', async () => {
    await adminLogin(page, server.url, managerEmail, formPath())
    await setStatusAndSave('Đã chấp nhận', 'accepted')
    expect((await stored()).status).toBe('accepted')
  })

  it('shows the value on the reports page: 30 ÷ 40 = 75 %, one unit of one reported', async () => {
    await page.goto(`${server.url}/admin/reports?year=${YEAR}`)
    const row = page.locator('[data-table="indicators"] tr[data-indicator="CB-CAPNHAT"]')
    await row.waitFor()
    expect(await row.locator('[data-value]').innerText()).toBe('75,0%')
    // 70 % was the plan's 2025 target: achieved.
    expect(await row.getAttribute('data-status')).toBe('achieved')
    expect(await row.locator('[data-coverage]').innerText()).toMatch(/^1\/1/)
  })

  it('shows the same figures as the commune’s own in its yearly report', async () => {
    await page.goto(`${server.url}/admin/collections/unit-reports/${unitReportId}`)
    const row = page.locator('#report-indicators tr[data-indicator="CB-CAPNHAT"]')
    await row.waitFor()
    expect(await row.getAttribute('data-reported')).toBe('true')
    expect(await row.locator('[data-side="numerator"]').innerText()).toBe('30')
    expect(await row.locator('[data-side="denominator"]').innerText()).toBe('40')
    expect(await row.locator('[data-value]').getAttribute('data-value')).toBe('75')
  })
})
