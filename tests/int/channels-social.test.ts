/**
 * The Facebook Page, Zalo OA and YouTube adapters against loopback fakes that speak each API's
 * contract, driven by the real dispatcher over publications a campaign manager scheduled.
 */
import { marker } from '@/channels/marker'
import crypto from 'node:crypto'
import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { graphError, graphParams, startFakeFacebook, type FakeFacebook } from '../fakes/facebook'
import { startFakeYoutube, googleError, type FakeYoutube } from '../fakes/youtube'
import { startFakeZalo, type FakeZalo } from '../fakes/zalo'
import { createDispatcher } from '@/dispatch/dispatcher'
import { createUser } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'
import {
  CHANNEL_TIMEOUT_MS,
  cancelLeftovers,
  channelFailureMatrix,
  createArticle,
  createChannel,
  createEnv,
  createVideo,
  drain,
  expectVietnameseAttempts,
  lastAttempt,
  readChannel,
  readPub,
  repairChannel,
  schedule,
  untilDue,
  type Env,
} from './channels-harness'

vi.hoisted(() => {
  process.env.DISPATCH_BACKOFF_BASE_MS = '200'
  process.env.DISPATCH_BACKOFF_CAP_MS = '400'
  process.env.DISPATCH_MAX_ATTEMPTS = '3'
})

type Doc = Record<string, any>

let payload: Payload
let env: Env

beforeAll(async () => {
  payload = await testPayload()
  env = await createEnv(payload)
})

const suffix = () => crypto.randomBytes(3).toString('hex')

/** The notifications a user got for an event (src/notifications), oldest first. */
const notificationsFor = async (user: string | number, event: string) =>
  (
    await payload.find({
      collection: 'notifications',
      where: { and: [{ recipient: { equals: user } }, { event: { equals: event } }] },
      overrideAccess: true,
      depth: 0,
      sort: 'createdAt',
    })
  ).docs

// ---------------------------------------------------------------------------------------------
// Facebook Page
// ---------------------------------------------------------------------------------------------

const FB_TOKEN = 'EAAGtrangTinhDakLak1'

const facebookChannel = (fb: FakeFacebook, token = FB_TOKEN) => ({
  name: `Fanpage Chuyển đổi số ${suffix()}`,
  kind: 'facebook-page',
  settings: { apiBaseUrl: fb.apiBaseUrl, pageId: fb.pageId, timeoutMs: CHANNEL_TIMEOUT_MS },
  credentials: { accessToken: token },
})

channelFailureMatrix(
  {
    name: 'facebook-page',
    callsPerSend: 1,
    remoteId: /^\d+_\d+$/,
    remoteUrl: /^https:\/\/www\.facebook\.com\/\d+_\d+$/,
    async start() {
      const fb = await startFakeFacebook({ token: FB_TOKEN })
      return {
        fake: fb,
        channelData: facebookChannel(fb),
        // The page token expired or was revoked: Graph answers HTTP 400, OAuthException 190.
        async breakAuth() {
          fb.token = `EAAGmoi${suffix()}`
        },
        repairedCredentials: () => ({ accessToken: fb.token }),
        serverError: (times = 1) =>
          fb.inject(
            {
              kind: 'status',
              status: 500,
              body: graphError(
                2,
                'An unexpected error has occurred. Please retry your request later.',
                'OAuthException',
                { is_transient: true },
              ),
            },
            times,
          ),
        rateLimited: (seconds) => fb.rateLimit(4, { status: 429, retryAfterSeconds: seconds }),
        permanent: () => fb.rejectNext('(#100) Param link must be a valid URL'),
        published: () => fb.posts.length,
      }
    },
    content: (e) => createArticle(e),
  },
  () => env,
)

describe('facebook-page: what Graph receives', () => {
  let fb: FakeFacebook
  let channelId: string

  beforeEach(async () => {
    fb = await startFakeFacebook({ token: FB_TOKEN })
    channelId = String((await createChannel(env, facebookChannel(fb))).id)
  })

  afterEach(async () => {
    await cancelLeftovers(env)
    await fb.close()
  })

  it('posts to the feed (message + link) when the content has no image', async () => {
    const content = await createArticle(env)
    const pub = await schedule(env, channelId, content)
    expect(await drain(env)).toBe(1)
    const after = await readPub(env, pub.id)
    expect(after.status).toBe('published')

    expect(fb.requests).toHaveLength(1)
    const req = fb.requests[0]
    expect(req.method).toBe('POST')
    expect(req.path).toBe(`/v21.0/${fb.pageId}/feed`)
    expect(req.headers.authorization).toBe(`Bearer ${FB_TOKEN}`)
    expect(req.path).not.toContain('access_token')
    const params = graphParams(req)
    expect(params.message).toBe('Cùng chung tay chuyển đổi số!\n\n#ChuyenDoiSo #DakLak')
    expect(params.link).toMatch(/^https?:\/\/.+\/articles\/.+/)
    expect(params).not.toHaveProperty('url')

    expect(fb.posts).toHaveLength(1)
    expect(fb.posts[0].edge).toBe('feed')
    expect(after.remoteId).toBe(fb.posts[0].postId)
    expect(after.remoteUrl).toBe(`https://www.facebook.com/${fb.posts[0].postId}`)
    expect(after.attempts[0].outcome).toBe('success')
    expectVietnameseAttempts(after)
  })

  it('posts a photo (url + caption with the link) when the content has an image, and keeps the post id', async () => {
    const pub = await schedule(env, channelId, await createArticle(env, { image: true }))
    expect(await drain(env)).toBe(1)
    const after = await readPub(env, pub.id)
    expect(after.status).toBe('published')

    const req = fb.requests[0]
    expect(req.path).toBe(`/v21.0/${fb.pageId}/photos`)
    const params = graphParams(req)
    expect(params.url).toMatch(/^https?:\/\/.+\.webp$/)
    expect(params.caption).toMatch(
      /^Cùng chung tay chuyển đổi số!\n\n#ChuyenDoiSo #DakLak\n\nhttps?:\/\/.+\/articles\//,
    )
    expect(params).not.toHaveProperty('message')

    const post = fb.posts[0]
    expect(post.edge).toBe('photos')
    // The page post (not the photo object) is what the publication points at.
    expect(after.remoteId).toBe(post.postId)
    expect(after.remoteId).not.toBe(post.id)
    expect(after.remoteUrl).toBe(`https://www.facebook.com/${post.postId}`)
  })

  it('an invalid page token (HTTP 400, OAuthException 190) is a credentials problem, not a refused post', async () => {
    fb.token = 'EAAGdaduocthaythe'
    const toldBefore = (await notificationsFor(env.admin.id, 'channel-attention')).length
    const pub = await schedule(env, channelId, await createArticle(env))
    expect(await drain(env)).toBe(1)
    const held = await readPub(env, pub.id)
    expect(held.status).toBe('scheduled')
    expect(lastAttempt(held).outcome).toBe('reauth')
    expect(lastAttempt(held).httpStatus).toBe(400)
    const channel = await readChannel(env, channelId)
    expect(channel.status).toBe('needs-attention')
    expect(channel.lastError).toMatch(/Mã truy cập trang Facebook không còn hiệu lực/)
    expect(channel.lastError).toMatch(/mã 190/)
    expectVietnameseAttempts(held)
    // The admins are told under the bell (and by email), once for this episode.
    const told = (await notificationsFor(env.admin.id, 'channel-attention')).slice(toldBefore)
    expect(told.map((n) => [n.docCollection, n.docId])).toEqual([['channels', String(channelId)]])
    expect(told[0].title).toMatch(/cần xử lý/)
  })

  for (const [code, status] of [
    [4, 400],
    [32, 403],
    [613, 400],
  ] as const) {
    it(`Graph rate limit (code ${code}, HTTP ${status}) is retried, the channel stays active`, async () => {
      fb.rateLimit(code, { status })
      const pub = await schedule(env, channelId, await createArticle(env))
      expect(await drain(env)).toBe(1)
      const retrying = await readPub(env, pub.id)
      expect(retrying.status).toBe('retrying')
      expect(lastAttempt(retrying).outcome).toBe('retry')
      expect(lastAttempt(retrying).message).toMatch(
        new RegExp(`Facebook giới hạn tần suất gửi.*mã ${code}`),
      )
      expect((await readChannel(env, channelId)).status).toBe('active')
      await untilDue(retrying)
      expect(await drain(env)).toBe(1)
      const after = await readPub(env, pub.id)
      expect(after.status).toBe('published')
      expect(fb.posts).toHaveLength(1)
      expectVietnameseAttempts(after)
    })
  }
})

// ---------------------------------------------------------------------------------------------
// Zalo OA
// ---------------------------------------------------------------------------------------------

const ZALO_TOKEN = 'zalo-oa-access-token-1'

const zaloChannel = (zalo: FakeZalo, token = ZALO_TOKEN) => ({
  name: `Zalo OA Sở TT&TT ${suffix()}`,
  kind: 'zalo-oa',
  settings: {
    apiBaseUrl: zalo.apiBaseUrl,
    oaId: '4318029871234567890',
    timeoutMs: CHANNEL_TIMEOUT_MS,
  },
  credentials: { accessToken: token },
})

channelFailureMatrix(
  {
    name: 'zalo-oa',
    callsPerSend: 2,
    remoteId: /^[0-9a-f]{32}$/,
    remoteUrl: /^https:\/\/zalo\.me\/article\/[0-9a-f]{32}$/,
    async start() {
      const zalo = await startFakeZalo({ token: ZALO_TOKEN })
      return {
        fake: zalo,
        channelData: zaloChannel(zalo),
        // Zalo answers HTTP 200 with error -216 for an invalid or expired token.
        async breakAuth() {
          zalo.token = `zalo-moi-${suffix()}`
        },
        repairedCredentials: () => ({ accessToken: zalo.token }),
        serverError: (times = 1) =>
          zalo.inject(
            { kind: 'status', status: 500, body: { error: -1, message: 'Internal server error' } },
            times,
          ),
        rateLimited: (seconds) =>
          zalo.inject({
            kind: 'status',
            status: 429,
            body: { error: -32, message: 'Exceeded the limit of requests' },
            headers: { 'Retry-After': String(seconds) },
          }),
        permanent: () =>
          zalo.inject({
            kind: 'status',
            status: 400,
            body: { error: -201, message: 'Parameters are invalid' },
          }),
        published: () => zalo.articles.filter((a) => a.id).length,
      }
    },
    content: (e) => createArticle(e, { image: true }),
  },
  () => env,
)

describe('zalo-oa: create then verify', () => {
  let zalo: FakeZalo
  let channelId: string

  beforeEach(async () => {
    zalo = await startFakeZalo({ token: ZALO_TOKEN })
    channelId = String((await createChannel(env, zaloChannel(zalo))).id)
  })

  afterEach(async () => {
    await cancelLeftovers(env)
    await zalo.close()
  })

  it('creates the article, verifies it with the returned token, and stores the verified id', async () => {
    const pub = await schedule(env, channelId, await createArticle(env, { image: true }))
    expect(await drain(env)).toBe(1)
    const after = await readPub(env, pub.id)
    expect(after.status).toBe('published')

    expect(zalo.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v2.0/article/create',
      'POST /v2.0/article/verify',
    ])
    for (const r of zalo.requests) expect(r.headers.access_token).toBe(ZALO_TOKEN)
    const created = JSON.parse(zalo.requests[0].body)
    expect(created).toMatchObject({
      type: 'normal',
      title: expect.stringMatching(/^Chuyển đổi số/),
      author: 'Sở Thông tin và Truyền thông',
      cover: { cover_type: 'photo', status: 'show' },
      description: 'Hơn 90% hồ sơ thủ tục hành chính của tỉnh đã được nộp trực tuyến.',
      status: 'show',
      // A URL (Zalo checks it) to our page, whose tracking parameter is the send's marker.
      tracking_link: expect.stringMatching(
        new RegExp(`^https?://[^?]+/articles/[^?]+\\?utm_content=${marker(pub as never)}$`),
      ),
    })
    expect(created.cover.photo_url).toMatch(/^https?:\/\/.+\.webp$/)
    expect(created.body).toEqual([
      { type: 'text', content: 'Cùng chung tay chuyển đổi số!' },
      { type: 'text', content: expect.stringMatching(/^Xem đầy đủ: https?:\/\/.+\/articles\//) },
    ])
    const verify = JSON.parse(zalo.requests[1].body)
    expect(verify).toEqual({ token: zalo.articles[0].token })

    expect(after.remoteId).toBe(zalo.articles[0].id)
    expect(after.remoteUrl).toBe(`https://zalo.me/article/${zalo.articles[0].id}`)
    expectVietnameseAttempts(after)
  })

  it('an invalid access token (HTTP 200, error -216) puts the channel in needs-attention', async () => {
    zalo.token = 'zalo-token-da-het-han'
    const pub = await schedule(env, channelId, await createArticle(env, { image: true }))
    expect(await drain(env)).toBe(1)
    const held = await readPub(env, pub.id)
    expect(held.status).toBe('scheduled')
    expect(lastAttempt(held).outcome).toBe('reauth')
    const channel = await readChannel(env, channelId)
    expect(channel.status).toBe('needs-attention')
    expect(channel.lastError).toMatch(/Mã truy cập Zalo OA không còn hiệu lực.*-216/)
    // Only the create call was made: nothing to verify.
    expect(zalo.requests.map((r) => r.path)).toEqual(['/v2.0/article/create'])
    expectVietnameseAttempts(held)
  })

  it('Zalo rate limiting (HTTP 200, error -32) is retried', async () => {
    zalo.failNext(-32, 'Exceeded the limit of requests')
    const pub = await schedule(env, channelId, await createArticle(env, { image: true }))
    expect(await drain(env)).toBe(1)
    const retrying = await readPub(env, pub.id)
    expect(retrying.status).toBe('retrying')
    expect(lastAttempt(retrying).message).toMatch(/Zalo giới hạn tần suất gửi/)
    await untilDue(retrying)
    expect(await drain(env)).toBe(1)
    expect((await readPub(env, pub.id)).status).toBe('published')
    expect(zalo.articles.filter((a) => a.id)).toHaveLength(1)
  })

  it('a failed verify is retried with the saved token: one article on Zalo, not two', async () => {
    zalo.failVerify()
    const pub = await schedule(env, channelId, await createArticle(env, { image: true }))
    expect(await drain(env)).toBe(1)
    const retrying = await readPub(env, pub.id)
    expect(retrying.status).toBe('retrying')
    expect(retrying.remoteId).toBe(`zalo-token:${zalo.articles[0].token}`)
    await untilDue(retrying)
    expect(await drain(env)).toBe(1)
    const done = await readPub(env, pub.id)
    expect(done.status).toBe('published')
    expect(zalo.articles).toHaveLength(1)
    expect(done.remoteId).toBe(zalo.articles[0].id)
    expect(zalo.requests.map((r) => r.path)).toEqual([
      '/v2.0/article/create',
      '/v2.0/article/verify',
      '/v2.0/article/verify',
    ])
  })

  it('a Zalo parameter error (HTTP 200, error -201) fails the publication for good', async () => {
    const editor = await createUser(payload, 'editor', env.unit.id)
    zalo.failNext(-201, 'Parameters are invalid')
    const pub = await schedule(env, channelId, await createArticle(env, { image: true }))
    expect(await drain(env)).toBe(1)
    const failed = await readPub(env, pub.id)
    expect(failed.status).toBe('failed')
    expect(lastAttempt(failed).outcome).toBe('permanent')
    expect(lastAttempt(failed).message).toMatch(/Zalo từ chối bài viết.*-201.*không thử lại/)
    expect(await drain(env)).toBe(0)
    expect(zalo.requests).toHaveLength(1)
    expectVietnameseAttempts(failed)
    // The content unit's editors are told it failed for good, with the reason.
    const told = await notificationsFor(editor.id, 'publication-failed')
    expect(told.map((n) => n.key)).toEqual([`publication-failed:${pub.id}`])
    expect(told[0].body).toMatch(/-201/)
  })
})

// ---------------------------------------------------------------------------------------------
// YouTube
// ---------------------------------------------------------------------------------------------

const YT_TOKEN = 'ya29.kenh-youtube-tinh'
const VIDEO_ID = 'Xq3vN8pLk2A'

const youtubeChannel = (yt: FakeYoutube, token = YT_TOKEN) => ({
  name: `Kênh YouTube Đài tỉnh ${suffix()}`,
  kind: 'youtube',
  settings: {
    apiBaseUrl: yt.apiBaseUrl,
    youtubeChannelId: 'UCfakeChannel0000000000',
    timeoutMs: CHANNEL_TIMEOUT_MS,
  },
  credentials: { accessToken: token },
})

channelFailureMatrix(
  {
    name: 'youtube',
    callsPerSend: 1,
    remoteId: new RegExp(`^${VIDEO_ID}$`),
    remoteUrl: new RegExp(`^https://www\\.youtube\\.com/watch\\?v=${VIDEO_ID}$`),
    async start() {
      const yt = await startFakeYoutube({ token: YT_TOKEN, videoIds: [VIDEO_ID] })
      return {
        fake: yt,
        channelData: youtubeChannel(yt),
        // The OAuth grant was revoked: 401 authError.
        async breakAuth() {
          yt.token = `ya29.moi-${suffix()}`
        },
        repairedCredentials: () => ({ accessToken: yt.token }),
        serverError: (times = 1) =>
          yt.inject(
            {
              kind: 'status',
              status: 500,
              body: googleError(500, 'backendError', 'Backend Error', 'global'),
            },
            times,
          ),
        rateLimited: (seconds) =>
          yt.inject({
            kind: 'status',
            status: 429,
            body: googleError(429, 'rateLimitExceeded', 'Rate Limit Exceeded', 'youtube.quota'),
            headers: { 'Retry-After': String(seconds) },
          }),
        permanent: () =>
          yt.inject({
            kind: 'status',
            status: 400,
            body: googleError(
              400,
              'invalidTitle',
              'The request metadata specifies an invalid or empty video title.',
            ),
          }),
        published: () => yt.updates.length,
      }
    },
    content: (e) => createVideo(e, VIDEO_ID),
  },
  () => env,
)

describe('youtube: scheduling the video', () => {
  let yt: FakeYoutube
  let channelId: string

  beforeEach(async () => {
    yt = await startFakeYoutube({ token: YT_TOKEN, videoIds: [VIDEO_ID] })
    channelId = String((await createChannel(env, youtubeChannel(yt))).id)
  })

  afterEach(async () => {
    await cancelLeftovers(env)
    await yt.close()
  })

  it('makes the video public when the publication is due now', async () => {
    const pub = await schedule(env, channelId, await createVideo(env, VIDEO_ID))
    expect(await drain(env)).toBe(1)
    const after = await readPub(env, pub.id)
    expect(after.status).toBe('published')

    expect(yt.requests).toHaveLength(1)
    const req = yt.requests[0]
    expect(req.method).toBe('PUT')
    expect(req.path).toBe('/youtube/v3/videos?part=snippet,status')
    expect(req.headers.authorization).toBe(`Bearer ${YT_TOKEN}`)
    const body = JSON.parse(req.body)
    expect(body.id).toBe(VIDEO_ID)
    expect(body.status).toEqual({ privacyStatus: 'public' })
    expect(body.snippet).toMatchObject({
      title: expect.stringMatching(/^Phóng sự: chợ 4\.0/),
      tags: ['ChuyenDoiSo', 'DakLak'],
      categoryId: expect.any(String),
      defaultLanguage: 'vi',
    })
    expect(body.snippet.description).toMatch(
      /^Cùng chung tay chuyển đổi số!\n\n#ChuyenDoiSo #DakLak\n\nhttps?:\/\/.+\/videos\//,
    )

    const video = yt.videos.get(VIDEO_ID)!
    expect(video.status.privacyStatus).toBe('public')
    expect(video.status.publishAt).toBeUndefined()
    expect(after.remoteId).toBe(VIDEO_ID)
    expect(after.remoteUrl).toBe(`https://www.youtube.com/watch?v=${VIDEO_ID}`)
    expectVietnameseAttempts(after)
  })

  it('keeps the video private with publishAt when the schedule is ahead', async () => {
    const scheduledAt = new Date(Date.now() + 2 * 24 * 3600_000)
    scheduledAt.setUTCSeconds(0, 0)
    const pub = await schedule(env, channelId, await createVideo(env, VIDEO_ID), {
      publishNow: false,
      scheduledAt: scheduledAt.toISOString(),
    })
    expect(pub.status).toBe('scheduled')
    expect(new Date(pub.nextAttemptAt).getTime()).toBe(scheduledAt.getTime())
    // Not due yet.
    expect(await drain(env)).toBe(0)

    // Make it due now (as an early run would), keeping the schedule itself ahead.
    await payload.update({
      collection: 'publications',
      id: pub.id,
      data: { nextAttemptAt: new Date(Date.now() - 1000).toISOString() } as never,
      overrideAccess: true,
    })
    expect(await drain(env)).toBe(1)
    const after = await readPub(env, pub.id)
    expect(after.status).toBe('published')

    const body = JSON.parse(yt.requests[0].body)
    expect(body.status).toEqual({ privacyStatus: 'private', publishAt: scheduledAt.toISOString() })
    const video = yt.videos.get(VIDEO_ID)!
    expect(video.status.privacyStatus).toBe('private')
    expect(video.status.publishAt).toBe(scheduledAt.toISOString())
    expectVietnameseAttempts(after)
  })

  it('403 quotaExceeded is retried (not a credentials problem), the channel stays active', async () => {
    yt.quotaExceeded()
    const pub = await schedule(env, channelId, await createVideo(env, VIDEO_ID))
    expect(await drain(env)).toBe(1)
    const retrying = await readPub(env, pub.id)
    expect(retrying.status).toBe('retrying')
    expect(lastAttempt(retrying).outcome).toBe('retry')
    expect(lastAttempt(retrying).httpStatus).toBe(403)
    expect(lastAttempt(retrying).message).toMatch(/YouTube hết hạn mức gọi API \(quotaExceeded\)/)
    expect((await readChannel(env, channelId)).status).toBe('active')
    await untilDue(retrying)
    expect(await drain(env)).toBe(1)
    expect((await readPub(env, pub.id)).status).toBe('published')
    expectVietnameseAttempts(await readPub(env, pub.id))
  })

  it('401 authError puts the channel in needs-attention', async () => {
    yt.token = 'ya29.da-thu-hoi'
    const pub = await schedule(env, channelId, await createVideo(env, VIDEO_ID))
    expect(await drain(env)).toBe(1)
    const held = await readPub(env, pub.id)
    expect(held.status).toBe('scheduled')
    expect(lastAttempt(held).outcome).toBe('reauth')
    expect(lastAttempt(held).httpStatus).toBe(401)
    expect((await readChannel(env, channelId)).status).toBe('needs-attention')
    // No refresh credentials: nothing to refresh with, one call only.
    expect(yt.requests).toHaveLength(1)
    expect(yt.oauth.requests).toHaveLength(0)
  })

  it('404 videoNotFound (a video the channel does not own) fails for good', async () => {
    const pub = await schedule(env, channelId, await createVideo(env, 'ZZunknown99'))
    expect(await drain(env)).toBe(1)
    const failed = await readPub(env, pub.id)
    expect(failed.status).toBe('failed')
    expect(lastAttempt(failed).outcome).toBe('permanent')
    expect(lastAttempt(failed).httpStatus).toBe(404)
    expect(lastAttempt(failed).message).toMatch(/HTTP 404.*không thử lại/)
    expect(await drain(env)).toBe(0)
    expect(yt.requests).toHaveLength(1)
    expect(yt.updates).toHaveLength(0)
    expectVietnameseAttempts(failed)
  })
})

describe('youtube: refreshing the access token (OAuth 2.0 refresh_token grant)', () => {
  let yt: FakeYoutube

  /** A channel with the refresh credentials; `credentials` adds to or overrides them. */
  const refreshingChannel = (credentials: Record<string, unknown> = {}) =>
    createChannel(env, {
      ...youtubeChannel(yt),
      settings: {
        apiBaseUrl: yt.apiBaseUrl,
        oauthBaseUrl: yt.oauthBaseUrl,
        youtubeChannelId: 'UCfakeChannel0000000000',
        timeoutMs: CHANNEL_TIMEOUT_MS,
      },
      credentials: {
        accessToken: YT_TOKEN,
        clientId: yt.clientId,
        clientSecret: yt.clientSecret,
        refreshToken: yt.refreshToken,
        ...credentials,
      },
    }).then((c) => String(c.id))
  const PAST = () => new Date(Date.now() - 60_000).toISOString()
  const bearers = () =>
    yt.requests.map((r) => String(r.headers.authorization).replace(/^Bearer /, ''))
  const rawChannel = async (id: string) =>
    (await payload.db.findOne({ collection: 'channels', where: { id: { equals: id } } })) as Doc

  beforeEach(async () => {
    yt = await startFakeYoutube({ token: YT_TOKEN, videoIds: [VIDEO_ID] })
  })

  afterEach(async () => {
    await cancelLeftovers(env)
    await yt.close()
  })

  it('a token YouTube no longer accepts (401) is refreshed once and the call retried: the video is updated', async () => {
    const channelId = await refreshingChannel()
    yt.expireTokens()
    const pub = await schedule(env, channelId, await createVideo(env, VIDEO_ID))
    expect(await drain(env)).toBe(1)
    const after = await readPub(env, pub.id)
    expect(after.status).toBe('published')
    expect(after.attempts.map((a: Doc) => a.outcome)).toEqual(['success'])
    expectVietnameseAttempts(after)

    expect(yt.refreshes).toBe(1)
    expect(bearers()).toEqual([YT_TOKEN, yt.issued[0]])
    expect(yt.updates).toHaveLength(1)
    expect(yt.videos.get(VIDEO_ID)!.status.privacyStatus).toBe('public')
    // The grant as Google's token endpoint takes it.
    const grant = yt.oauth.requests[0]
    expect(`${grant.method} ${grant.path}`).toBe('POST /token')
    expect(grant.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/)
    expect(Object.fromEntries(new URLSearchParams(grant.body))).toEqual({
      grant_type: 'refresh_token',
      client_id: yt.clientId,
      client_secret: yt.clientSecret,
      refresh_token: yt.refreshToken,
    })

    // Stored with its expiry (expires_in 3599 s) for the next sends and the other workers.
    const channel = await readChannel(env, channelId)
    expect(channel.status).toBe('active')
    expect(channel.credentials.accessToken).toBe(yt.issued[0])
    const expiresIn = new Date(channel.credentials.accessTokenExpiresAt).getTime() - Date.now()
    expect(expiresIn).toBeGreaterThan(3500_000)
    expect(expiresIn).toBeLessThanOrEqual(3599_000)
    // The other credentials are kept.
    expect(channel.credentials).toMatchObject({
      clientId: yt.clientId,
      clientSecret: yt.clientSecret,
      refreshToken: yt.refreshToken,
    })
  })

  for (const [what, credentials] of [
    ['stored as expired', { accessTokenExpiresAt: PAST() }],
    ['missing', { accessToken: null }],
  ] as const) {
    it(`an access token ${what} is refreshed before the call: YouTube sees only the new token`, async () => {
      const channelId = await refreshingChannel(credentials)
      const pub = await schedule(env, channelId, await createVideo(env, VIDEO_ID))
      expect(await drain(env)).toBe(1)
      expect((await readPub(env, pub.id)).status).toBe('published')
      expect(yt.refreshes).toBe(1)
      expect(bearers()).toEqual([yt.issued[0]])
      expect((await readChannel(env, channelId)).credentials.accessToken).toBe(yt.issued[0])
    })
  }

  it('the refreshed token is stored encrypted, readable by admins only, and the next send reuses it without refreshing', async () => {
    const channelId = await refreshingChannel()
    yt.expireTokens()
    await schedule(env, channelId, await createVideo(env, VIDEO_ID))
    expect(await drain(env)).toBe(1)
    expect(yt.refreshes).toBe(1)
    const token = yt.issued[0]

    // At rest: every secret encrypted, the token nowhere in clear.
    const raw = await rawChannel(channelId)
    for (const key of ['accessToken', 'clientSecret', 'refreshToken'])
      expect(String(raw.credentials?.[key])).toMatch(/^enc:v1:/)
    expect(JSON.stringify(raw)).not.toContain(token)
    expect(JSON.stringify(raw)).not.toContain(yt.refreshToken)

    // Through the API: an admin reads it; a campaign manager or an editor sees no credentials and cannot probe them.
    const admin = await payload.findByID({
      collection: 'channels',
      id: channelId,
      user: env.admin,
      overrideAccess: false,
    })
    expect(admin.credentials?.accessToken).toBe(token)
    const editor = await createUser(payload, 'editor', env.unit.id)
    for (const user of [env.manager, editor]) {
      const seen = (await payload.findByID({
        collection: 'channels',
        id: channelId,
        user,
        overrideAccess: false,
      })) as Doc
      expect(seen.credentials).toBeUndefined()
      expect(JSON.stringify(seen)).not.toContain(token)
      for (const field of ['accessToken', 'refreshToken', 'accessTokenExpiresAt']) {
        const where =
          field === 'accessTokenExpiresAt' ? { exists: true } : { like: token.slice(0, 8) }
        const probe = await payload
          .find({
            collection: 'channels',
            where: { and: [{ id: { equals: channelId } }, { [`credentials.${field}`]: where }] },
            user,
            overrideAccess: false,
          })
          .catch(() => ({ docs: [] }))
        expect(probe.docs, `${user.email} probing credentials.${field}`).toHaveLength(0)
      }
    }

    // The next send (a new dispatcher pass, reading the channel afresh) uses the stored token as is.
    const second = await schedule(env, channelId, await createVideo(env, VIDEO_ID))
    expect(await drain(env)).toBe(1)
    expect((await readPub(env, second.id)).status).toBe('published')
    expect(yt.refreshes).toBe(1)
    expect(bearers()).toEqual([YT_TOKEN, token, token])
  })

  // One firing reads the channel once: concurrent sends share the refresh in flight; sequential
  // ones still hold the expired token and take the one the first send stored.
  for (const [how, concurrency] of [
    ['concurrent', 32],
    ['sequential', 1],
  ] as const) {
    it(`${how} sends of one firing that find the token expired make one refresh between them`, async () => {
      const channelId = await refreshingChannel({ accessTokenExpiresAt: PAST() })
      const pubs = []
      for (let i = 0; i < 3; i++)
        pubs.push(await schedule(env, channelId, await createVideo(env, VIDEO_ID)))
      expect(await createDispatcher(payload, { log: () => {}, concurrency }).drain()).toBe(3)
      for (const pub of pubs) expect((await readPub(env, pub.id)).status).toBe('published')
      expect(yt.refreshes).toBe(1)
      expect(bearers()).toEqual([yt.issued[0], yt.issued[0], yt.issued[0]])
    })
  }

  it('a revoked refresh token puts the channel in needs-attention with a Vietnamese message and updates nothing; a new grant resumes it', async () => {
    const channelId = await refreshingChannel()
    yt.revokeGrant()
    const pub = await schedule(env, channelId, await createVideo(env, VIDEO_ID))
    expect(await drain(env)).toBe(1)

    const held = await readPub(env, pub.id)
    expect(held.status).toBe('scheduled')
    expect(lastAttempt(held).outcome).toBe('reauth')
    expect(lastAttempt(held).httpStatus).toBe(400)
    expect(lastAttempt(held).message).toMatch(/cần xử lý/)
    const channel = await readChannel(env, channelId)
    expect(channel.status).toBe('needs-attention')
    expect(channel.lastError).toMatch(
      /^Mã làm mới YouTube đã bị thu hồi hoặc hết hạn; cần cấp quyền lại\./,
    )
    expect(channel.lastError).toMatch(/invalid_grant/)
    // One call refused with 401, one refused grant; no retry, nothing updated.
    expect(yt.requests).toHaveLength(1)
    expect(yt.oauth.requests).toHaveLength(1)
    expect(yt.updates).toHaveLength(0)
    expect(yt.refreshes).toBe(0)
    expectVietnameseAttempts(held)
    // Held: later passes send nothing.
    expect(await drain(env)).toBe(0)
    expect(yt.oauth.requests).toHaveLength(1)

    // An admin authorises the app again and pastes the new refresh token.
    await repairChannel(env, channelId, { refreshToken: yt.grantAgain() })
    expect(await drain(env)).toBe(1)
    const after = await readPub(env, pub.id)
    expect(after.status).toBe('published')
    expect(after.attempts.map((a: Doc) => a.outcome)).toEqual(['reauth', 'success'])
    expect(yt.refreshes).toBe(1)
    expect(yt.updates).toHaveLength(1)
  })

  for (const [what, failure, message] of [
    [
      'HTTP 500',
      {
        kind: 'status',
        status: 500,
        body: { error: 'internal_failure', error_description: 'Backend Error' },
      },
      /Không làm mới được mã truy cập YouTube: .*HTTP 500/,
    ],
    [
      'a timeout',
      { kind: 'timeout' },
      new RegExp(
        `Không làm mới được mã truy cập YouTube: .*không trả lời sau ${CHANNEL_TIMEOUT_MS} ms`,
      ),
    ],
  ] as const) {
    it(`the token endpoint failing with ${what} is retried; the channel stays active`, async () => {
      const channelId = await refreshingChannel({ accessTokenExpiresAt: PAST() })
      yt.oauth.inject(failure)
      const pub = await schedule(env, channelId, await createVideo(env, VIDEO_ID))
      expect(await drain(env)).toBe(1)
      const retrying = await readPub(env, pub.id)
      expect(retrying.status).toBe('retrying')
      expect(lastAttempt(retrying).outcome).toBe('retry')
      expect(lastAttempt(retrying).message).toMatch(message)
      expect(lastAttempt(retrying).message).toMatch(/thử lại/)
      expect((await readChannel(env, channelId)).status).toBe('active')
      expect(yt.requests).toHaveLength(0)

      await untilDue(retrying)
      expect(await drain(env)).toBe(1)
      const after = await readPub(env, pub.id)
      expect(after.status).toBe('published')
      expect(after.attempts.map((a: Doc) => a.outcome)).toEqual(['retry', 'success'])
      expect(yt.refreshes).toBe(1)
      expectVietnameseAttempts(after)
    })
  }

  it('an access token an admin pastes is used as is: the old expiry goes with the old token', async () => {
    const channelId = await refreshingChannel({ accessTokenExpiresAt: PAST() })
    yt.token = 'ya29.dan-tay-tu-quan-tri'
    await payload.update({
      collection: 'channels',
      id: channelId,
      data: { credentials: { accessToken: yt.token } } as never,
      user: env.admin,
      overrideAccess: false,
    })
    const channel = await readChannel(env, channelId)
    expect(channel.credentials.accessTokenExpiresAt ?? null).toBeNull()
    expect(channel.credentials.refreshToken).toBe(yt.refreshToken)
    const pub = await schedule(env, channelId, await createVideo(env, VIDEO_ID))
    expect(await drain(env)).toBe(1)
    expect((await readPub(env, pub.id)).status).toBe('published')
    expect(bearers()).toEqual(['ya29.dan-tay-tu-quan-tri'])
    expect(yt.refreshes).toBe(0)
  })

  it('a YouTube channel needs an access token or all three refresh credentials (Vietnamese message)', async () => {
    const refused = async (credentials: Record<string, unknown>) => {
      const channelId = String(
        (await createChannel(env, { ...youtubeChannel(yt), credentials })).id,
      )
      const err = await schedule(env, channelId, await createVideo(env, VIDEO_ID)).then(
        () => null,
        (e: { message: string; data?: { errors?: { message: string }[] } }) =>
          [e.message, ...(e.data?.errors ?? []).map((x) => x.message)].join(' | '),
      )
      return err
    }
    expect(await refused({})).toMatch(
      /chưa có mã truy cập YouTube, cũng chưa có client ID, client secret và mã làm mới \(refresh token\)/,
    )
    expect(await refused({ clientId: yt.clientId, refreshToken: yt.refreshToken })).toMatch(
      /chưa có mã truy cập YouTube và còn thiếu client secret để tự lấy mã/,
    )
    expect(
      await refused({
        clientId: yt.clientId,
        clientSecret: yt.clientSecret,
        refreshToken: yt.refreshToken,
      }),
    ).toBeNull()
    expect(await refused({ accessToken: YT_TOKEN })).toBeNull()
  })
})

afterAll(async () => {
  if (env) await cancelLeftovers(env)
})
