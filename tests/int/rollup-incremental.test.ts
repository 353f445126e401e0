/**
 * The incremental path equals a full rebuild: a seeded random sequence of creates, updates and
 * deletes (content, events, publications, budgets, trainings, engagement observations) through the Local API (so the hooks mark the months), folded in by refreshDirty every few
 * steps, must leave exactly the cells a full rebuild of each year gives. Also: a run clears what it
 * folded in, and the lease lets one worker in at a time.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { rebuildYear, refreshDirty } from '@/reporting/engine'
import { releaseLease, tryLease } from '@/reporting/lease'
import { createUnit } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'
import { cellMap, prng, publication } from '../helpers/rollup'

let payload: Payload
const SEED = 20261125
const YEARS = [2025, 2026]
const units: string[] = []
const topics: string[] = []
const campaigns: string[] = []
const channels: { id: string; kind: string }[] = []

beforeAll(async () => {
  payload = await testPayload()
  for (const name of ['Báo Tây Ninh', 'Đài PT-TH Tây Ninh', 'UBND huyện Châu Thành'])
    units.push(String((await createUnit(payload, name)).id))
  for (const title of ['Chính quyền số', 'Kinh tế số', 'Xã hội số'])
    topics.push(
      String(
        (
          await payload.create({
            collection: 'topics',
            data: { title } as never,
            overrideAccess: true,
          })
        ).id,
      ),
    )
  for (const name of ['Chiến dịch A', 'Chiến dịch B']) {
    const c = await payload.create({
      collection: 'campaigns',
      data: {
        name,
        leadUnit: units[0],
        startsOn: '2025-01-01T00:00:00+07:00',
        endsOn: '2026-12-31T00:00:00+07:00',
        budgets: [{ year: 2025, planned: 10, spent: 5 }],
      } as never,
      overrideAccess: true,
    })
    campaigns.push(String(c.id))
  }
  for (const [name, kind] of [
    ['Chuyên trang', 'web-page'],
    ['Đài phát thanh', 'radio'],
    ['Loa xã', 'loudspeaker'],
  ]) {
    channels.push({
      id: String(
        (
          await payload.create({
            collection: 'channels',
            data: { name, kind, settings: { url: 'https://cds.tayninh.gov.vn' } } as never,
            overrideAccess: true,
          })
        ).id,
      ),
      kind,
    })
  }
})

describe('incremental refresh', () => {
  it(`equals a full rebuild after a random sequence of changes (seed ${SEED})`, async () => {
    const rnd = prng(SEED)
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]
    const someOf = <T>(xs: T[]) => xs.filter(() => rnd() < 0.4)
    // Times spread over 2025-2026 with a bias to year and month edges (the last and first hours).
    const time = () => {
      const year = pick(YEARS)
      const month = 1 + Math.floor(rnd() * 12)
      const edge = rnd() < 0.3
      const local = edge
        ? new Date(
            Date.UTC(year, month, 1) -
              7 * 3600_000 -
              (rnd() < 0.5 ? 1 : -1) * Math.floor(rnd() * 3600_000),
          )
        : new Date(
            Date.UTC(year, month - 1, 1 + Math.floor(rnd() * 27), Math.floor(rnd() * 24)) -
              7 * 3600_000,
          )
      return local.toISOString()
    }
    const articles: string[] = []
    const events: string[] = []
    const pubs: string[] = []
    const trainings: string[] = []
    const observations: string[] = []
    // Publications with observations are not deleted (an observation needs its publication).
    const observed = new Set<string>()
    const kinds = [
      'article',
      'event',
      'publication',
      'update-article',
      'update-event',
      'update-publication',
      'delete',
      'budget',
      'training',
      'update-training',
      'observation',
      'update-observation',
    ] as const
    const trainingData = () => {
      const rows = someOf(['dx-staff', 'leaders', 'citizens']).map((programme) => ({
        programme,
        unitKind: pick(['commune', 'district', 'other']),
        count: 1 + Math.floor(rnd() * 20),
      }))
      return {
        ownerUnit: pick(units),
        campaign: rnd() < 0.5 ? pick(campaigns) : null,
        status: pick(['held', 'held', 'planned', 'cancelled']),
        startsOn: time(),
        totalTrainees: 60 + Math.floor(rnd() * 40),
        trainees: rows,
      }
    }
    // An observation of a publication that went out, dated between its publication and now (never in the future).
    const observation = async () => {
      const candidates = await payload.find({
        collection: 'publications',
        where: {
          and: [
            { status: { equals: 'published' } },
            { publishedAt: { less_than: new Date().toISOString() } },
          ],
        },
        limit: 0,
        pagination: false,
        depth: 0,
        overrideAccess: true,
        select: { publishedAt: true },
      })
      if (!candidates.docs.length) return null
      const p = pick(candidates.docs)
      const from = new Date(p.publishedAt!).getTime()
      const figures = Object.fromEntries(
        someOf(['views', 'reach', 'reactions', 'shares', 'comments', 'watchTimeSeconds']).map(
          (f) => [f, Math.floor(rnd() * 5000)],
        ),
      )
      return {
        publication: String(p.id),
        observedAt: new Date(from + rnd() * (Date.now() - from)).toISOString(),
        views: Math.floor(rnd() * 5000),
        ...figures,
      }
    }
    for (let step = 0; step < 120; step++) {
      const op = pick([...kinds])
      if (op === 'training' || (op === 'update-training' && !trainings.length)) {
        const t = await payload.create({
          collection: 'trainings',
          data: { title: `Lớp ${step}`, ...trainingData() } as never,
          overrideAccess: true,
        })
        trainings.push(String(t.id))
      } else if (op === 'update-training') {
        const d = trainingData()
        await payload.update({
          collection: 'trainings',
          id: pick(trainings),
          data: pick([
            { startsOn: d.startsOn },
            { status: d.status },
            { trainees: d.trainees },
            { ownerUnit: d.ownerUnit, campaign: d.campaign },
          ]) as never,
          overrideAccess: true,
        })
      } else if (op === 'observation' || (op === 'update-observation' && !observations.length)) {
        const data = await observation()
        if (data) {
          observations.push(
            String(
              (
                await payload.create({
                  collection: 'engagement-observations',
                  data: data as never,
                  overrideAccess: true,
                })
              ).id,
            ),
          )
          observed.add(data.publication)
        }
      } else if (op === 'update-observation') {
        const data = await observation()
        if (data) {
          await payload.update({
            collection: 'engagement-observations',
            id: pick(observations),
            data: (rnd() < 0.5 ? { views: data.views } : data) as never,
            overrideAccess: true,
          })
          observed.add(data.publication)
        }
      } else if (op === 'article' || (op === 'update-article' && !articles.length)) {
        const published = rnd() < 0.7
        const a = await payload.create({
          collection: 'articles',
          data: {
            title: `Bài ${step}`,
            ownerUnit: pick(units),
            topics: someOf(topics),
            campaigns: someOf(campaigns),
            _status: published ? 'published' : 'draft',
            ...(published ? { publishedAt: time() } : {}),
          } as never,
          overrideAccess: true,
        })
        articles.push(String(a.id))
      } else if (op === 'event' || (op === 'update-event' && !events.length)) {
        const startsAt = time()
        const e = await payload.create({
          collection: 'events',
          data: {
            title: `Sự kiện ${step}`,
            kind: 'conference',
            ownerUnit: pick(units),
            topics: someOf(topics),
            campaigns: someOf(campaigns),
            startsAt,
            endsAt: new Date(new Date(startsAt).getTime() + 7200_000).toISOString(),
            status: pick(['held', 'planned', 'held']),
            actualParticipants: Math.floor(rnd() * 200),
            audience: { leaders: Math.floor(rnd() * 20) },
          } as never,
          overrideAccess: true,
        })
        events.push(String(e.id))
      } else if (
        (op === 'publication' || (op === 'update-publication' && !pubs.length)) &&
        articles.length
      ) {
        const channel = pick(channels)
        const at = time()
        const published = rnd() < 0.7
        const id = await publication(payload, {
          content: { relationTo: 'articles', value: pick(articles) },
          channel: channel.id,
          channelKind: channel.kind,
          ownerUnit: pick(units),
          campaign: rnd() < 0.6 ? pick(campaigns) : null,
          scheduledAt: at,
          status: published ? 'published' : 'scheduled',
          ...(published ? { publishedAt: at } : {}),
          ...(channel.kind !== 'web-page'
            ? {
                airing: {
                  status: pick(['aired', 'pending', 'not-aired']),
                  actualDurationSeconds: 30 + Math.floor(rnd() * 600),
                },
              }
            : {}),
        })
        pubs.push(id)
      } else if (op === 'update-article' && articles.length) {
        await payload.update({
          collection: 'articles',
          id: pick(articles),
          data: pick([
            { topics: someOf(topics) },
            { publishedAt: time() },
            { ownerUnit: pick(units) },
            { campaigns: someOf(campaigns) },
          ]) as never,
          overrideAccess: true,
        })
      } else if (op === 'update-event' && events.length) {
        await payload.update({
          collection: 'events',
          id: pick(events),
          data: pick([
            { status: 'held' },
            { status: 'cancelled' },
            { actualParticipants: Math.floor(rnd() * 500) },
            { startsAt: time(), endsAt: '2027-06-30T00:00:00.000Z' },
          ]) as never,
          overrideAccess: true,
        })
      } else if (op === 'update-publication' && pubs.length) {
        const at = time()
        await payload.update({
          collection: 'publications',
          id: pick(pubs),
          data: pick([
            { status: 'published', publishedAt: at },
            { status: 'cancelled' },
            { scheduledAt: at },
            { airing: { status: 'aired', actualDurationSeconds: 120 } },
            { campaign: pick(campaigns) },
          ]) as never,
          overrideAccess: true,
          context: { dispatcher: true },
        })
      } else if (op === 'delete') {
        const pool = pick([articles, events, pubs, trainings, observations])
        const i = Math.floor(rnd() * pool.length)
        if (pool.length && !(pool === pubs && observed.has(pool[i]))) {
          const [id] = pool.splice(i, 1)
          const collection =
            pool === articles
              ? 'articles'
              : pool === events
                ? 'events'
                : pool === trainings
                  ? 'trainings'
                  : pool === observations
                    ? 'engagement-observations'
                    : 'publications'
          await payload.delete({
            collection,
            id,
            overrideAccess: true,
            context: { dispatcher: true },
          })
        }
      } else if (op === 'budget') {
        await payload.update({
          collection: 'campaigns',
          id: pick(campaigns),
          data: {
            budgets: [
              {
                year: pick(YEARS),
                planned: Math.floor(rnd() * 1000),
                spent: Math.floor(rnd() * 500),
              },
            ],
          } as never,
          overrideAccess: true,
        })
      }
      if (step % 15 === 14) await refreshDirty(payload)
    }
    await refreshDirty(payload)
    expect(await payload.count({ collection: 'rollup-dirty', overrideAccess: true })).toEqual({
      totalDocs: 0,
    })

    const metricsSeen = new Set<string>()
    for (const year of [...YEARS, new Date().getUTCFullYear()]) {
      const incremental = await cellMap(payload, year)
      for (const k of incremental.keys()) metricsSeen.add(k.split('|')[2])
      await rebuildYear(payload, year)
      const full = await cellMap(payload, year)
      expect(
        full.size,
        `${year}: the random sequence should leave figures to compare`,
      ).toBeGreaterThan(year === 2026 || year === 2025 ? 10 : -1)
      expect(Object.fromEntries(incremental), `year ${year}`).toEqual(Object.fromEntries(full))
    }
    // The sequence reached every source, the two newest included.
    for (const m of [
      'content-produced',
      'publications-published',
      'events-held',
      'budget-planned',
      'trainings-held',
      'trainees-programme-citizens',
      'engagement-views',
    ])
      expect(metricsSeen, m).toContain(m)
  }, 180_000)

  it('a change marks its old and new months, and the run clears what it folded in', async () => {
    const a = await payload.create({
      collection: 'articles',
      data: {
        title: 'Bài dời ngày',
        ownerUnit: units[0],
        _status: 'published',
        publishedAt: '2025-03-10T03:00:00.000Z',
      } as never,
      overrideAccess: true,
    })
    await refreshDirty(payload)
    await payload.update({
      collection: 'articles',
      id: a.id,
      data: { publishedAt: '2025-09-10T03:00:00.000Z' } as never,
      overrideAccess: true,
    })
    const marks = await payload.find({
      collection: 'rollup-dirty',
      where: { source: { equals: 'content' } },
      limit: 0,
      overrideAccess: true,
    })
    const months = new Set(marks.docs.map((m) => `${m.year}-${m.month}`))
    expect(months.has('2025-3') && months.has('2025-9')).toBe(true)
    const r = await refreshDirty(payload)
    expect(r.folded.find((f) => f.source === 'content' && f.year === 2025)?.months).toEqual(
      expect.arrayContaining([3, 9]),
    )
    expect(
      (await payload.count({ collection: 'rollup-dirty', overrideAccess: true })).totalDocs,
    ).toBe(0)
  })
})

describe('lease', () => {
  it('two workers never hold the rollup lease at once; an expired lease is taken over', async () => {
    const now = new Date('2026-11-25T10:00:00.000Z')
    expect(await tryLease(payload, 'thu-nghiem', 'worker-1', 60_000, now)).toBe(true)
    expect(await tryLease(payload, 'thu-nghiem', 'worker-2', 60_000, now)).toBe(false)
    expect(
      await tryLease(payload, 'thu-nghiem', 'worker-2', 60_000, new Date(now.getTime() + 61_000)),
    ).toBe(true)
    await releaseLease(payload, 'thu-nghiem', 'worker-2')
    expect(await tryLease(payload, 'thu-nghiem', 'worker-1', 60_000, now)).toBe(true)
  })
})
