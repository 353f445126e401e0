/**
 * The reports page's data as each role reads it: cells built by the rollup engine from a small
 * dataset (totals worked out by hand below), read through the Local API as the user; and the
 * rebuild endpoints (who may start one, its progress, the figures after it).
 */
import { createLocalReq, type Payload, type PayloadRequest, type TypedUser } from 'payload'
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { loadReport, type ReportData } from '@/admin/reports/loadReport'
import { rebuildStatusEndpoint, startRebuildEndpoint } from '@/endpoints/rebuildFigures'
import { startJobRunner } from '@/jobs/runner'
import { rebuildYear } from '@/reporting/engine'
import { SOURCES } from '@/reporting/sources'
import type { Role } from '@/vocabulary'
import { createUnit, createUser } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'
import { content, publication } from '../helpers/rollup'

let payload: Payload
const id: Record<string, string> = {}
const users: Record<string, TypedUser> = {}
const YEAR = 2025

/*
 * Units U1 (Báo), U2 (Đài); channels W (web page, U1), L (loudspeaker, U2); campaign C1 (lead U1,
 * 2025 budget planned 50,000,000, spent 20,000,000; targets 2025: items published 4, broadcasts on L 2).
 *   A1 article U1 [C1] published 2025-03-10 (Mar); A2 article U1 [] published 2025-03-20 (Mar);
 *   V1 video U2 [C1] published 2025-05-05 (May)
 *   P1 A1→W C1 published Mar; P2, P3 V1→L C1 published and aired in May, 120 s and 60 s
 * 2025, every campaign: content published 3 (articles 2 in Mar, U1; videos 1 in May, U2), publications 3
 *   (W 1, L 2), broadcasts aired 2 (loudspeaker), minutes 3, budget 50,000,000 / 20,000,000 (U1)
 *   U1 alone: content 2, publications 1, broadcasts 0, budget 50,000,000; U2 alone: content 1, publications 2, broadcasts 2, minutes 3
 * Campaign C1: content published 2 (A1, V1) → items target 4: 50%, behind in a past year; broadcasts on L 2 of 2: reached.
 */
beforeAll(async () => {
  payload = await testPayload()
  id.U1 = String((await createUnit(payload, 'Báo Tây Ninh')).id)
  id.U2 = String(
    (await createUnit(payload, 'Đài Phát thanh và Truyền hình Tây Ninh', 'radio-tv')).id,
  )
  const channel = (name: string, kind: string, ownerUnit: string) =>
    payload.create({
      collection: 'channels',
      data: {
        name,
        kind,
        ownerUnit,
        settings: { url: 'https://chuyendoiso.tayninh.gov.vn' },
      } as never,
      overrideAccess: true,
    })
  id.W = String((await channel('Chuyên trang CĐS', 'web-page', id.U1)).id)
  id.L = String((await channel('Loa truyền thanh xã Tân Bình', 'loudspeaker', id.U2)).id)
  id.C1 = String(
    (
      await payload.create({
        collection: 'campaigns',
        data: {
          name: 'Chiến dịch CĐS 2025',
          leadUnit: id.U1,
          startsOn: '2025-01-01T00:00:00+07:00',
          endsOn: '2025-12-31T00:00:00+07:00',
          budgets: [{ year: YEAR, planned: 50_000_000, spent: 20_000_000 }],
          kpiTargets: [
            { metric: 'items-published', year: YEAR, target: 4 },
            { metric: 'broadcasts-aired', channel: id.L, year: YEAR, target: 2 },
          ],
        } as never,
        overrideAccess: true,
      })
    ).id,
  )
  const { U1, U2, C1, W, L } = id
  id.A1 = await content(
    payload,
    'articles',
    {
      title: 'Bài A1',
      ownerUnit: U1,
      campaigns: [C1],
      _status: 'published',
      publishedAt: '2025-03-10T03:00:00.000Z',
    },
    '2025-03-01T03:00:00.000Z',
  )
  id.A2 = await content(
    payload,
    'articles',
    {
      title: 'Bài A2',
      ownerUnit: U1,
      _status: 'published',
      publishedAt: '2025-03-20T03:00:00.000Z',
    },
    '2025-03-01T03:00:00.000Z',
  )
  id.V1 = await content(
    payload,
    'videos',
    {
      title: 'Video V1',
      externalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      ownerUnit: U2,
      campaigns: [C1],
      _status: 'published',
      publishedAt: '2025-05-05T03:00:00.000Z',
    },
    '2025-05-01T03:00:00.000Z',
  )
  await publication(payload, {
    content: { relationTo: 'articles', value: id.A1 },
    channel: W,
    channelKind: 'web-page',
    ownerUnit: U1,
    campaign: C1,
    status: 'published',
    scheduledAt: '2025-03-10T04:00:00.000Z',
    publishedAt: '2025-03-10T04:00:00.000Z',
  })
  for (const [day, seconds] of [
    ['06', 120],
    ['07', 60],
  ] as const) {
    const at = `2025-05-${day}T01:00:00.000Z`
    await publication(payload, {
      content: { relationTo: 'videos', value: id.V1 },
      channel: L,
      channelKind: 'loudspeaker',
      ownerUnit: U2,
      campaign: C1,
      status: 'published',
      scheduledAt: at,
      publishedAt: at,
      airing: { status: 'aired', actualDurationSeconds: seconds },
    })
  }
  await rebuildYear(payload, YEAR)

  const as = async (key: string, role: Role, unit?: string) => {
    const u = await createUser(payload, role, unit)
    users[key] = {
      ...(await payload.findByID({
        collection: 'users',
        id: u.id,
        depth: 0,
        overrideAccess: true,
      })),
      collection: 'users',
    } as TypedUser
  }
  await as('admin', 'admin')
  await as('manager', 'campaign-manager', U1)
  await as('viewer', 'viewer')
  await as('editorU1', 'editor', U1)
  await as('editorU2', 'editor', U2)
  await as('contributorU2', 'contributor', U2)
})

const reqAs = (user: TypedUser | null): Promise<PayloadRequest> =>
  createLocalReq({ user: user ?? undefined }, payload)
const report = async (user: TypedUser | null, filters: { campaign?: string; unit?: string } = {}) =>
  loadReport(await reqAs(user), {
    year: YEAR,
    campaign: filters.campaign ?? null,
    unit: filters.unit ?? null,
  })
const counts = (r: ReportData) => Object.fromEntries(r.counters.map((c) => [c.id, c.value]))

const EVERYTHING = {
  'content-published': 3,
  'publications-published': 3,
  'broadcasts-aired': 2,
  'broadcast-minutes': 3,
  'loudspeaker-broadcasts': 2,
  'events-held': 0,
  participants: 0,
  'budget-planned': 50_000_000,
  'budget-spent': 20_000_000,
}

describe('the reports data per role', () => {
  it('a campaign manager, an admin and a viewer see every unit', async () => {
    for (const who of ['manager', 'admin', 'viewer']) {
      const r = await report(users[who])
      expect(counts(r), who).toEqual(EVERYTHING)
      expect(
        r.units.map((u) => u.name),
        who,
      ).toEqual(['Báo Tây Ninh', 'Đài Phát thanh và Truyền hình Tây Ninh'])
      expect(r.ownUnitOnly, who).toBe(false)
    }
    expect((await report(users.manager)).canRebuild).toBe(true)
    expect((await report(users.admin)).canRebuild).toBe(true)
    expect((await report(users.viewer)).canRebuild).toBe(false)
  })

  it("an editor or contributor sees only their unit's figures, whatever unit they ask for", async () => {
    const u2 = await report(users.editorU2, { unit: id.U1 })
    expect(counts(u2)).toEqual({
      ...EVERYTHING,
      'content-published': 1,
      'publications-published': 2,
      'budget-planned': 0,
      'budget-spent': 0,
    })
    expect(u2.units.map((u) => u.unit)).toEqual([id.U2])
    expect([u2.ownUnitOnly, u2.unitName, u2.canRebuild]).toEqual([
      true,
      'Đài Phát thanh và Truyền hình Tây Ninh',
      false,
    ])
    expect(u2.options.units.map((u) => u.id)).toEqual([id.U2])
    // Their links are narrowed to their unit, so the lists match the counts.
    expect(
      decodeURIComponent(u2.counters.find((c) => c.id === 'publications-published')!.href!),
    ).toContain(`[ownerUnit][equals]=${id.U2}`)
    expect(counts(await report(users.contributorU2))).toEqual(counts(u2))

    const u1 = await report(users.editorU1)
    expect(counts(u1)).toEqual({
      ...EVERYTHING,
      'content-published': 2,
      'publications-published': 1,
      'broadcasts-aired': 0,
      'broadcast-minutes': 0,
      'loudspeaker-broadcasts': 0,
    })
  })

  it('a campaign filter reads that campaign’s family only; a unit filter narrows for managers', async () => {
    const c1 = await report(users.manager, { campaign: id.C1 })
    expect(counts(c1)['content-published']).toBe(2) // A1, V1 (A2 is in no campaign)
    expect(counts(c1)['publications-published']).toBe(3)
    const u1 = await report(users.manager, { unit: id.U1 })
    expect(counts(u1)['content-published']).toBe(2)
    expect(u1.units.map((u) => u.unit)).toEqual([id.U1])
  })

  it('KPI progress: judged for the whole campaign, shown unjudged as one unit’s contribution', async () => {
    const all = await report(users.manager)
    expect(all.share).toBe(1) // 2025 is past
    expect(all.kpi.map((k) => [k.metric, k.actual, k.target, k.percent, k.state])).toEqual([
      ['items-published', 2, 4, 50, 'behind'],
      ['broadcasts-aired', 2, 2, 100, 'reached'],
    ])
    const u2 = await report(users.editorU2)
    expect(u2.kpi.map((k) => [k.actual, k.state])).toEqual([
      [1, null],
      [2, null],
    ])
  })

  it('anonymous visitors get nothing (the page itself redirects them to the login)', async () => {
    await expect(report(null)).rejects.toThrow()
  })

  it('an empty year is flagged, not shown as zeros', async () => {
    const r = await loadReport(await reqAs(users.manager), {
      year: 2019,
      campaign: null,
      unit: null,
    })
    expect(r.empty).toBe(true)
    expect((await report(users.manager)).empty).toBe(false)
  })
})

describe('rebuilding a year on demand', () => {
  const start = async (user: TypedUser | null, year: unknown = YEAR) => {
    const req = await reqAs(user)
    req.data = { year }
    return startRebuildEndpoint.handler(req)
  }
  const status = async (user: TypedUser, jobId: string) => {
    const req = await reqAs(user)
    req.routeParams = { id: jobId }
    return rebuildStatusEndpoint.handler(req)
  }

  it('refuses visitors (401) and roles other than admin and campaign manager (403, in Vietnamese)', async () => {
    expect((await start(null)).status).toBe(401)
    for (const who of ['editorU1', 'contributorU2', 'viewer']) {
      const res = await start(users[who])
      expect(res.status, who).toBe(403)
      expect(((await res.json()) as { errors: { message: string }[] }).errors[0].message).toBe(
        'Chỉ quản trị hệ thống và quản lý chiến dịch được tính lại số liệu.',
      )
    }
    expect((await start(users.manager, 'năm ngoái')).status).toBe(400)
  })

  it('a campaign manager starts one; its status goes source by source to done and the figures come back', async () => {
    await payload.db.deleteMany({ collection: 'rollup-cells', where: { year: { equals: YEAR } } })
    expect((await report(users.manager)).empty).toBe(true)

    // The server's job runner (src/jobs), as createServer starts it.
    const runner = startJobRunner(payload, { pollMs: 25 })
    onTestFinished(() => runner.stop())
    const res = await start(users.manager)
    expect(res.status).toBe(202)
    const job = (await res.json()) as { id: string; total: number }
    expect(job.total).toBe(SOURCES.length) // one step per source (six with trainings and engagement)
    let last: { state: string; done: number; total: number; cells: number } | undefined
    for (let i = 0; i < 200; i++) {
      const r = await status(users.admin, job.id)
      expect(r.status).toBe(200)
      last = await r.json()
      expect(last!.done).toBeLessThanOrEqual(last!.total)
      if (last!.state === 'done' || last!.state === 'failed') break
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    expect(last).toMatchObject({ state: 'done', done: SOURCES.length, total: SOURCES.length })
    expect(last!.cells).toBeGreaterThan(0)
    expect(counts(await report(users.manager))).toEqual(EVERYTHING)
    expect((await status(users.editorU1, job.id)).status).toBe(403)
    expect((await status(users.manager, 'nope')).status).toBe(404)
  })
})
