/**
 * The reports dashboard's view model on plain cells (no database): every figure is worked out by
 * hand in the comments, and the year-share edges are checked in Vietnam time.
 */
import { parse } from 'qs-esm'
import { describe, expect, it } from 'vitest'
import {
  byChannel,
  byUnit,
  dashboardCells,
  formatNumber,
  isEmptyYear,
  kpiProgress,
  kpiState,
  monthByType,
  shareOfYearElapsed,
  sortUnitRows,
  trainingsVersusPlan,
  withCondition,
  yearCounters,
  type DashCell,
  type KpiTarget,
  type Scope,
} from '@/reporting/dashboard'

const cell = (
  month: number,
  metric: string,
  value: number,
  d: Partial<DashCell> = {},
): DashCell => ({
  year: 2026,
  month,
  metric,
  value,
  campaign: null,
  unit: null,
  unitName: null,
  contentType: null,
  channel: null,
  channelKind: null,
  topic: null,
  ...d,
})
const U1 = { unit: 'u1', unitName: 'Báo Tây Ninh' }
const U2 = { unit: 'u2', unitName: 'Đài Phát thanh - Truyền hình Tây Ninh' }
const W = { channel: 'w', channelKind: 'web-page' }
const L = { channel: 'l', channelKind: 'loudspeaker' }
const R = { channel: 'r', channelKind: 'radio' }

/*
 * (all, all) family of 2026:
 *   content published: Mar U1 articles 2, Mar U2 videos 1, May U1 articles 1, Dec U2 events 1 → 5 (articles 3, videos 1, events 1)
 *   publications published: Mar U1 articles W 3, May U2 videos L 2 → 5
 *   broadcasts aired / minutes: May U2 videos L 2 / 4.5, Jun U2 videos R 1 / 2.25 → 3 / 6.75 (loudspeaker 2)
 *   events held Jul U1 1, participants 120; budgets (month 0): U1 planned 100,000,000 spent 40,000,000, U2 planned 30,000,000
 * plus campaign C1's and topic T1's cells, which the dashboard must not add in.
 */
const ALL: DashCell[] = [
  cell(3, 'content-published', 2, { ...U1, contentType: 'articles' }),
  cell(3, 'content-published', 1, { ...U2, contentType: 'videos' }),
  cell(5, 'content-published', 1, { ...U1, contentType: 'articles' }),
  cell(12, 'content-published', 1, { ...U2, contentType: 'events' }),
  cell(3, 'publications-published', 3, { ...U1, contentType: 'articles', ...W }),
  cell(5, 'publications-published', 2, { ...U2, contentType: 'videos', ...L }),
  cell(5, 'broadcasts-aired', 2, { ...U2, contentType: 'videos', ...L }),
  cell(5, 'broadcast-minutes', 4.5, { ...U2, contentType: 'videos', ...L }),
  cell(6, 'broadcasts-aired', 1, { ...U2, contentType: 'videos', ...R }),
  cell(6, 'broadcast-minutes', 2.25, { ...U2, contentType: 'videos', ...R }),
  cell(7, 'events-held', 1, { ...U1, contentType: 'events' }),
  cell(7, 'participants', 120, { ...U1, contentType: 'events' }),
  cell(0, 'budget-planned', 100_000_000, U1),
  cell(0, 'budget-spent', 40_000_000, U1),
  cell(0, 'budget-planned', 30_000_000, U2),
]
/* Campaign C1's family: content published Mar U1 articles 2, May U1 articles 1; publications Mar U1 articles W 3; events held Jul U1 1. */
const C1: DashCell[] = [
  cell(3, 'content-published', 2, { ...U1, contentType: 'articles', campaign: 'c1' }),
  cell(5, 'content-published', 1, { ...U1, contentType: 'articles', campaign: 'c1' }),
  cell(3, 'publications-published', 3, { ...U1, contentType: 'articles', ...W, campaign: 'c1' }),
  cell(7, 'events-held', 1, { ...U1, contentType: 'events', campaign: 'c1' }),
]
const TOPIC: DashCell[] = [
  cell(3, 'content-published', 2, { ...U1, contentType: 'articles', topic: 't1' }),
]
const STORED = [...ALL, ...C1, ...TOPIC]
const scope: Scope = { year: 2026, campaign: null, unit: null }

const whereOf = (href: string | null) =>
  (parse(href!.split('?')[1]) as { where: { and: Record<string, Record<string, string>>[] } }).where
    .and

describe('which cells are summed', () => {
  it('takes one family: (all, all) normally, campaign X when filtered, never topics', () => {
    expect(dashboardCells(STORED, null)).toEqual(ALL)
    expect(dashboardCells(STORED, 'c1')).toEqual(C1)
    expect(dashboardCells(STORED, 'c2')).toEqual([])
    expect(isEmptyYear(dashboardCells(STORED, 'c2'))).toBe(true)
    expect(isEmptyYear(ALL)).toBe(false)
  })
})

describe('counters', () => {
  const counters = Object.fromEntries(
    yearCounters(dashboardCells(STORED, null), scope).map((c) => [c.id, c]),
  )

  it('are the hand-computed totals', () => {
    expect(Object.fromEntries(Object.entries(counters).map(([id, c]) => [id, c.value]))).toEqual({
      'content-published': 5,
      'publications-published': 5,
      'broadcasts-aired': 3,
      'broadcast-minutes': 6.75,
      'loudspeaker-broadcasts': 2,
      'events-held': 1,
      participants: 120,
      'budget-planned': 130_000_000,
      'budget-spent': 40_000_000,
    })
    expect(counters['content-published'].parts!.map((p) => [p.id, p.value])).toEqual([
      ['articles', 3],
      ['videos', 1],
      ['infographics', 0],
      ['events', 1],
    ])
  })

  it('link to the rows they count: each content kind its own list, loudspeakers narrowed by channel kind', () => {
    expect(counters['content-published'].href).toBeNull()
    const videos = counters['content-published'].parts!.find((p) => p.id === 'videos')!.href!
    expect(videos.startsWith('/admin/collections/videos?')).toBe(true)
    expect(whereOf(videos)).toEqual([
      { _status: { equals: 'published' } },
      { publishedAt: { greater_than_equal: '2025-12-31T17:00:00.000Z' } },
      { publishedAt: { less_than: '2026-12-31T17:00:00.000Z' } },
    ])
    const loud = counters['loudspeaker-broadcasts'].href!
    expect(loud.startsWith('/admin/collections/publications?')).toBe(true)
    expect(whereOf(loud)).toEqual([
      { 'airing.status': { equals: 'aired' } },
      { scheduledAt: { greater_than_equal: '2025-12-31T17:00:00.000Z' } },
      { scheduledAt: { less_than: '2026-12-31T17:00:00.000Z' } },
      { channelKind: { equals: 'loudspeaker' } },
    ])
    expect(counters['budget-planned'].href!.startsWith('/admin/collections/campaigns?')).toBe(true)
  })

  it('carry the campaign and unit of the scope into their links', () => {
    const scoped = yearCounters(C1, { year: 2026, campaign: 'c1', unit: 'u1' })
    const pubs = scoped.find((c) => c.id === 'publications-published')!
    expect(pubs.value).toBe(3)
    expect(whereOf(pubs.href)).toContainEqual({ ownerUnit: { equals: 'u1' } })
    expect(whereOf(pubs.href)).toContainEqual({ campaign: { equals: 'c1' } })
  })

  it('withCondition numbers the new condition after the existing ones, also on a bare list', () => {
    expect(decodeURIComponent(withCondition('/admin/collections/x', 'a', 'equals', 'b'))).toBe(
      '/admin/collections/x?where[and][0][a][equals]=b',
    )
    expect(
      decodeURIComponent(
        withCondition('/x?where%5Band%5D%5B0%5D%5Bp%5D%5Bequals%5D=1', 'a', 'in', 'b'),
      ),
    ).toBe('/x?where[and][0][p][equals]=1&where[and][1][a][in]=b')
  })
})

describe('output by month, stacked by type', () => {
  const series = monthByType(ALL, scope)
  it('puts each kind in its month; only kinds with figures are stacked', () => {
    expect(series.types).toEqual(['articles', 'videos', 'events'])
    expect(series.rows.map((r) => r.total)).toEqual([0, 0, 3, 0, 1, 0, 0, 0, 0, 0, 0, 1])
    expect(series.rows[2].byType.articles.value).toBe(2)
    expect(series.rows[2].byType.videos.value).toBe(1)
    expect(series.rows[11].byType.events.value).toBe(1)
    expect(series.totals).toEqual({ articles: 3, videos: 1, infographics: 0, events: 1 })
    expect(series.total).toBe(5)
  })
  it("links a stack to that month's list of that kind (local March as UTC instants)", () => {
    const href = series.rows[2].byType.articles.href!
    expect(href.startsWith('/admin/collections/articles?')).toBe(true)
    expect(whereOf(href)).toContainEqual({
      publishedAt: { greater_than_equal: '2026-02-28T17:00:00.000Z' },
    })
    expect(whereOf(href)).toContainEqual({ publishedAt: { less_than: '2026-03-31T17:00:00.000Z' } })
  })
})

describe('by channel', () => {
  const rows = byChannel(
    ALL,
    scope,
    new Map([
      ['w', 'Chuyên trang CĐS'],
      ['l', 'Loa xã Tân Bình'],
    ]),
  )
  it('sums each channel, most publications first, and names a deleted channel', () => {
    expect(
      rows.map((r) => [
        r.name,
        r.kind,
        r.figures['publications-published'].value,
        r.figures['broadcasts-aired'].value,
        r.figures['broadcast-minutes'].value,
      ]),
    ).toEqual([
      ['Chuyên trang CĐS', 'web-page', 3, 0, 0],
      ['Loa xã Tân Bình', 'loudspeaker', 2, 2, 4.5],
      ['Kênh đã xóa (r)', 'radio', 0, 1, 2.25],
    ])
    expect(whereOf(rows[1].figures['broadcasts-aired'].href)).toContainEqual({
      channel: { equals: 'l' },
    })
  })
})

describe('by unit', () => {
  const rows = byUnit(ALL, scope)
  const values = (r: (typeof rows)[number]) =>
    Object.fromEntries(Object.entries(r.figures).map(([k, f]) => [k, f.value]))
  it('one row per unit with its own figures, named as its cells are', () => {
    expect(rows.map((r) => r.name)).toEqual([
      'Báo Tây Ninh',
      'Đài Phát thanh - Truyền hình Tây Ninh',
    ])
    expect(values(rows[0])).toEqual({
      'published-articles': 3,
      'published-videos': 0,
      'published-infographics': 0,
      'published-events': 0,
      'publications-published': 3,
      'broadcasts-aired': 0,
      'broadcast-minutes': 0,
      'events-held': 1,
      participants: 120,
    })
    expect(values(rows[1])).toEqual({
      'published-articles': 0,
      'published-videos': 1,
      'published-infographics': 0,
      'published-events': 1,
      'publications-published': 2,
      'broadcasts-aired': 3,
      'broadcast-minutes': 6.75,
      'events-held': 0,
      participants: 0,
    })
    expect(whereOf(rows[1].figures['published-videos'].href)).toContainEqual({
      ownerUnit: { equals: 'u2' },
    })
  })
  it('sorts by name (Vietnamese order) and by any number column', () => {
    expect(sortUnitRows(rows, 'name', 'desc').map((r) => r.unit)).toEqual(['u2', 'u1'])
    expect(sortUnitRows(rows, 'participants', 'desc').map((r) => r.unit)).toEqual(['u1', 'u2'])
    expect(sortUnitRows(rows, 'broadcasts-aired', 'desc').map((r) => r.unit)).toEqual(['u2', 'u1'])
    expect(sortUnitRows(rows, 'broadcasts-aired', 'asc').map((r) => r.unit)).toEqual(['u1', 'u2'])
  })
})

describe('share of the year elapsed (Vietnam time)', () => {
  const at = (local: string) => new Date(`${local}+07:00`)
  it('is 0 at 00:00 on 1 January and for a year still to come', () => {
    expect(shareOfYearElapsed(2026, at('2026-01-01T00:00:00'))).toBe(0)
    expect(shareOfYearElapsed(2026, at('2025-12-31T23:59:59'))).toBe(0)
    expect(shareOfYearElapsed(2027, at('2026-07-02T12:00:00'))).toBe(0)
  })
  it('is the elapsed time over the year: half at noon on 2 July (365 days), on 2 July 00:00 in a leap year', () => {
    expect(shareOfYearElapsed(2026, at('2026-07-02T12:00:00'))).toBe(0.5) // 181 days to 1 July + 1.5 days = 182.5 / 365
    expect(shareOfYearElapsed(2028, at('2028-07-02T00:00:00'))).toBe(0.5) // 183 / 366
    expect(shareOfYearElapsed(2026, at('2026-12-31T12:00:00'))).toBeCloseTo(364.5 / 365, 12)
    expect(shareOfYearElapsed(2026, at('2026-12-31T23:59:59'))).toBeCloseTo(
      1 - 1 / (365 * 86_400),
      12,
    )
  })
  it('is 1 from 00:00 on 1 January of the next year (17:00 UTC on 31 Dec) and for a past year', () => {
    expect(shareOfYearElapsed(2026, new Date('2026-12-31T17:00:00Z'))).toBe(1)
    expect(shareOfYearElapsed(2025, at('2026-01-01T00:00:00'))).toBe(1)
    expect(shareOfYearElapsed(2020, at('2026-07-02T12:00:00'))).toBe(1)
  })
})

describe('KPI progress', () => {
  it('states: reached at the target, on track at exactly the share, behind below it', () => {
    expect(kpiState(10, 10, 0.9)).toBe('reached')
    expect(kpiState(12, 10, 1)).toBe('reached')
    expect(kpiState(5, 10, 0.5)).toBe('on-track')
    expect(kpiState(4.99, 10, 0.5)).toBe('behind')
    expect(kpiState(0, 10, 0)).toBe('on-track') // 1 January, or a year to come
    expect(kpiState(9, 10, 1)).toBe('behind') // a past year short of its target
    expect(kpiState(0, 0, 0.5)).toBe('reached')
  })

  const target = (t: Partial<KpiTarget>): KpiTarget => ({
    campaign: 'c1',
    campaignName: 'Chiến dịch CĐS 2026',
    metric: 'items-published',
    year: 2026,
    target: 10,
    ...t,
  })
  const targets = [
    target({}), // content published in C1: 2 + 1 = 3 of 10
    target({ channel: 'w', target: 4 }), // publications on W in C1: 3 of 4
    target({ contentType: 'articles', target: 3 }), // articles published in C1: 3 of 3
    target({ metric: 'events-held', target: 0 }),
    target({ metric: 'trainees', target: 100 }),
  ]

  it('measures each target over its campaign family only (the all-family and topic cells are not added)', () => {
    const rows = kpiProgress(targets, STORED, 0.5)
    expect(rows.map((r) => [r.measure, r.actual, r.percent, r.state])).toEqual([
      ['content-published', 3, 30, 'behind'],
      ['publications-published', 3, 75, 'on-track'],
      ['content-published', 3, 100, 'reached'],
      ['events-held', 1, 100, 'reached'],
      // Trainees are measured by the courses' totals (none in these cells): 0 of 100 at mid-year.
      ['trainees', 0, 0, 'behind'],
    ])
    expect(rows[0].label).toBe('Số tin, bài, sản phẩm đã đăng')
    expect(whereOf(rows[1].href)).toContainEqual({ channel: { equals: 'w' } })
    expect(whereOf(rows[1].href)).toContainEqual({ campaign: { equals: 'c1' } })
  })

  it("a past year (share 1) turns 75% into behind; one unit's figures are shown but not judged", () => {
    expect(kpiProgress(targets.slice(1, 2), STORED, 1)[0].state).toBe('behind')
    const unitRow = kpiProgress(targets.slice(0, 1), C1, 0.5, { unit: 'u1' })[0]
    expect([unitRow.actual, unitRow.state]).toEqual([3, null])
    expect(whereOf(unitRow.href)).toContainEqual({ ownerUnit: { equals: 'u1' } })
  })
})

describe('trainings against plan (plain rows; the data is wired on main)', () => {
  it('judges each programme and the total like KPI targets', () => {
    const result = trainingsVersusPlan(
      [
        { programme: 'Bình dân học vụ số', planned: 200, actual: 150 },
        { programme: 'Kỹ năng số cho cán bộ xã', planned: 100, actual: 20 },
      ],
      0.5,
    )
    expect(result.rows.map((r) => [r.percent, r.state])).toEqual([
      [75, 'on-track'],
      [20, 'behind'],
    ])
    expect(result.total).toEqual({
      programme: 'Tổng cộng',
      planned: 300,
      actual: 170,
      percent: 56.7,
      state: 'on-track',
    })
    expect(trainingsVersusPlan([], 0.5)).toEqual({ rows: [], total: null })
  })
})

describe('number format', () => {
  it('writes numbers the Vietnamese way', () => {
    expect(formatNumber(1_234_567)).toBe('1.234.567')
    expect(formatNumber(6.75)).toBe('6,75')
  })
})
