/**
 * The export page (/admin/export) in Chromium: a campaign manager chooses 2026, XLSX and "freeze
 * now", sees the job's progress, then the download link; the file is fetched over HTTP with the
 * browser's own login and read back with SheetJS (not exceljs, which wrote it), figure by figure
 * against the hand-known dataset of tests/int/rollup.test.ts (tests/helpers/rollup.ts). A period
 * that ends before it starts shows the Vietnamese error and stores nothing (no job, no snapshot).
 * A year without a snapshot is said so and the choice turns to "freeze now"; when the job ends the
 * list shows it without a reload; the snapshot's time (dd/mm/yyyy HH:mm) and the newest change it
 * includes are shown, and a change saved after the freeze is warned about.
 * Screenshot: test-results/export-page-last.png.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { formatDateTimeVn } from '@/lib/time'
import { rebuildYear } from '@/reporting/engine'
import type { RunningServer } from '@/server'
import { dashboardCounters, metrics } from '@/vocabulary'
import { adminLogin, openPage, endE2e } from '../helpers/browser'
import { createUser } from '../helpers/fixtures'
import { handDataset } from '../helpers/rollup'
import { testServer } from '../helpers/server'

let server: RunningServer
let browser: Browser
let page: Page
let managerEmail: string

beforeAll(async () => {
  server = await testServer()
  const { payload } = server
  await handDataset(payload)
  await rebuildYear(payload, 2026)
  managerEmail = (await createUser(payload, 'campaign-manager', null)).email as string
  ;({ browser, page } = await openPage({ viewport: { width: 1440, height: 1000 } }, 60_000))
}, 300_000)

afterAll(() => endE2e('export-page', browser, page))

const count = async (collection: 'generated-reports' | 'rollup-snapshots') =>
  (await server.payload.count({ collection, overrideAccess: true })).totalDocs

/** Fills the export form: a year or a period, a format, and which figures. */
async function choose(year: number, to: number | null, format: string, snapshot: string) {
  const form = page.locator('#export-form')
  await form.locator('input[name="year"]').fill(String(year))
  await form.locator('input[name="to"]').fill(to == null ? '' : String(to))
  await form.locator('select[name="format"]').selectOption(format)
  await form.locator('select[name="snapshot"]').selectOption(snapshot)
  await page.locator('#export-start').click()
}

describe('the export page in Chromium', () => {
  it('refuses a period that ends before it starts, in Vietnamese, storing nothing', async () => {
    await adminLogin(page, server.url, managerEmail, '/admin/export')
    await page.getByRole('heading', { name: 'Xuất báo cáo số liệu', level: 1 }).waitFor()
    // 2026 has no snapshot yet: said so, "the latest" cannot be chosen, "freeze now" is.
    await page.locator('#export-form input[name="year"]').fill('2026')
    const note = page.locator('#export-snapshots li[data-year="2026"]')
    expect(await note.innerText()).toMatch(
      /^Năm 2026 chưa có bản chốt số liệu\. Chọn “Chốt số liệu ngay rồi xuất”/,
    )
    expect(await page.locator('select[name="snapshot"]').inputValue()).toBe('freeze')
    expect(await page.locator('select[name="snapshot"] option[value="latest"]').isDisabled()).toBe(
      true,
    )
    const [jobs, snapshots] = [await count('generated-reports'), await count('rollup-snapshots')]
    await choose(2026, 2025, 'xlsx', 'freeze')
    const error = page.locator('#export-status .cms-report__rebuild-error')
    await error.waitFor()
    expect(await error.innerText()).toBe(
      'Giai đoạn không hợp lệ: năm kết thúc (2025) trước năm bắt đầu (2026).',
    )
    expect(await page.locator('#export-status progress').count()).toBe(0)
    expect(await count('generated-reports')).toBe(jobs)
    expect(await count('rollup-snapshots')).toBe(snapshots)
  })

  it('freezes 2026, shows the progress, then a link whose XLSX holds the hand-known totals', async () => {
    await page.reload()
    const snapshots = await count('rollup-snapshots')
    await choose(2026, null, 'xlsx', 'freeze')
    // The job's progress appears while it runs (it may already be done when first seen).
    await page.locator('#export-status progress').waitFor()
    const status = page.locator('#export-status [data-export-status]')
    expect(await status.innerText()).toMatch(/^Số liệu năm 2026.*: .* \d+%$/)
    const link = page.locator('#export-download')
    await link.waitFor({ timeout: 90_000 })
    expect(await status.getAttribute('data-export-status')).toBe('done')
    expect(await status.innerText()).toMatch(/100%$/)
    expect(await page.locator('#export-status progress').getAttribute('value')).toBe('100')
    expect(await link.innerText()).toMatch(/^Tải xuống .+\.xlsx$/)
    expect(await count('rollup-snapshots')).toBe(snapshots + 1)
    // The list shows the finished export without a reload.
    await page
      .locator('#export-list tbody tr')
      .first()
      .locator('td')
      .nth(2)
      .filter({ hasText: 'Đã xong' })
      .waitFor()

    // Over HTTP, with the browser's cookies (the file is access-controlled like its job).
    const res = await page
      .context()
      .request.get(new URL(String(await link.getAttribute('href')), server.url).href)
    expect(res.status()).toBe(200)
    const book = XLSX.read(await res.body(), { cellNF: true })
    const rowsOf = (name: string) =>
      (
        XLSX.utils.sheet_to_json(book.Sheets[name], {
          header: 1,
          raw: true,
          defval: null,
        }) as unknown[][]
      ).slice(3)
    const summary = (label: string) => rowsOf('Tổng hợp').find((r) => r[1] === label)?.[2]
    // 2026 by hand (tests/int/rollup.test.ts): A1, V1, E2 published; P1-P5 and P8; P2-P4 aired, 5 + 4 min.
    const expected: [string, number][] = [
      [dashboardCounters.label('content-published'), 3],
      [dashboardCounters.label('publications-published'), 6],
      [dashboardCounters.label('broadcasts-aired'), 3],
      [dashboardCounters.label('broadcast-minutes'), 9],
      [dashboardCounters.label('loudspeaker-broadcasts'), 2],
      [dashboardCounters.label('events-held'), 1],
      [dashboardCounters.label('participants'), 120],
      [dashboardCounters.label('budget-planned'), 130_000_000],
      [dashboardCounters.label('budget-spent'), 70_000_000],
      [metrics.label('trainings-held'), 2],
      [metrics.label('trainees'), 70],
      [metrics.label('engagement-views'), 290],
    ]
    for (const [label, value] of expected) expect([label, summary(label)]).toEqual([label, value])
    const header = XLSX.utils.sheet_to_json(book.Sheets['Theo đơn vị'], {
      header: 1,
    })[2] as string[]
    const bao = rowsOf('Theo đơn vị').find((r) => r[0] === 'Báo Tây Ninh')!
    expect(bao[header.indexOf(metrics.label('publications-published'))]).toBe(2)
    expect(bao[header.indexOf(metrics.label('broadcast-minutes'))]).toBe(5)
    const month = rowsOf('Theo tháng').find((r) => r[0] === metrics.label('content-published'))!
    expect(month.slice(1)).toEqual([0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 3])

    // The new export heads the list of generated reports once the page is opened again.
    await page.reload()
    const first = page.locator('#export-list tbody tr').first()
    expect(await first.locator('td').nth(2).innerText()).toBe('Đã xong')
    expect(await first.locator('td').nth(5).innerText()).toMatch(/2026/)
  })

  it("shows the snapshot's time and the newest change it includes, and warns when the data is newer", async () => {
    const { payload } = server
    const latest = (
      await payload.find({
        collection: 'rollup-snapshots',
        where: { year: { equals: 2026 } },
        sort: '-takenAt',
        limit: 1,
        overrideAccess: true,
      })
    ).docs[0]
    // The freeze folded the dataset's pending changes: the newest is recorded.
    expect(latest.dataAsOf).toBeTruthy()
    const note = page.locator('#export-snapshots li[data-year="2026"]')
    expect(await note.getAttribute('data-stale')).toBe('false')
    expect(await note.innerText()).toBe(
      `Bản chốt mới nhất năm 2026: chốt lúc ${formatDateTimeVn(latest.takenAt!)}, số liệu tính đến thay đổi lúc ${formatDateTimeVn(latest.dataAsOf!)}.`,
    )
    expect(await note.innerText()).toMatch(/chốt lúc \d{2}\/\d{2}\/2026 \d{2}:\d{2}/)
    expect(await page.locator('select[name="snapshot"]').inputValue()).toBe('latest')

    // A course saved after the freeze (not yet folded: no rollup runs here).
    const unit = (await payload.find({ collection: 'units', limit: 1, overrideAccess: true }))
      .docs[0]
    const course = await payload.create({
      collection: 'trainings',
      overrideAccess: true,
      data: {
        title: 'Lớp bổ sung sau khi chốt',
        ownerUnit: unit.id,
        status: 'held',
        startsOn: '2026-06-05T02:00:00.000Z',
        totalTrainees: 33,
      } as never,
    })
    await page.reload()
    expect(await note.getAttribute('data-stale')).toBe('true')
    const text = await note.innerText()
    expect(text).toContain('Số liệu đã thay đổi sau khi chốt (lúc ')
    expect(text).toContain('bản chốt cũ hơn số liệu hiện tại')
    const changedAt = text.match(/sau khi chốt \(lúc (\d{2}\/\d{2}\/\d{4} \d{2}:\d{2})\)/)![1]
    // The change's own minute (its marks are written as it is saved).
    expect([
      formatDateTimeVn(course.updatedAt),
      formatDateTimeVn(new Date(Date.parse(course.updatedAt) + 60_000)),
    ]).toContain(changedAt)
  })
})
