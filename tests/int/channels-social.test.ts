/**
 * The Facebook Page, Zalo OA and YouTube adapters against loopback fakes that speak each API's
 * contract, driven by the real dispatcher over publications a campaign manager scheduled.
 */
import crypto from 'node:crypto'
import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { graphError, graphParams, startFakeFacebook, type FakeFacebook } from '../fakes/facebook'
import { startFakeYoutube, googleError, type FakeYoutube } from '../fakes/youtube'
import { startFakeZalo, type FakeZalo } from '../fakes/zalo'
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
          fb.inject({ kind: 'status', status: 500, body: graphError(2, 'An unexpected error has occurred. Please retry your request later.', 'OAuthException', { is_transient: true }) }, times),
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
    expect(params.caption).toMatch(/^Cùng chung tay chuyển đổi số!\n\n#ChuyenDoiSo #DakLak\n\nhttps?:\/\/.+\/articles\//)
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
  })

  for (const [code, status] of [[4, 400], [32, 403], [613, 400]] as const) {
    it(`Graph rate limit (code ${code}, HTTP ${status}) is retried, the channel stays active`, async () => {
      fb.rateLimit(code, { status })
      const pub = await schedule(env, channelId, await createArticle(env))
      expect(await drain(env)).toBe(1)
      const retrying = await readPub(env, pub.id)
      expect(retrying.status).toBe('retrying')
      expect(lastAttempt(retrying).outcome).toBe('retry')
      expect(lastAttempt(retrying).message).toMatch(new RegExp(`Facebook giới hạn tần suất gửi.*mã ${code}`))
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
  settings: { apiBaseUrl: zalo.apiBaseUrl, oaId: '4318029871234567890', timeoutMs: CHANNEL_TIMEOUT_MS },
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
        serverError: (times = 1) => zalo.inject({ kind: 'status', status: 500, body: { error: -1, message: 'Internal server error' } }, times),
        rateLimited: (seconds) =>
          zalo.inject({ kind: 'status', status: 429, body: { error: -32, message: 'Exceeded the limit of requests' }, headers: { 'Retry-After': String(seconds) } }),
        permanent: () => zalo.inject({ kind: 'status', status: 400, body: { error: -201, message: 'Parameters are invalid' } }),
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

    expect(zalo.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v2.0/article/create', 'POST /v2.0/article/verify'])
    for (const r of zalo.requests) expect(r.headers.access_token).toBe(ZALO_TOKEN)
    const created = JSON.parse(zalo.requests[0].body)
    expect(created).toMatchObject({
      type: 'normal',
      title: expect.stringMatching(/^Chuyển đổi số/),
      author: 'Sở Thông tin và Truyền thông',
      cover: { cover_type: 'photo', status: 'show' },
      description: 'Hơn 90% hồ sơ thủ tục hành chính của tỉnh đã được nộp trực tuyến.',
      status: 'show',
      tracking_link: pub.idempotencyKey,
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
    expect(zalo.requests.map((r) => r.path)).toEqual(['/v2.0/article/create', '/v2.0/article/verify', '/v2.0/article/verify'])
  })

  it('a Zalo parameter error (HTTP 200, error -201) fails the publication for good', async () => {
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
  settings: { apiBaseUrl: yt.apiBaseUrl, youtubeChannelId: 'UCfakeChannel0000000000', timeoutMs: CHANNEL_TIMEOUT_MS },
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
        serverError: (times = 1) => yt.inject({ kind: 'status', status: 500, body: googleError(500, 'backendError', 'Backend Error', 'global') }, times),
        rateLimited: (seconds) =>
          yt.inject({ kind: 'status', status: 429, body: googleError(429, 'rateLimitExceeded', 'Rate Limit Exceeded', 'youtube.quota'), headers: { 'Retry-After': String(seconds) } }),
        permanent: () => yt.inject({ kind: 'status', status: 400, body: googleError(400, 'invalidTitle', 'The request metadata specifies an invalid or empty video title.') }),
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
    expect(body.snippet.description).toMatch(/^Cùng chung tay chuyển đổi số!\n\n#ChuyenDoiSo #DakLak\n\nhttps?:\/\/.+\/videos\//)

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
    const pub = await schedule(env, channelId, await createVideo(env, VIDEO_ID), { publishNow: false, scheduledAt: scheduledAt.toISOString() })
    expect(pub.status).toBe('scheduled')
    expect(new Date(pub.nextAttemptAt).getTime()).toBe(scheduledAt.getTime())
    // Not due yet.
    expect(await drain(env)).toBe(0)

    // Make it due now (as an early run would), keeping the schedule itself ahead.
    await payload.update({ collection: 'publications', id: pub.id, data: { nextAttemptAt: new Date(Date.now() - 1000).toISOString() } as never, overrideAccess: true })
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

afterAll(async () => {
  if (env) await cancelLeftovers(env)
})
