/**
 * The admin's own views pass axe (WCAG 2.1 A and AA) in Chromium: no serious or critical violation
 * on the dashboard (with the dispatcher's worker table, as an admin sees it), the calendar, the
 * scheduling form, the reports page with its indicators panel, the reports board, the export page,
 * the task board, the unit tree, the indicator's units, the task import and a unit report's edit
 * view, each on data (a campaign with KPI targets and a plan's tasks, an indicator catalogue over a
 * unit tree, a worker heartbeat, a unit report).
 *
 * Only Payload's own chrome is left out, by selector, where its markup is Payload's to fix (see
 * PAYLOAD_CORE below); everything our components render is checked.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '@/server'
import { seedPlanTasks } from '../../scripts/seed-data/planTasks'
import { adminLogin, openPage, endE2e } from '../helpers/browser'
import { createUnit, createUser } from '../helpers/fixtures'
import { indicatorCatalogue, indicatorTree } from '../helpers/indicators'
import { testServer } from '../helpers/server'

let server: RunningServer
let browser: Browser
let page: Page
let adminEmail: string
const ids: Record<string, string> = {}

/**
 * Payload's own admin components that axe faults and that a project cannot change (found by this
 * test; each selector as narrow as the violation, the reason beside it). Our fields rendered by them
 * are still checked for everything else.
 */
const PAYLOAD_CORE: { selector: string; why: string }[] = [
  {
    // On select and relationship fields (and one on the dashboard's chrome).
    selector: '.rs__control',
    why: 'react-select in Payload: its search input has no label of its own and its dropdown/clear indicators stay focusable inside aria-hidden',
  },
  {
    selector: '.date-time-picker .react-datepicker__input-container input',
    why: "Payload's date field: react-datepicker's input is not tied to the field's label",
  },
  {
    selector: '.date-time-picker__clear-button',
    why: "Payload's date picker: the clear (×) button has no accessible name",
  },
  {
    selector: '.doc-controls__popup .popup-button',
    why: "Payload's document controls: the ⋯ menu button has no accessible name",
  },
  {
    selector: '.doc-tabs__tabs',
    why: "Payload's document tabs: a <ul> whose children are <div> and <a>, not <li>",
  },
]

beforeAll(async () => {
  server = await testServer()
  const { payload } = server
  const tree = await indicatorTree(payload)
  // The plan's lead units, named as the task table names them.
  const so = await createUnit(payload, 'Sở Thông tin và Truyền thông', 'dic')
  await createUnit(payload, 'Sở Nội vụ', 'department')
  await createUnit(payload, 'Báo Tây Ninh', 'newspaper')
  adminEmail = (await createUser(payload, 'admin', null)).email as string
  const editor = await createUser(payload, 'editor', tree.D1)
  const campaign = await payload.create({
    collection: 'campaigns',
    overrideAccess: true,
    data: {
      name: 'Kế hoạch 1155 Tây Ninh',
      planReference: '1155/QĐ-UBND',
      startsOn: '2022-05-24T00:00:00+07:00',
      endsOn: '2026-12-31T00:00:00+07:00',
      leadUnit: so.id,
      budgets: [{ year: 2025, planned: 1_340_205_000, spent: 1_170_385_000 }],
      kpiTargets: [{ metric: 'items-published', year: 2025, target: 60 }],
    } as never,
  })
  ids.campaign = String(campaign.id)
  await indicatorCatalogue(payload, ids.campaign)
  await seedPlanTasks(payload)
  await payload.create({
    collection: 'channels',
    overrideAccess: true,
    data: { name: 'Chuyên trang CĐS', kind: 'web-page', ownerUnit: tree.D1 } as never,
  })
  await payload.create({
    collection: 'worker-heartbeats',
    overrideAccess: true,
    data: {
      workerId: 'worker-axe',
      hostname: 'may-chu-1',
      pid: 4242,
      startedAt: new Date(Date.now() - 3600_000).toISOString(),
      lastTickAt: new Date().toISOString(),
      queueDepth: 2,
      sent: 10,
      failed: 1,
    } as never,
  })
  ids.report = String(
    (
      await payload.create({
        collection: 'unit-reports',
        user: editor,
        overrideAccess: false,
        data: { year: 2025, results: 'Đăng 120 tin, bài.' } as never,
      })
    ).id,
  )
  ;({ browser, page } = await openPage({ viewport: { width: 1366, height: 900 } }))
  await adminLogin(page, server.url, adminEmail, '/admin')
}, 300_000)

afterAll(() => endE2e('admin-axe', browser, page))

/** Each view and what shows it has rendered (our own block in it). */
const VIEWS: { name: string; path: () => string; ready: string }[] = [
  { name: 'dashboard', path: () => '/admin', ready: '.cms-dispatch table' },
  { name: 'calendar', path: () => '/admin/calendar', ready: '.cms-cal' },
  { name: 'schedule form', path: () => '/admin/schedule', ready: '.cms-view form' },
  {
    name: 'reports page and indicators panel',
    path: () => `/admin/reports?year=2025&campaign=${ids.campaign}`,
    ready: '#report-filter-year',
  },
  {
    name: 'reports board',
    path: () => '/admin/report-submissions?year=2025',
    ready: '#board-table',
  },
  { name: 'export page', path: () => '/admin/export', ready: '.cms-view form' },
  {
    name: 'task board',
    path: () => `/admin/task-board?campaign=${ids.campaign}&year=2025`,
    ready: '.cms-task-board',
  },
  { name: 'task import', path: () => '/admin/task-import', ready: '#task-import-file' },
  { name: 'unit tree', path: () => '/admin/unit-tree', ready: '#tree-date' },
  {
    name: 'indicator units',
    path: () => '/admin/indicator-units?year=2025&code=CB-CAPNHAT',
    ready: '[data-table="indicator-units"]',
  },
  {
    name: 'unit report edit view',
    path: () => `/admin/collections/unit-reports/${ids.report}`,
    ready: '#report-figures',
  },
]

describe('axe on the admin’s own views (WCAG 2.1 AA)', () => {
  for (const view of VIEWS)
    it(`${view.name}: no serious or critical violation`, async () => {
      await page.goto(`${server.url}${view.path()}`)
      await page.locator(view.ready).first().waitFor()
      await page.waitForLoadState('networkidle')
      let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      for (const { selector } of PAYLOAD_CORE) axe = axe.exclude(selector)
      const result = await axe.analyze()
      const found = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.map((n) => `${n.target.join(' ')} :: ${n.failureSummary ?? ''}`),
        }))
      expect(found, JSON.stringify(found, null, 2)).toEqual([])
    })
})
