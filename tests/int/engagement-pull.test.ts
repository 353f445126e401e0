/**
 * The engagement pull against loopback fakes of Facebook's Graph reads, YouTube's videos.list, TikTok's
 * video/query and Zalo's article list: publications sent through the real dispatcher, the
 * platforms' figures pulled and stored as dated observations (source "api"), totalled by the real
 * rollup into the cells checked against totals known by hand; the platforms' rate limits counted at
 * the fakes; failures recorded on the channel and retried, without holding up sending.
 */
import crypto from 'node:crypto'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { pullEngagement } from '@/engagement/pull/run'
import { serverUrl } from '@/lib/env'
import { vnYearMonth } from '@/lib/time'
import { rebuildYear } from '@/reporting/engine'
import { startFakeFacebook, type FakeFacebook } from '../fakes/facebook'
import { startFakeTikTok, type FakeTikTok } from '../fakes/tiktok'
import { startFakeYoutube, type FakeYoutube } from '../fakes/youtube'
import { startFakeZalo, type FakeZalo } from '../fakes/zalo'
import { fileOf } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'
import {
  CHANNEL_TIMEOUT_MS,
  createArticle,
  createChannel,
  createEnv,
  createVideo,
  drain,
  readChannel,
  readPub,
  schedule,
  sleep,
  type Env,
} from './channels-harness'

vi.hoisted(() => {
  process.env.TIKTOK_POLL_MS = '200'
  // The test's own rate limits, small enough to see: TikTok video/query one call a second.
  process.env.ENGAGEMENT_RATE_TIKTOK = '1/1'
  process.env.ENGAGEMENT_PULL_RETRY_MINUTES = '0.05'
  process.env.ENGAGEMENT_PULL_DAYS = '30'
})

type Doc = Record<string, any>

let payload: Payload
let env: Env
let fb: FakeFacebook
let yt: FakeYoutube
let tt: FakeTikTok
let zalo: FakeZalo
const ch: Record<'fb' | 'yt' | 'tt' | 'zalo', string> = { fb: '', yt: '', tt: '', zalo: '' }
/** Publications by platform, in the order they were sent. */
const pubs: Record<'fb' | 'yt' | 'tt' | 'zalo', Doc[]> = { fb: [], yt: [], tt: [], zalo: [] }
let oldFacebookPub: Doc

const suffix = () => crypto.randomBytes(3).toString('hex')

function mp4(size = 200_000) {
  const buf = Buffer.alloc(size)
  Buffer.concat([
    Buffer.from([0, 0, 0, 0x20]),
    Buffer.from('ftypisom'),
    Buffer.from([0, 0, 2, 0]),
    Buffer.from('isomiso2avc1mp41'),
  ]).copy(buf)
  buf.writeUInt32BE(size - 32, 32)
  buf.write('mdat', 36)
  return buf
}

let n = 0
async function tiktokVideo() {
  const file = await payload.create({
    collection: 'media',
    data: { alt: 'Clip', credit: 'Đài PT-TH', ownerUnit: env.unit.id } as never,
    file: fileOf(mp4(), `clip-${++n}.mp4`, 'video/mp4') as never,
    overrideAccess: true,
  })
  const doc = await payload.create({
    collection: 'videos',
    data: {
      title: `Clip: ví điện tử cho người cao tuổi ${n}`,
      description: 'Hướng dẫn dùng ví điện tử.',
      kind: 'clip',
      file: file.id,
      durationSeconds: 30,
      ownerUnit: env.unit.id,
      _status: 'published',
    } as never,
    overrideAccess: true,
  })
  return { relationTo: 'videos' as const, value: String(doc.id) }
}

/** Drains until nothing is "sending" any more (TikTok posts wait for their status polls). */
async function sendAll() {
  for (let i = 0; i < 20; i++) {
    await drain(env)
    const sending = await payload.find({
      collection: 'publications',
      where: { status: { equals: 'sending' } },
      depth: 0,
      overrideAccess: true,
    })
    if (!sending.totalDocs) return
    await sleep(250)
  }
}

/** The (all campaigns, all topics) cells of a metric for one channel in the month the publications went out. */
async function channelTotal(metric: string, channel: string): Promise<number> {
  const { year, month } = vnYearMonth(new Date())
  const cells = await payload.find({
    collection: 'rollup-cells',
    where: {
      and: [
        { year: { equals: year } },
        { month: { equals: month } },
        { metric: { equals: metric } },
        { channel: { equals: channel } },
        { campaign: { exists: false } },
        { topic: { exists: false } },
      ],
    },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return cells.docs.reduce((sum, c) => sum + c.value, 0)
}

const observationsOf = async (publication: string) =>
  (
    await payload.find({
      collection: 'engagement-observations',
      where: { publication: { equals: publication } },
      sort: 'observedAt',
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
  ).docs as Doc[]

beforeAll(async () => {
  payload = await testPayload()
  env = await createEnv(payload)
  fb = await startFakeFacebook({ token: 'EAAGtrang' })
  yt = await startFakeYoutube({ token: 'ya29.kenh', videoIds: ['VIDyt00001a', 'VIDyt00002b'] })
  // The fake refuses a second video/query within 950 ms (429), a little less than our 1 s, for clock jitter.
  tt = await startFakeTikTok({ videoQueryLimit: 1, windowMs: 950 })
  tt.processingPolls = 0
  tt.verifiedPrefixes.push(serverUrl())
  zalo = await startFakeZalo({ token: 'zalo-oa-token' })
  const common = { timeoutMs: CHANNEL_TIMEOUT_MS }
  ch.fb = String(
    (
      await createChannel(env, {
        name: `Fanpage ${suffix()}`,
        kind: 'facebook-page',
        settings: { ...common, apiBaseUrl: fb.apiBaseUrl, pageId: fb.pageId },
        credentials: { accessToken: 'EAAGtrang' },
      })
    ).id,
  )
  ch.yt = String(
    (
      await createChannel(env, {
        name: `YouTube ${suffix()}`,
        kind: 'youtube',
        settings: { ...common, apiBaseUrl: yt.apiBaseUrl, oauthBaseUrl: yt.oauthBaseUrl },
        credentials: {
          accessToken: 'ya29.kenh',
          clientId: yt.clientId,
          clientSecret: yt.clientSecret,
          refreshToken: yt.refreshToken,
        },
      })
    ).id,
  )
  ch.tt = String(
    (
      await createChannel(env, {
        name: `TikTok ${suffix()}`,
        kind: 'tiktok',
        settings: {
          ...common,
          apiBaseUrl: tt.apiBaseUrl,
          oauthBaseUrl: tt.apiBaseUrl,
          tiktokPrivacyLevel: 'PUBLIC_TO_EVERYONE',
        },
        credentials: {
          accessToken: tt.token,
          clientId: tt.clientKey,
          clientSecret: tt.clientSecret,
          refreshToken: tt.refreshToken,
        },
      })
    ).id,
  )
  ch.zalo = String(
    (
      await createChannel(env, {
        name: `Zalo OA ${suffix()}`,
        kind: 'zalo-oa',
        settings: { ...common, apiBaseUrl: zalo.apiBaseUrl },
        credentials: { accessToken: 'zalo-oa-token' },
      })
    ).id,
  )

  // Sent the real way: 3 Facebook posts (one of them then dated 40 days back), 2 YouTube videos,
  // 2 TikTok videos, 1 Zalo article.
  const sent: [keyof typeof pubs, Promise<Doc>][] = []
  for (let i = 0; i < 3; i++) sent.push(['fb', schedule(env, ch.fb, await createArticle(env))])
  sent.push(['yt', schedule(env, ch.yt, await createVideo(env, 'VIDyt00001a'))])
  sent.push(['yt', schedule(env, ch.yt, await createVideo(env, 'VIDyt00002b'))])
  sent.push(['tt', schedule(env, ch.tt, await tiktokVideo())])
  sent.push(['tt', schedule(env, ch.tt, await tiktokVideo())])
  sent.push(['zalo', schedule(env, ch.zalo, await createArticle(env, { image: true }))])
  for (const [platform, p] of sent) pubs[platform].push(await p)
  await sendAll()
  for (const platform of Object.keys(pubs) as (keyof typeof pubs)[])
    pubs[platform] = await Promise.all(pubs[platform].map((p) => readPub(env, p.id)))
  for (const list of Object.values(pubs))
    for (const p of list) expect(p.status, `${p.channelName} ${p.remoteId}`).toBe('published')
  oldFacebookPub = pubs.fb.pop()!
  await payload.db.updateOne({
    collection: 'publications',
    id: oldFacebookPub.id,
    data: { publishedAt: new Date(Date.now() - 40 * 86_400_000).toISOString() },
    returning: false,
  })
}, 120_000)

afterAll(async () => {
  await Promise.all([fb?.close(), yt?.close(), tt?.close(), zalo?.close()])
})

describe('engagement pull', () => {
  it("pulls each platform's figures for the last 30 days, stores them as observations, and the rollup totals them", async () => {
    // The platforms' figures, by remote id.
    const [fb1, fb2] = pubs.fb
    fb.engagement.set(fb1.remoteId, {
      views: 1200,
      reach: 900,
      reactions: 85,
      comments: 12,
      shares: 7,
    })
    fb.engagement.set(fb2.remoteId, {
      views: 300,
      reach: 250,
      reactions: 15,
      comments: 0,
      shares: 0,
    })
    fb.engagement.set(oldFacebookPub.remoteId, {
      views: 99_999,
      reach: 1,
      reactions: 1,
      comments: 1,
      shares: 1,
    })
    yt.statistics.set('VIDyt00001a', { viewCount: 5400, likeCount: 210, commentCount: 31 })
    yt.statistics.set('VIDyt00002b', { viewCount: 760, likeCount: 18, commentCount: 2 })
    const [tt1, tt2] = pubs.tt
    tt.stats.set(tt1.remoteId, {
      view_count: 15_000,
      like_count: 1_320,
      comment_count: 44,
      share_count: 96,
    })
    tt.stats.set(tt2.remoteId, {
      view_count: 2_500,
      like_count: 140,
      comment_count: 5,
      share_count: 11,
    })
    zalo.stats.set(pubs.zalo[0].remoteId, { views: 4_321, shares: 65 })

    const report = await pullEngagement(payload)
    expect(report.failed).toEqual([])
    expect(report.channels).toBe(4)
    expect(report.observations).toBe(7)

    // Facebook: one multiple-ID read with field expansion; the 40-day-old post is not asked for.
    const fbReads = fb.requests.filter((r) => r.method === 'GET')
    expect(fbReads).toHaveLength(1)
    const params = new URL(fbReads[0].path, 'http://f').searchParams
    expect(params.get('ids')!.split(',').sort()).toEqual([fb1.remoteId, fb2.remoteId].sort())
    expect(params.get('fields')).toContain(
      'insights.metric(post_media_view,post_total_media_view_unique)',
    )
    expect(await observationsOf(oldFacebookPub.id)).toHaveLength(0)

    const [obs] = await observationsOf(fb1.id)
    expect(obs).toMatchObject({
      views: 1200,
      reach: 900,
      reactions: 85,
      comments: 12,
      shares: 7,
      source: 'api',
      note: 'Lấy tự động từ Facebook.',
      channel: ch.fb,
    })
    expect(await observationsOf(pubs.yt[0].id)).toMatchObject([
      { views: 5400, reactions: 210, comments: 31, reach: null, shares: null },
    ])
    expect(await observationsOf(tt1.id)).toMatchObject([
      { views: 15_000, reactions: 1_320, comments: 44, shares: 96, note: 'Lấy tự động từ TikTok.' },
    ])
    expect(await observationsOf(pubs.zalo[0].id)).toMatchObject([
      { views: 4_321, shares: 65, reactions: null, note: 'Lấy tự động từ Zalo OA.' },
    ])
    for (const id of Object.values(ch)) {
      const channel = await readChannel(env, id)
      expect(channel.engagementPull.lastPulledAt).toBeTruthy()
      expect(channel.engagementPull.lastError).toBeFalsy()
    }

    // The rollup, as the worker runs it, against totals by hand.
    const { year } = vnYearMonth(new Date())
    await rebuildYear(payload, year)
    expect(await channelTotal('engagement-views', ch.fb)).toBe(1200 + 300)
    expect(await channelTotal('engagement-reach', ch.fb)).toBe(900 + 250)
    expect(await channelTotal('engagement-reactions', ch.fb)).toBe(85 + 15)
    expect(await channelTotal('engagement-views', ch.yt)).toBe(5400 + 760)
    expect(await channelTotal('engagement-comments', ch.yt)).toBe(31 + 2)
    expect(await channelTotal('engagement-views', ch.tt)).toBe(15_000 + 2_500)
    expect(await channelTotal('engagement-shares', ch.tt)).toBe(96 + 11)
    expect(await channelTotal('engagement-views', ch.zalo)).toBe(4_321)

    // A later pull adds observations (the earlier ones are kept) and the totals follow the latest.
    fb.engagement.set(fb1.remoteId, {
      views: 2000,
      reach: 1500,
      reactions: 100,
      comments: 20,
      shares: 9,
    })
    tt.stats.set(tt2.remoteId, {
      view_count: 3_000,
      like_count: 150,
      comment_count: 6,
      share_count: 12,
    })
    await sleep(20)
    const again = await pullEngagement(payload)
    expect(again.observations).toBe(7)
    const history = await observationsOf(fb1.id)
    expect(history.map((o) => o.views)).toEqual([1200, 2000])
    await rebuildYear(payload, year)
    expect(await channelTotal('engagement-views', ch.fb)).toBe(2000 + 300)
    expect(await channelTotal('engagement-views', ch.tt)).toBe(15_000 + 3_000)
  })

  it("honours TikTok's rate limit: 41 posts take three video/query calls (20, 20, 1), a second apart at the fake", async () => {
    // 39 more published TikTok posts of the same video (written as the dispatcher would leave them).
    const video = await tiktokVideo()
    for (let i = 0; i < 39; i++) {
      const p = await schedule(env, ch.tt, video)
      const postId = String(7_500_000_000_000_000_000n + BigInt(i))
      await payload.db.updateOne({
        collection: 'publications',
        id: p.id,
        data: { status: 'published', publishedAt: new Date().toISOString(), remoteId: postId },
        returning: false,
      })
      tt.stats.set(postId, { view_count: 100 + i, like_count: 1, comment_count: 0, share_count: 0 })
    }
    const before = tt.callsTo('/v2/video/query/').length
    const started = Date.now()
    const report = await pullEngagement(payload)
    expect(report.failed).toEqual([])
    const calls = tt.callsTo('/v2/video/query/').slice(before)
    expect(calls.map((c) => JSON.parse(c.body).filters.video_ids.length)).toEqual([20, 20, 1])
    // At most one call in any second (the fake also enforces it with a 429, which would have failed the pull).
    for (let i = 1; i < calls.length; i++)
      expect(calls[i].at - calls[i - 1].at).toBeGreaterThanOrEqual(1000 - 60)
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000 - 60)
    expect(
      calls.every((c) =>
        c.path.includes('fields=id,view_count,like_count,comment_count,share_count'),
      ),
    ).toBe(true)
  })

  it('a failing platform is recorded on its channel (why, when to retry) and retried; the others go on and sending is not held', async () => {
    yt.inject({
      kind: 'status',
      status: 500,
      body: { error: { code: 500, message: 'Backend Error' } },
    })
    tt.revokeGrant()
    tt.expireTokens()
    const before = await payload.count({
      collection: 'engagement-observations',
      overrideAccess: true,
    })
    const report = await pullEngagement(payload)
    expect(report.failed.map((f) => f.channel).sort()).toEqual([ch.yt, ch.tt].sort())
    const after = await payload.count({
      collection: 'engagement-observations',
      overrideAccess: true,
    })
    // Facebook (2) and Zalo (1) were still pulled.
    expect(after.totalDocs - before.totalDocs).toBe(3)

    const youtube = await readChannel(env, ch.yt)
    expect(youtube.engagementPull.lastError).toMatch(
      /^Lấy số liệu YouTube không được: Máy chủ kênh tạm thời lỗi \(HTTP 500\)/,
    )
    // ENGAGEMENT_PULL_RETRY_MINUTES = 0.05: three seconds after the failure.
    expect(new Date(youtube.engagementPull.retryAt).getTime()).toBeGreaterThanOrEqual(
      new Date(youtube.engagementPull.lastErrorAt).getTime() + 3000 - 50,
    )
    expect(youtube.engagementPull.lastPulledAt).toBeTruthy()
    const tiktok = await readChannel(env, ch.tt)
    expect(tiktok.engagementPull.lastError).toMatch(/Mã làm mới TikTok đã bị thu hồi hoặc hết hạn/)
    // A pull never changes the channel's status: sending goes on.
    expect(youtube.status).toBe('active')
    expect(tiktok.status).toBe('active')
    yt.addVideo('VIDyt00003c')
    const pub = await schedule(env, ch.yt, await createVideo(env, 'VIDyt00003c'))
    await drain(env)
    expect((await readPub(env, pub.id)).status).toBe('published')

    // The retry tick takes only the channels whose retry time has come, once it has.
    expect((await pullEngagement(payload, { onlyRetries: true })).channels).toBe(0)
    const due = Math.max(
      new Date(youtube.engagementPull.retryAt).getTime(),
      new Date(tiktok.engagementPull.retryAt).getTime(),
    )
    await sleep(due - Date.now() + 50)
    await payload.update({
      collection: 'channels',
      id: ch.tt,
      data: { credentials: { refreshToken: tt.grantAgain() } } as never,
      overrideAccess: true,
    })
    const retried = await pullEngagement(payload, { onlyRetries: true })
    expect(retried.failed).toEqual([])
    expect(retried.channels).toBe(2)
    for (const id of [ch.yt, ch.tt]) {
      const channel = await readChannel(env, id)
      expect(channel.engagementPull.lastError).toBeFalsy()
      expect(channel.engagementPull.retryAt).toBeFalsy()
    }
    expect((await observationsOf(pub.id)).length).toBe(1)
  })
})

describe("engagement pull: the worker's schedule", () => {
  it('runs under a lease: of two workers starting a run at once, one pulls and the other skips', async () => {
    const { startEngagementCron } = await import('@/engagement/pull/cron')
    const a = startEngagementCron(payload)
    const b = startEngagementCron(payload)
    try {
      const ran = await Promise.all([a.run(), b.run()])
      expect(ran.filter(Boolean)).toHaveLength(1)
      // The lease is released after the run: the next one goes ahead.
      expect(await b.run()).toBe(true)
    } finally {
      await a.stop()
      await b.stop()
    }
  })
})
