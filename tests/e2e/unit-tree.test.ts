/**
 * The unit tree in Chromium: /admin/unit-tree expands and collapses, finds "hoa thanh" without
 * diacritics (the match and the path to it, nothing else), shows each unit's users and content
 * items, and reads the tree of a past day; the export page's "quy về các đơn vị hiện nay" choice
 * gives a 2024-2025 review whose successor carries its predecessor's figures (read back with
 * SheetJS). Screenshot: test-results/unit-tree-last.png.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { rebuildYear } from '@/reporting/engine'
import type { RunningServer } from '@/server'
import { Metric, metrics } from '@/vocabulary'
import { adminLogin, openPage, endE2e } from '../helpers/browser'
import { createUser } from '../helpers/fixtures'
import { content } from '../helpers/rollup'
import { testServer } from '../helpers/server'

let server: RunningServer
let browser: Browser
let page: Page
let adminEmail: string
const id: Record<string, string> = {}
const vn = (day: string) => `${day}T00:00:00.000+07:00`

beforeAll(async () => {
  server = await testServer()
  const { payload } = server
  const unit = async (key: string, name: string, kind: string, data: Record<string, unknown>) =>
    (id[key] = String(
      (
        await payload.create({
          collection: 'units',
          overrideAccess: true,
          data: { name, kind, ...data } as never,
        })
      ).id,
    ))
  await unit('P', 'UBND tỉnh E2E', 'province', {})
  await unit('D', 'UBND thị xã Hòa Thành', 'district', { parent: id.P })
  await unit('C', 'UBND phường Long Hoa', 'commune', { parent: id.D })
  await unit('OLD', 'UBND xã Trường Tây', 'commune', { parent: id.D })
  await unit('NEW', 'UBND phường Thanh Điền', 'commune', {
    validFrom: vn('2025-07-01'),
    parents: [{ parent: id.P, from: vn('2025-07-01') }],
  })
  await payload.create({
    collection: 'unit-events',
    overrideAccess: true,
    data: {
      kind: 'merge',
      effectiveOn: vn('2025-07-01'),
      units: [id.OLD],
      successors: [{ unit: id.NEW }],
    } as never,
  })
  await createUser(payload, 'editor', id.C)
  const held = (owner: string, day: string, n: number) =>
    content(
      payload,
      'events',
      {
        title: `Hội nghị ${owner} ${day}`,
        kind: 'conference',
        ownerUnit: id[owner],
        _status: 'draft',
        status: 'held',
        startsAt: new Date(`${day}T08:00:00+07:00`).toISOString(),
        endsAt: new Date(`${day}T11:00:00+07:00`).toISOString(),
        actualParticipants: n,
      },
      new Date(`${day}T08:00:00+07:00`).toISOString(),
    )
  await held('C', '2024-04-10', 5)
  await held('OLD', '2024-05-10', 10)
  await held('NEW', '2025-09-10', 20)
  for (const year of [2024, 2025]) {
    await rebuildYear(payload, year)
    await payload.create({ collection: 'rollup-snapshots', overrideAccess: true, data: { year } })
  }
  adminEmail = (await createUser(payload, 'admin', null)).email as string
  ;({ browser, page } = await openPage({ viewport: { width: 1440, height: 1000 } }, 60_000))
}, 300_000)

afterAll(() => endE2e('unit-tree', browser, page))

const row = (name: string) => page.locator(`li[data-unit="${name}"] > .cms-tree__row`)
const shown = async () =>
  page
    .locator('li[role="treeitem"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-unit')))

describe('the unit tree view in Chromium', () => {
  it('expands and collapses, counts users and content, searches without diacritics', async () => {
    await adminLogin(page, server.url, adminEmail, '/admin/unit-tree')
    await page.getByRole('heading', { name: 'Cây đơn vị', level: 1 }).waitFor()
    // Today: the province open at the top, the district closed; the merged commune is gone.
    expect(await shown()).toEqual([
      'UBND tỉnh E2E',
      'UBND phường Thanh Điền',
      'UBND thị xã Hòa Thành',
    ])
    await page.getByRole('button', { name: 'Mở UBND thị xã Hòa Thành' }).click()
    expect(await shown()).toContain('UBND phường Long Hoa')
    expect(await row('UBND phường Long Hoa').locator('[data-count="users"]').innerText()).toBe(
      '1 người dùng',
    )
    expect(await row('UBND phường Long Hoa').locator('[data-count="content"]').innerText()).toBe(
      '1 nội dung',
    )
    await page.getByRole('button', { name: 'Thu gọn UBND thị xã Hòa Thành' }).click()
    expect(await shown()).not.toContain('UBND phường Long Hoa')

    await page.locator('#tree-search').fill('long hoa')
    expect(await shown()).toEqual([
      'UBND tỉnh E2E',
      'UBND thị xã Hòa Thành',
      'UBND phường Long Hoa',
    ])
    await page.locator('#tree-search').fill('HOA THANH')
    expect(await shown()).toEqual(['UBND tỉnh E2E', 'UBND thị xã Hòa Thành'])
    await page.locator('#tree-search').fill('không có')
    await page.locator('#tree-empty').waitFor()
  })

  it('reads the tree of 30/06/2025: the commune merged the next day is still there', async () => {
    await page.goto(`${server.url}/admin/unit-tree?ngay=2025-06-30`)
    await page.locator('#tree-day').waitFor()
    expect(await page.locator('#tree-day').innerText()).toBe('30/06/2025')
    await page.getByRole('button', { name: 'Mở UBND thị xã Hòa Thành' }).click()
    expect(await shown()).toEqual([
      'UBND tỉnh E2E',
      'UBND thị xã Hòa Thành',
      'UBND phường Long Hoa',
      'UBND xã Trường Tây',
    ])
  })
})

describe('the export page’s restate choice in Chromium', () => {
  it('exports 2024-2025 restated: the successor carries its predecessor, which has no row', async () => {
    await page.goto(`${server.url}/admin/export`)
    const form = page.locator('#export-form')
    await form.locator('input[name="year"]').fill('2024')
    await form.locator('input[name="to"]').fill('2025')
    await form.locator('select[name="format"]').selectOption('xlsx')
    await form.locator('#export-restate').check()
    await page.locator('#export-start').click()
    const link = page.locator('#export-download')
    await link.waitFor({ timeout: 120_000 })
    expect(await page.locator('#export-status [data-export-status]').innerText()).toContain(
      'quy về các đơn vị hiện nay',
    )
    const res = await page
      .context()
      .request.get(new URL(String(await link.getAttribute('href')), server.url).href)
    expect(res.status()).toBe(200)
    const book = XLSX.read(await res.body())
    const rows = (
      XLSX.utils.sheet_to_json(book.Sheets['Theo đơn vị'], {
        header: 1,
        raw: true,
        defval: null,
      }) as unknown[][]
    )
      .slice(3)
      .filter((r) => r[1] === metrics.label(Metric.Participants))
    const of = (name: string) => rows.find((r) => r[0] === name)?.slice(2)
    // Trường Tây's 10 (2024) are Thanh Điền's now; with its own 20 (2025): 30 over the period.
    expect(of('UBND phường Thanh Điền')).toEqual([10, 20, 30])
    expect(of('UBND xã Trường Tây')).toBeUndefined()
    expect(of('UBND phường Long Hoa')).toEqual([5, 0, 5])
  })
})
