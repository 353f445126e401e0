import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, seed, type SeedResult } from '../../scripts/seed'
import { seasonYear } from '../../scripts/seed-data/reportingSeason'
import { mediaDir } from '@/lib/env'
import { isExternalVideoUrl } from '@/lib/videoUrl'
import type { Event, Media, Unit } from '@/payload-types'
import { loadBoard } from '@/reporting/unitReports/board'
import { unitTree } from '@/units/load'
import { CHANNEL_KINDS, ROLES, SubmissionState } from '@/vocabulary'
import { testPayload } from '../helpers/payload'

const COLLECTIONS = [
  'units',
  'topics',
  'users',
  'media',
  'articles',
  'videos',
  'infographics',
  'events',
] as const
type Counts = Record<(typeof COLLECTIONS)[number], number>

async function countAll(payload: Payload): Promise<Counts> {
  const entries = await Promise.all(
    COLLECTIONS.map(
      async (c) =>
        [c, (await payload.count({ collection: c, overrideAccess: true })).totalDocs] as const,
    ),
  )
  return Object.fromEntries(entries) as Counts
}

const all = async <T>(payload: Payload, collection: (typeof COLLECTIONS)[number]) =>
  (await payload.find({ collection, pagination: false, depth: 0, overrideAccess: true }))
    .docs as unknown as T[]

let payload: Payload
let first: SeedResult
let afterFirst: Counts
const progress: string[] = []

beforeAll(async () => {
  payload = await testPayload()
  const started = Date.now()
  first = await seed(payload, { onProgress: (m) => progress.push(m) })
  console.info(`seed (lần đầu): ${((Date.now() - started) / 1000).toFixed(1)} giây`)
  afterFirst = await countAll(payload)
}, 300_000)

describe('seed: first run on an empty database', () => {
  it('creates the expected amounts and reports them truthfully', () => {
    expect(afterFirst.articles).toBeGreaterThanOrEqual(20)
    expect(afterFirst.videos).toBe(5)
    expect(afterFirst.infographics).toBe(5)
    expect(afterFirst.events).toBe(5)
    expect(afterFirst.topics).toBe(6)
    expect(afterFirst.units).toBeGreaterThanOrEqual(12)
    for (const c of COLLECTIONS) expect(first.created[c], c).toBe(afterFirst[c])
    expect(progress.length).toBeGreaterThan(0)
  })

  it('has one demo account per role (and a second editor), with Vietnamese role labels', async () => {
    for (const role of ROLES) {
      const { totalDocs } = await payload.count({
        collection: 'users',
        where: { role: { equals: role } },
        overrideAccess: true,
      })
      expect(totalDocs, role).toBeGreaterThanOrEqual(1)
    }
    expect(first.demoUsers.filter((u) => u.role === 'editor')).toHaveLength(2)
    expect(first.demoUsers.find((u) => u.role === 'admin')?.roleLabel).toBe('Quản trị hệ thống')
    expect(new Set(first.demoUsers.map((u) => u.role))).toEqual(new Set(ROLES))
  })

  it('lets every demo user log in with the demo password', async () => {
    for (const u of first.demoUsers) {
      const result = await payload.login({
        collection: 'users',
        data: { email: u.email, password: DEMO_PASSWORD },
      })
      expect(result.token, u.email).toBeTruthy()
      expect(result.user?.role).toBe(u.role)
    }
  })

  it('builds a unit tree: communes under their district until 30/06/2025, under the province after; the manager at Sở TT&TT', async () => {
    const units = await all<Unit>(payload, 'units')
    const byId = new Map(units.map((u) => [u.id, u]))
    const communes = units.filter((u) => u.kind === 'commune')
    expect(communes.length).toBeGreaterThanOrEqual(2)
    const tree = await unitTree(payload)
    const kindOn = (id: string, day: string) => byId.get(tree.parentOn(id, day) ?? '')?.kind
    for (const c of communes.filter((u) => tree.existsOn(String(u.id), '2025-06-30')))
      expect(kindOn(String(c.id), '2025-06-30'), c.name).toBe('district')
    for (const c of communes.filter((u) => tree.existsOn(String(u.id), '2025-07-01')))
      expect(kindOn(String(c.id), '2025-07-01'), c.name).toBe('province')
    // The restructuring on both sides: merged communes end, their successors carry their figures.
    const named = (n: string) => String(units.find((u) => u.name === n)!.id)
    expect(tree.successors(named('UBND phường Ninh Sơn'))).toEqual([
      { unit: named('UBND phường Tân Ninh'), share: 0.7 },
      { unit: named('UBND phường Bình Minh'), share: 0.3 },
    ])
    expect(tree.nameInYear(named('Trung tâm Chuyển đổi số tỉnh Tây Ninh'), 2024)).toBe(
      'Trung tâm Công nghệ thông tin và Truyền thông',
    )
    const stttt = units.find((u) => u.name === 'Sở Thông tin và Truyền thông')
    expect(stttt?.shortName).toBe('Sở TT&TT')
    const manager = await payload.find({
      collection: 'users',
      where: { role: { equals: 'campaign-manager' } },
      depth: 0,
      overrideAccess: true,
    })
    expect(manager.docs[0].unit).toBe(stttt?.id)
  })

  it('stores generated pictures as WebP with every derived size on disk', async () => {
    const images = (await all<Media>(payload, 'media')).filter((m) => m.kind === 'image')
    expect(images.length).toBeGreaterThanOrEqual(30)
    for (const m of images) {
      expect(m.mimeType, m.filename ?? '').toBe('image/webp')
      expect(m.alt.length).toBeGreaterThan(10)
      expect(m.credit).toBeTruthy()
      expect(fs.existsSync(path.join(mediaDir(), m.filename!))).toBe(true)
      for (const size of ['thumbnail', 'card', 'og'] as const) {
        const s = m.sizes?.[size]
        expect(s?.filename, `${m.filename} ${size}`).toMatch(/\.webp$/)
        expect(s?.mimeType).toBe('image/webp')
        expect(fs.existsSync(path.join(mediaDir(), s!.filename!))).toBe(true)
      }
    }
  })

  it('has published articles spread over 2025–2026 and drafts, all with body, cover and topics', async () => {
    const published = await payload.find({
      collection: 'articles',
      where: { _status: { equals: 'published' } },
      limit: 100,
      depth: 0,
      overrideAccess: true,
    })
    const drafts = await payload.find({
      collection: 'articles',
      where: { _status: { equals: 'draft' } },
      limit: 100,
      depth: 0,
      overrideAccess: true,
    })
    expect(published.totalDocs).toBeGreaterThanOrEqual(15)
    expect(drafts.totalDocs).toBeGreaterThanOrEqual(1)
    const years = new Set(published.docs.map((a) => new Date(a.publishedAt!).getUTCFullYear()))
    expect(years).toEqual(new Set([2025, 2026]))
    for (const a of [...published.docs, ...drafts.docs]) {
      expect(a.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      expect(a.body?.root.children.length, a.title).toBeGreaterThanOrEqual(3)
      expect(a.coverImage).toBeTruthy()
      expect(a.topics?.length).toBeGreaterThan(0)
      expect(a.sapo).toBeTruthy()
    }
  })

  it('links videos to YouTube with a poster, one of each kind asked for', async () => {
    const videos = await payload.find({ collection: 'videos', depth: 0, overrideAccess: true })
    expect(new Set(videos.docs.map((v) => v.kind))).toEqual(
      new Set(['reportage', 'dialogue', 'tv-programme', 'clip', 'radio-programme']),
    )
    for (const v of videos.docs) {
      expect(isExternalVideoUrl(v.externalUrl!), v.externalUrl!).toBe(true)
      expect(v.poster).toBeTruthy()
      expect(v.durationSeconds).toBeGreaterThan(0)
    }
  })

  it('gives every infographic its own image and a text equivalent', async () => {
    const graphics = await payload.find({
      collection: 'infographics',
      depth: 1,
      overrideAccess: true,
    })
    const files = new Set(graphics.docs.map((g) => (g.file as Media).id))
    expect(files.size).toBe(5)
    for (const g of graphics.docs) {
      expect((g.file as Media).mimeType).toBe('image/webp')
      expect(g.longDescription.length).toBeGreaterThan(200)
      expect(g.dataSource).toBeTruthy()
    }
  })

  it('schedules events coherently: ends after start, held ones in the past with attendance', async () => {
    const events = await all<Event>(payload, 'events')
    expect(new Set(events.map((e) => e.kind))).toEqual(
      new Set(['conference', 'training', 'dx-day', 'exhibition', 'contest']),
    )
    const now = Date.now()
    for (const e of events) {
      expect(new Date(e.endsAt).getTime(), e.title).toBeGreaterThanOrEqual(
        new Date(e.startsAt).getTime(),
      )
      expect(e.coordinatingUnits?.length).toBeGreaterThan(0)
      if (e.status === 'held') {
        expect(new Date(e.endsAt).getTime()).toBeLessThan(now)
        const a = e.audience!
        const sum =
          (a.leaders ?? 0) +
          (a.dxSpecialists ?? 0) +
          (a.civilServants ?? 0) +
          (a.citizens ?? 0) +
          (a.students ?? 0)
        expect(sum, e.title).toBe(e.actualParticipants)
      } else {
        expect(['planned', 'confirmed']).toContain(e.status)
        expect(new Date(e.endsAt).getTime()).toBeGreaterThanOrEqual(now)
        expect(e.expectedParticipants).toBeGreaterThan(0)
      }
    }
    const dxDay = events.find((e) => e.kind === 'dx-day')!
    expect(
      new Date(dxDay.startsAt).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }),
    ).toMatch(/^10\/10\//)
  })
})

describe('seed: planning', () => {
  it('creates the 1155/QĐ-UBND campaign with its budget, the 2026 plan, a channel of every kind, and upcoming publications', async () => {
    const payload = await testPayload()
    const campaigns = await payload.find({
      collection: 'campaigns',
      where: { planReference: { equals: '1155/QĐ-UBND' } },
      overrideAccess: true,
    })
    expect(campaigns.totalDocs).toBe(1)
    expect(campaigns.docs[0].budgets?.reduce((sum, b) => sum + (b.planned ?? 0), 0)).toBe(
      5_191_000_000,
    )
    expect(campaigns.docs[0].traineeTargets?.length).toBeGreaterThan(0)
    const plan2026 = await payload.find({
      collection: 'campaigns',
      where: { planReference: { equals: '215/KH-UBND' } },
      overrideAccess: true,
    })
    expect(plan2026.docs[0]?.kpiTargets?.every((t) => t.year === 2026)).toBe(true)
    const channels = await payload.find({
      collection: 'channels',
      limit: 0,
      pagination: false,
      overrideAccess: true,
    })
    expect(channels.docs.map((c) => c.kind).sort()).toEqual([...CHANNEL_KINDS].sort())
    // Social channels wait for real tokens instead of failing against the outside world.
    for (const c of channels.docs.filter((c) =>
      ['facebook-page', 'zalo-oa', 'youtube'].includes(c.kind),
    ))
      expect(c.status).toBe('disabled')
    const upcoming = await payload.find({
      collection: 'publications',
      where: { status: { equals: 'scheduled' } },
      limit: 0,
      pagination: false,
      overrideAccess: true,
      depth: 0,
    })
    expect(upcoming.totalDocs).toBeGreaterThanOrEqual(6)
    for (const p of upcoming.docs)
      expect(new Date(p.scheduledAt).getTime()).toBeGreaterThan(Date.now())
  })

  it('gives the demo a history: 2025 and 2026 publications out on every channel kind, airings, engagement and trainings', async () => {
    const payload = await testPayload()
    const out = await payload.find({
      collection: 'publications',
      where: { status: { equals: 'published' } },
      limit: 0,
      pagination: false,
      overrideAccess: true,
      depth: 0,
    })
    for (const year of ['2025', '2026']) {
      const kinds = new Set(
        out.docs.filter((p) => p.publishedAt?.startsWith(year)).map((p) => p.channelKind),
      )
      expect([...kinds].sort(), year).toEqual([...CHANNEL_KINDS].sort())
    }
    for (const p of out.docs) {
      expect(new Date(p.publishedAt!).getTime()).toBeLessThan(Date.now())
      expect(p.contentTitle && p.channelName).toBeTruthy()
    }
    const broadcasts = out.docs.filter((p) =>
      ['radio', 'tv', 'loudspeaker'].includes(p.channelKind ?? ''),
    )
    expect(broadcasts.length).toBeGreaterThan(0)
    for (const p of broadcasts) expect(['aired', 'not-aired']).toContain(p.airing?.status)
    expect(
      broadcasts
        .filter((p) => p.airing?.status === 'aired')
        .every((p) => (p.airing?.actualDurationSeconds ?? 0) > 0),
    ).toBe(true)
    const observations = await payload.find({
      collection: 'engagement-observations',
      limit: 0,
      pagination: false,
      overrideAccess: true,
      depth: 0,
    })
    expect(observations.totalDocs).toBeGreaterThan(10)
    const trainings = await payload.find({
      collection: 'trainings',
      limit: 0,
      pagination: false,
      overrideAccess: true,
      depth: 0,
    })
    expect(trainings.totalDocs).toBeGreaterThanOrEqual(5)
    for (const t of trainings.docs)
      expect((t.trainees ?? []).reduce((n, r) => n + r.count, 0)).toBeLessThanOrEqual(
        t.totalTrainees ?? 0,
      )
  })
})

/** What the reporting season adds: the units' reports, snapshots and generated reports. */
const seasonCounts = async () =>
  Object.fromEntries(
    await Promise.all(
      (['unit-reports', 'rollup-snapshots', 'generated-reports'] as const).map(async (c) => [
        c,
        (await payload.count({ collection: c, overrideAccess: true })).totalDocs,
      ]),
    ),
  )

describe('seed: the reporting season', () => {
  it('has a unit report in every board state, a frozen snapshot and the draft report of the season', async () => {
    const year = await seasonYear(payload, new Date())
    const board = await loadBoard(payload, year)
    // "Accepted by the parent" exists only in a year whose reports pass through the parent first
    // (the unit tree's reporting chain); the demo season's year has none.
    const chained = board.rows.some((r) => r.via)
    for (const state of Object.values(SubmissionState)) {
      // Overdue is judged on a day (below); the board without one (an export's) has none.
      if (state === SubmissionState.Overdue) expect(board.counts[state]).toBe(0)
      else if (state === SubmissionState.Forwarded && !chained) expect(board.counts[state]).toBe(0)
      else expect(board.counts[state], state).toBeGreaterThanOrEqual(1)
    }
    expect(board.counts['not-started']).toBe(board.expected - 5)
    // Seen today, past the season's deadline: the units not started and the draft are overdue.
    const today = await loadBoard(payload, year, undefined, { asOf: new Date() })
    expect(today.counts.overdue).toBe(board.counts['not-started'] + board.counts.draft)
    const returned = await payload.find({
      collection: 'unit-reports',
      where: { status: { equals: 'returned' } },
      overrideAccess: true,
    })
    expect(returned.docs[0].returnReason).toMatch(/^Thiếu số liệu/)
    const snapshot = (
      await payload.find({
        collection: 'rollup-snapshots',
        where: { year: { equals: year } },
        overrideAccess: true,
      })
    ).docs[0]
    expect(snapshot.cellCount).toBeGreaterThan(0)
    expect(snapshot.dataAsOf).toBeTruthy()
    const drafts = await payload.find({
      collection: 'generated-reports',
      where: { and: [{ year: { equals: year } }, { kind: { equals: 'draft' } }] },
      depth: 0,
      overrideAccess: true,
    })
    // The .docx and the XLSX, from that snapshot.
    expect(drafts.docs.map((d) => d.filename?.split('.').pop()).sort()).toEqual(['docx', 'xlsx'])
    for (const d of drafts.docs) expect(d.snapshot).toBe(snapshot.id)
  })
})

describe('seed: second run', () => {
  it('creates nothing, fails on nothing, and leaves the counts unchanged', async () => {
    const season = await seasonCounts()
    const second = await seed(payload)
    expect(await seasonCounts()).toEqual(season)
    expect(Object.values(second.created).reduce((a, b) => a + b, 0)).toBe(0)
    expect(await countAll(payload)).toEqual(afterFirst)
    expect(second.demoUsers).toEqual(first.demoUsers)
  })
})
