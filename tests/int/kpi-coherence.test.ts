/**
 * Issue 19, item 6: on the reports page of the seeded demo, every KPI row is measured, and its figure
 * is the figure the tables around it show (the counters, the trainings table), and the same measure
 * computed here from the collections' rows. That holds only when the demo's content, events, courses
 * and publications belong to the campaigns whose targets count them, and when each KPI metric maps
 * to the measure those tables show (KPI_MEASURES).
 */
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { seed } from '../../scripts/seed'
import { loadReport, type ReportData } from '@/admin/reports/loadReport'
import { vnMonthRange, vnYearMonth } from '@/lib/time'
import { rebuildYear } from '@/reporting/engine'
import {
  AiringStatus,
  CONTENT_KINDS,
  DashboardCounter,
  isBroadcastKind,
  KpiState,
  PublicationStatus,
} from '@/vocabulary'
import { testPayload } from '../helpers/payload'

let payload: Payload
let req: PayloadRequest
/** The demo's years: 1155/QĐ-UBND's last (2025) and the 2026 plan's. */
const YEARS = [2025, 2026]
const reports = new Map<number, ReportData>()

const all = async (collection: string) =>
  (
    await payload.find({
      collection: collection as 'articles',
      pagination: false,
      limit: 0,
      depth: 0,
      overrideAccess: true,
    })
  ).docs as unknown as Record<string, any>[]

const inYear = (at: unknown, year: number) => !!at && vnYearMonth(at as string).year === year
const idOf = (v: unknown) => String(v && typeof v === 'object' ? (v as { id: string }).id : v)
const hasCampaign = (doc: Record<string, any>, campaign: string) =>
  ((doc.campaigns ?? []) as unknown[]).some((c) => idOf(c) === campaign)

/** Each KPI metric computed by hand from the rows, for one campaign and year. */
async function byHand(
  metric: string,
  campaign: string,
  year: number,
  contentType?: string | null,
): Promise<number> {
  switch (metric) {
    case 'items-published': {
      let n = 0
      for (const kind of CONTENT_KINDS) {
        if (contentType && contentType !== kind) continue
        n += (await all(kind)).filter(
          (d) =>
            d._status === 'published' && inYear(d.publishedAt, year) && hasCampaign(d, campaign),
        ).length
      }
      return n
    }
    case 'events-held':
      return (await all('events')).filter(
        (e) => e.status === 'held' && inYear(e.startsAt, year) && hasCampaign(e, campaign),
      ).length
    case 'trainees':
      return (await all('trainings'))
        .filter(
          (t) => t.status === 'held' && inYear(t.startsOn, year) && idOf(t.campaign) === campaign,
        )
        .reduce((n, t) => n + (t.totalTrainees ?? 0), 0)
    case 'broadcasts-aired':
      return (await all('publications')).filter(
        (p) =>
          p.airing?.status === AiringStatus.Aired &&
          isBroadcastKind(p.channelKind) &&
          inYear(p.scheduledAt, year) &&
          idOf(p.campaign) === campaign,
      ).length
    case 'reach': {
      // Per post published in the year, its latest observation before the year ended.
      const end = vnMonthRange(year).to.getTime()
      const latest = new Map<string, Record<string, any>>()
      for (const o of await all('engagement-observations')) {
        if (new Date(o.observedAt).getTime() >= end) continue
        const prev = latest.get(idOf(o.publication))
        if (!prev || o.observedAt > prev.observedAt) latest.set(idOf(o.publication), o)
      }
      return (await all('publications'))
        .filter(
          (p) =>
            p.status === PublicationStatus.Published &&
            inYear(p.publishedAt, year) &&
            idOf(p.campaign) === campaign,
        )
        .reduce((n, p) => n + (latest.get(String(p.id))?.reach ?? 0), 0)
    }
    default:
      throw new Error(`KPI ${metric}: no hand computation in this test`)
  }
}

beforeAll(async () => {
  payload = await testPayload()
  await seed(payload)
  for (const year of YEARS) await rebuildYear(payload, year)
  const manager = (
    await payload.find({
      collection: 'users',
      where: { role: { equals: 'campaign-manager' } },
      limit: 1,
      overrideAccess: true,
    })
  ).docs[0]
  req = await createLocalReq({ user: manager as never }, payload)
  for (const year of YEARS)
    reports.set(year, await loadReport(req, { year, campaign: null, unit: null }))
}, 600_000)

/** The metrics some demo year has a non-zero figure for: the comparisons below are not all 0 = 0. */
const nonZero = new Set<string>()

describe.each(YEARS)('the demo year %i on the reports page (every campaign)', (year) => {
  it('has KPI targets, every one measured', () => {
    const kpi = reports.get(year)!.kpi
    expect(kpi.length).toBeGreaterThanOrEqual(4)
    for (const row of kpi) {
      expect(row.state, row.label).not.toBe(KpiState.NotMeasured)
      expect(row.measure, row.label).not.toBeNull()
    }
  })

  it('each KPI figure equals the same measure computed from the rows', async () => {
    for (const row of reports.get(year)!.kpi) {
      const expected = await byHand(row.metric, row.campaign, year, row.contentType)
      expect(row.actual, `${row.label} (${row.campaignName})`).toBe(expected)
      if (expected > 0) nonZero.add(row.metric)
    }
  })

  it('each KPI figure equals the figure of the tables around it', () => {
    const r = reports.get(year)!
    const counter = (id: DashboardCounter) => r.counters.find((c) => c.id === id)!
    for (const row of r.kpi) {
      const label = `${row.label} (${row.campaignName})`
      switch (row.metric) {
        case 'items-published': {
          const published = counter(DashboardCounter.ContentPublished)
          const shown = row.contentType
            ? published.parts!.find((p) => p.id === row.contentType)!.value
            : published.value
          expect(row.actual, label).toBe(shown)
          break
        }
        case 'broadcasts-aired':
          expect(row.actual, label).toBe(counter(DashboardCounter.BroadcastsAired).value)
          break
        case 'events-held':
          expect(row.actual, label).toBe(counter(DashboardCounter.EventsHeld).value)
          break
        case 'trainees':
          // The trainings table's total: programmes plus what the courses' totals leave unassigned.
          expect(row.actual, label).toBe(r.trainings!.total!.actual)
          break
        case 'reach':
          // No table shows reach beside the KPI: checked against the rows above only.
          break
        default:
          throw new Error(`KPI ${row.metric}: no table to compare with`)
      }
    }
  })
})

describe('the checks above compared real figures', () => {
  it('every KPI metric of the demo has a non-zero figure in one of its years (2026 has held no event yet)', () => {
    const metrics = new Set(YEARS.flatMap((y) => reports.get(y)!.kpi.map((r) => r.metric)))
    expect([...metrics].sort()).toEqual(
      ['broadcasts-aired', 'events-held', 'items-published', 'reach', 'trainees'].sort(),
    )
    expect([...nonZero].sort()).toEqual([...metrics].sort())
  })
})
