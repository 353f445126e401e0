/** Helpers for the rollup tests: rows with chosen times (the dispatcher's context skips the "not in the past" rule), and the cells as a key → value map. */
import type { Payload } from 'payload'
import { cellKey } from '@/reporting/cells'
import { createUnit } from './fixtures'

export type Dims = {
  campaign?: string
  unit?: string
  type?: string
  channel?: string
  topic?: string
}

/** The key of a cell, from the dimensions a test names. */
export const key = (year: number, month: number, metric: string, d: Dims = {}) =>
  cellKey({
    year,
    month,
    metric,
    campaign: d.campaign ?? null,
    unit: d.unit ?? null,
    contentType: d.type ?? null,
    channel: d.channel ?? null,
    topic: d.topic ?? null,
  })

/** Every cell of a year, key → value. */
export async function cellMap(payload: Payload, year: number): Promise<Map<string, number>> {
  const found = await payload.find({
    collection: 'rollup-cells',
    where: { year: { equals: year } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const map = new Map<string, number>()
  for (const c of found.docs) {
    const k = cellKey({
      year: c.year,
      month: c.month,
      metric: c.metric,
      campaign: (c.campaign as string) ?? null,
      unit: (c.unit as string) ?? null,
      contentType: c.contentType ?? null,
      channel: (c.channel as string) ?? null,
      topic: (c.topic as string) ?? null,
    })
    if (map.has(k)) throw new Error(`two cells share the key ${k}`)
    map.set(k, c.value)
  }
  return map
}

/** Content created through the Local API (hooks run), then its creation time set as if it had been written then. */
export async function content(
  payload: Payload,
  kind: 'articles' | 'videos' | 'events',
  data: Record<string, unknown>,
  createdAt: string,
): Promise<string> {
  const doc = await payload.create({ collection: kind, data: data as never, overrideAccess: true })
  await payload.db.updateOne({
    collection: kind,
    where: { id: { equals: doc.id } },
    data: { createdAt },
  } as never)
  return String(doc.id)
}

/** A publication written as the dispatcher writes it (owner unit and channel kind given, past times allowed). */
export async function publication(
  payload: Payload,
  data: Record<string, unknown>,
): Promise<string> {
  const doc = await payload.create({
    collection: 'publications',
    data: data as never,
    overrideAccess: true,
    context: { dispatcher: true },
  })
  return String(doc.id)
}

/** A deterministic PRNG (mulberry32), so a failing random sequence can be replayed. */
export function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Builds the hand-known dataset of tests/int/rollup.test.ts (described there, with its totals worked
 * out by hand) through the Local API and returns the ids of its rows by name (U1, T1, C1, W, A1, P1, …).
 * rollup-mongo.test.ts runs the MongoDB path over the same rows.
 */
export async function handDataset(payload: Payload): Promise<Record<string, string>> {
  const id: Record<string, string> = {}
  id.U1 = String((await createUnit(payload, 'Báo Tây Ninh')).id)
  id.U2 = String(
    (await createUnit(payload, 'Đài Phát thanh và Truyền hình Tây Ninh', 'radio-tv')).id,
  )
  for (const [k, name] of [
    ['T1', 'Chính quyền số'],
    ['T2', 'Kinh tế số'],
  ])
    id[k] = String(
      (
        await payload.create({
          collection: 'topics',
          data: { title: name } as never,
          overrideAccess: true,
        })
      ).id,
    )
  const campaign = (name: string, leadUnit: string, budgets: object[]) =>
    payload.create({
      collection: 'campaigns',
      data: {
        name,
        leadUnit,
        startsOn: '2026-01-01T00:00:00+07:00',
        endsOn: '2027-12-31T00:00:00+07:00',
        budgets,
      } as never,
      overrideAccess: true,
    })
  id.C1 = String(
    (
      await campaign('Chiến dịch tuyên truyền CĐS 2026', id.U1, [
        { year: 2026, planned: 100_000_000, spent: 40_000_000 },
        { year: 2027, planned: 50_000_000 },
      ])
    ).id,
  )
  id.C2 = String(
    (
      await campaign('Tháng Chuyển đổi số', id.U2, [
        { year: 2026, planned: 30_000_000, spent: 30_000_000 },
      ])
    ).id,
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
  id.R = String((await channel('Đài phát thanh tỉnh', 'radio', id.U2)).id)
  id.L = String((await channel('Loa truyền thanh xã', 'loudspeaker', id.U2)).id)

  const { U1, U2, T1, T2, C1, C2, W, R, L } = id
  id.A1 = await content(
    payload,
    'articles',
    {
      title: 'Bài A1',
      ownerUnit: U1,
      topics: [T1, T2],
      campaigns: [C1],
      _status: 'published',
      publishedAt: '2026-12-31T16:30:00.000Z',
    },
    '2026-03-10T03:00:00.000Z',
  )
  id.A2 = await content(
    payload,
    'articles',
    {
      title: 'Bài A2',
      ownerUnit: U1,
      topics: [T1],
      campaigns: [C1, C2],
      _status: 'published',
      publishedAt: '2026-12-31T17:30:00.000Z',
    },
    '2026-03-31T17:30:00.000Z',
  )
  id.A3 = await content(
    payload,
    'articles',
    { title: 'Bài A3', ownerUnit: U2, _status: 'draft' },
    '2026-02-28T16:59:59.000Z',
  )
  id.V1 = await content(
    payload,
    'videos',
    {
      title: 'Video V1',
      externalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      ownerUnit: U2,
      topics: [T2],
      campaigns: [C2],
      _status: 'published',
      publishedAt: '2026-05-15T02:00:00.000Z',
    },
    '2026-04-30T17:00:00.000Z',
  )
  const event = { kind: 'conference', endsAt: '2026-12-31T10:00:00.000Z' }
  id.E1 = await content(
    payload,
    'events',
    {
      ...event,
      title: 'Hội nghị E1',
      ownerUnit: U1,
      topics: [T1],
      campaigns: [C1],
      _status: 'draft',
      status: 'held',
      startsAt: '2026-06-30T17:30:00.000Z',
      actualParticipants: 120,
      audience: { leaders: 20, civilServants: 70, citizens: 30 },
    },
    '2026-06-01T03:00:00.000Z',
  )
  id.E2 = await content(
    payload,
    'events',
    {
      ...event,
      title: 'Hội thảo E2',
      ownerUnit: U2,
      topics: [T2],
      _status: 'published',
      publishedAt: '2026-08-02T03:00:00.000Z',
      status: 'planned',
      startsAt: '2026-08-10T02:00:00.000Z',
      actualParticipants: 50,
    },
    '2026-08-01T03:00:00.000Z',
  )

  const pub = (
    ref: [string, string],
    channel: string,
    kind: string,
    ownerUnit: string,
    rest: Record<string, unknown>,
  ) =>
    publication(payload, {
      content: { relationTo: ref[0], value: ref[1] },
      channel,
      channelKind: kind,
      ownerUnit,
      ...rest,
    })
  id.P1 = await pub(['articles', id.A1], W, 'web-page', U1, {
    campaign: C1,
    status: 'published',
    scheduledAt: '2026-12-31T16:30:00.000Z',
    publishedAt: '2026-12-31T16:30:00.000Z',
  })
  id.P2 = await pub(['articles', id.A1], R, 'radio', U1, {
    campaign: C1,
    status: 'published',
    scheduledAt: '2025-12-31T17:00:00.000Z',
    publishedAt: '2025-12-31T17:00:05.000Z',
    airing: { status: 'aired', actualDurationSeconds: 300 },
  })
  id.P3 = await pub(['videos', id.V1], L, 'loudspeaker', U2, {
    status: 'published',
    scheduledAt: '2026-05-20T01:00:00.000Z',
    publishedAt: '2026-05-20T01:00:00.000Z',
    airing: { status: 'aired', actualDurationSeconds: 90 },
  })
  id.P4 = await pub(['videos', id.V1], L, 'loudspeaker', U2, {
    status: 'published',
    scheduledAt: '2026-05-31T16:59:00.000Z',
    publishedAt: '2026-05-31T17:01:00.000Z',
    airing: { status: 'aired', actualDurationSeconds: 150 },
  })
  id.P5 = await pub(['videos', id.V1], R, 'radio', U2, {
    status: 'published',
    scheduledAt: '2026-06-10T03:00:00.000Z',
    publishedAt: '2026-06-10T03:00:00.000Z',
    airing: { status: 'not-aired' },
  })
  id.P6 = await pub(['articles', id.A2], W, 'web-page', U1, {
    status: 'scheduled',
    scheduledAt: '2026-12-31T23:00:00.000Z',
  })
  id.P7 = await pub(['articles', id.A2], W, 'web-page', U1, {
    campaign: C2,
    status: 'published',
    scheduledAt: '2026-12-31T17:30:00.000Z',
    publishedAt: '2026-12-31T17:30:00.000Z',
  })
  id.P8 = await pub(['articles', id.A3], R, 'radio', U2, {
    campaign: C2,
    status: 'published',
    scheduledAt: '2026-07-01T01:00:00.000Z',
    publishedAt: '2026-07-01T01:00:00.000Z',
    airing: { status: 'pending' },
  })
  id.P9 = await pub(['articles', id.A3], W, 'web-page', U2, {
    status: 'published',
    scheduledAt: '2025-11-10T03:00:00.000Z',
    publishedAt: '2025-11-10T03:00:00.000Z',
  })

  const training = (data: Record<string, unknown>) =>
    payload.create({ collection: 'trainings', data: data as never, overrideAccess: true })
  id.TR1 = String(
    (
      await training({
        title: 'Lớp bồi dưỡng CĐS cấp xã',
        ownerUnit: U1,
        campaign: C1,
        status: 'held',
        startsOn: '2026-02-28T17:00:00.000Z',
        totalTrainees: 40,
        trainees: [
          { programme: 'dx-staff', unitKind: 'commune', count: 25 },
          { programme: 'leaders', unitKind: 'district', count: 10 },
        ],
      })
    ).id,
  )
  await training({
    title: 'Tập huấn kỹ năng số cho người dân',
    ownerUnit: U2,
    status: 'held',
    startsOn: '2026-09-14T17:00:00.000Z',
    totalTrainees: 30,
    trainees: [
      { programme: 'citizens', unitKind: 'commune', count: 20 },
      { programme: 'citizens', unitKind: 'other', count: 10 },
    ],
  })
  await training({
    title: 'Lớp dự kiến',
    ownerUnit: U1,
    campaign: C1,
    status: 'planned',
    startsOn: '2026-09-30T17:00:00.000Z',
    totalTrainees: 50,
  })

  const observe = (publication: string, observedAt: string, figures: Record<string, number>) =>
    payload.create({
      collection: 'engagement-observations',
      data: { publication, observedAt, ...figures } as never,
      overrideAccess: true,
    })
  await observe(id.P3, '2026-05-21T03:00:00.000Z', { views: 100, reach: 80, reactions: 10 })
  await observe(id.P3, '2026-06-01T03:00:00.000Z', { views: 250, reach: 200, shares: 5 })
  await observe(id.P8, '2026-07-02T01:00:00.000Z', {
    views: 40,
    comments: 3,
    watchTimeSeconds: 600,
  })
  await observe(id.P8, '2026-07-01T12:00:00.000Z', { views: 999 })
  await observe(id.P2, '2026-01-05T03:00:00.000Z', { reach: 1000 })
  await observe(id.P9, '2025-12-20T03:00:00.000Z', { views: 70 })
  await observe(id.P9, '2026-01-10T03:00:00.000Z', { views: 90 })
  return id
}
