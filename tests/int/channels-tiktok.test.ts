/**
 * The TikTok adapter against a loopback fake of TikTok's Content Posting API (tests/fakes/tiktok.ts),
 * driven by the real dispatcher over publications a campaign manager scheduled: creator_info first,
 * video init (pulled from our media URL, or uploaded in chunks) or a photo post, then status polls
 * with the publication "sending" meanwhile; validation before anything is sent; TikTok's per-token
 * init limit; the OAuth refresh path shared with YouTube; and each injected failure.
 */
import crypto from 'node:crypto'
import type { Payload } from 'payload'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { serverUrl } from '@/lib/env'
import { startFakeTikTok, type FakeTikTok } from '../fakes/tiktok'
import { fileOf, pngBuffer } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'
import {
  CHANNEL_TIMEOUT_MS,
  cancelLeftovers,
  createArticle,
  createChannel,
  createEnv,
  createTikTokVideo,
  drain,
  mp4Buffer,
  expectVietnameseAttempts,
  lastAttempt,
  readChannel,
  readPub,
  repairChannel,
  schedule,
  sleep,
  untilDue,
  type Env,
} from './channels-harness'

vi.hoisted(() => {
  process.env.DISPATCH_BACKOFF_BASE_MS = '200'
  process.env.DISPATCH_BACKOFF_CAP_MS = '400'
  process.env.DISPATCH_MAX_ATTEMPTS = '3'
  // Ask TikTok again 400 ms after it took a post (the default is 5 s), and upload in 5 MiB chunks.
  process.env.TIKTOK_POLL_MS = '400'
  process.env.TIKTOK_CHUNK_BYTES = String(5 * 1024 * 1024)
})

type Doc = Record<string, any>

let payload: Payload
let env: Env

beforeAll(async () => {
  payload = await testPayload()
  env = await createEnv(payload)
})

async function createInfographic(e: Env, image = e.image) {
  const doc = await e.payload.create({
    collection: 'infographics',
    data: {
      title: `Infographic: 5 bước thanh toán không tiền mặt ${crypto.randomInt(1e6)}`,
      kind: 'infographic',
      file: image.id,
      alt: 'Năm bước thanh toán bằng mã QR',
      longDescription: 'Bước 1: mở ứng dụng ngân hàng. Bước 2: quét mã QR. …',
      ownerUnit: e.unit.id,
      _status: 'published',
    } as never,
    overrideAccess: true,
  })
  return { relationTo: 'infographics' as const, value: String(doc.id) }
}

const suffix = () => crypto.randomBytes(3).toString('hex')

function tiktokChannel(fake: FakeTikTok, extra: Record<string, unknown> = {}) {
  return {
    name: `TikTok Sở TT&TT ${suffix()}`,
    kind: 'tiktok',
    settings: {
      apiBaseUrl: fake.apiBaseUrl,
      oauthBaseUrl: fake.apiBaseUrl,
      timeoutMs: CHANNEL_TIMEOUT_MS,
      tiktokPrivacyLevel: 'PUBLIC_TO_EVERYONE',
      ...((extra.settings as object) ?? {}),
    },
    credentials: {
      accessToken: fake.token,
      clientId: fake.clientKey,
      clientSecret: fake.clientSecret,
      refreshToken: fake.refreshToken,
      ...((extra.credentials as object) ?? {}),
    },
  }
}

const outcomes = (pub: Doc) => (pub.attempts as Doc[]).map((a) => a.outcome)
const pathsOf = (fake: FakeTikTok) => fake.requests.map((r) => new URL(r.path, 'http://f').pathname)
const INIT = '/v2/post/publish/video/init/'
const STATUS = '/v2/post/publish/status/fetch/'
const CREATOR = '/v2/post/publish/creator_info/query/'

/** Drains until the publication leaves "sending" (each poll waits for its time), at most `max` passes. */
async function untilSettled(id: string, max = 10): Promise<Doc> {
  let pub = await readPub(env, id)
  for (let i = 0; i < max && pub.status === 'sending'; i++) {
    await untilDue({ nextAttemptAt: pub.leaseUntil })
    await drain(env)
    pub = await readPub(env, id)
  }
  return pub
}

describe('tiktok: posting', () => {
  let fake: FakeTikTok
  let channelId: string

  beforeEach(async () => {
    fake = await startFakeTikTok()
    fake.verifiedPrefixes.push(serverUrl())
    channelId = String((await createChannel(env, tiktokChannel(fake))).id)
  })

  afterEach(async () => {
    await cancelLeftovers(env)
    await fake.close()
  })

  it('a video: creator_info, video/init pulling our media URL, "sending" while TikTok processes, then published with its post id', async () => {
    const { content, file } = await createTikTokVideo(env)
    const pub = await schedule(env, channelId, content)
    expect(await drain(env)).toBe(1)

    const sending = await readPub(env, pub.id)
    expect(sending.status).toBe('sending')
    expect(sending.leaseOwner).toBeFalsy()
    expect(new Date(sending.leaseUntil).getTime()).toBeGreaterThan(Date.now() - 1000)
    expect(sending.remoteId).toMatch(/^tiktok:/)
    expect(lastAttempt(sending).outcome).toBe('pending')
    expect(lastAttempt(sending).message).toMatch(/TikTok đã nhận bài/)
    expect(pathsOf(fake)).toEqual([CREATOR, INIT])

    const init = JSON.parse(fake.callsTo(INIT)[0].body)
    expect(init.source_info).toEqual({
      source: 'PULL_FROM_URL',
      video_url: `${serverUrl()}${file.url}`,
    })
    expect(init.post_info.privacy_level).toBe('PUBLIC_TO_EVERYONE')
    expect(init.post_info.title).toContain('Clip ngắn: nộp hồ sơ trực tuyến')
    expect(init.post_info.title).toContain('#ChuyenDoiSo')
    // The account forbids stitches (creator_info): the post says so rather than being refused.
    expect(init.post_info.disable_stitch).toBe(true)
    expect(fake.callsTo(INIT)[0].headers.authorization).toBe(`Bearer ${fake.token}`)

    // TikTok answers "processing" once (the fake's processingPolls = 1), then it is out.
    const after = await untilSettled(pub.id)
    expect(after.status).toBe('published')
    const postId = fake.published()[0].postId!
    expect(after.remoteId).toBe(postId)
    expect(after.remoteUrl).toBe(`https://www.tiktok.com/@sotttt.tayninh/video/${postId}`)
    expect(outcomes(after)).toEqual(['pending', 'pending', 'success'])
    expect(after.attemptCount).toBe(1)
    expect(fake.callsTo(INIT)).toHaveLength(1)
    expect(fake.callsTo(STATUS)).toHaveLength(2)
    expectVietnameseAttempts(after)
    // Nothing more to do.
    expect(await drain(env)).toBe(0)
  })

  it('FILE_UPLOAD: an 11 MiB file goes in two ordered chunks (5 MiB, then the rest) and is published', async () => {
    await payload.update({
      collection: 'channels',
      id: channelId,
      data: { settings: { tiktokVideoSource: 'FILE_UPLOAD' } } as never,
      overrideAccess: true,
    })
    const size = 11 * 1024 * 1024
    const { content } = await createTikTokVideo(env, size)
    const pub = await schedule(env, channelId, content)
    await drain(env)
    const init = JSON.parse(fake.callsTo(INIT)[0].body)
    expect(init.source_info).toEqual({
      source: 'FILE_UPLOAD',
      video_size: size,
      chunk_size: 5 * 1024 * 1024,
      total_chunk_count: 2,
    })
    const post = fake.posts[0]
    expect(post.chunks).toEqual([
      { range: `0-${5 * 1024 * 1024 - 1}`, bytes: 5 * 1024 * 1024 },
      { range: `${5 * 1024 * 1024}-${size - 1}`, bytes: size - 5 * 1024 * 1024 },
    ])
    const uploads = fake.requests.filter((r) => r.method === 'PUT')
    expect(Buffer.concat(uploads.map((u) => u.raw)).equals(mp4Buffer(size))).toBe(true)
    expect(uploads[0].headers['content-type']).toBe('video/mp4')
    const after = await untilSettled(pub.id)
    expect(after.status).toBe('published')
    expect(after.remoteId).toBe(fake.published()[0].postId)
  })

  it('an infographic goes as a photo post (content/init, WebP pulled from our URL, PHOTO, DIRECT_POST)', async () => {
    const content = await createInfographic(env)
    const pub = await schedule(env, channelId, content)
    await drain(env)
    const calls = fake.callsTo('/v2/post/publish/content/init/')
    expect(calls).toHaveLength(1)
    const body = JSON.parse(calls[0].body)
    expect(body.media_type).toBe('PHOTO')
    expect(body.post_mode).toBe('DIRECT_POST')
    expect(body.source_info.source).toBe('PULL_FROM_URL')
    expect(body.source_info.photo_images[0]).toMatch(/^http.*\.webp$/)
    expect(body.post_info.title).toMatch(/^Infographic: 5 bước/)
    expect(body.post_info.description).toContain('#ChuyenDoiSo')
    const after = await untilSettled(pub.id)
    expect(after.status).toBe('published')
    expect(after.remoteUrl).toMatch(/^https:\/\/www\.tiktok\.com\/@sotttt\.tayninh\/photo\/\d+$/)
  })

  it('a private account post (SELF_ONLY) is published without a public post id', async () => {
    await payload.update({
      collection: 'channels',
      id: channelId,
      data: { settings: { tiktokPrivacyLevel: 'SELF_ONLY' } } as never,
      overrideAccess: true,
    })
    const pub = await schedule(env, channelId, (await createTikTokVideo(env)).content)
    await drain(env)
    const after = await untilSettled(pub.id)
    expect(after.status).toBe('published')
    expect(after.remoteId).toBe(fake.posts[0].publishId)
    expect(after.remoteUrl).toBeFalsy()
    expect(lastAttempt(after).message).toMatch(/không công khai/)
  })

  describe('refused before anything is sent, in Vietnamese', () => {
    /** Scheduling checks the channel's rules: refused with the reason, nothing saved, TikTok hears nothing. */
    const refused = async (
      content: { relationTo: string; value: string },
      why: RegExp,
      extra: Record<string, unknown> = {},
    ) => {
      const before = await payload.count({ collection: 'publications', overrideAccess: true })
      const err = (await schedule(env, channelId, content, extra).catch((e) => e)) as {
        data?: { errors?: { path: string; message: string }[] }
      }
      expect(err.data?.errors?.[0]?.path).toBe('channel')
      expect(err.data?.errors?.[0]?.message).toMatch(why)
      const after = await payload.count({ collection: 'publications', overrideAccess: true })
      expect(after.totalDocs).toBe(before.totalDocs)
      expect(fake.requests).toHaveLength(0)
    }

    it('an image stored as PNG', async () => {
      const png = await payload.create({
        collection: 'media',
        data: { alt: 'Áp phích', credit: 'Sở TT&TT', ownerUnit: env.unit.id } as never,
        file: fileOf(await pngBuffer(900, 900), 'ap-phich.png', 'image/png') as never,
        overrideAccess: true,
      })
      // Uploads are re-encoded to WebP; a file kept as PNG (from before that, or imported) is what TikTok refuses.
      await payload.db.updateOne({
        collection: 'media',
        id: png.id,
        data: {
          mimeType: 'image/png',
          url: '/api/media/file/ap-phich.png',
          sizes: { og: { url: '/api/media/file/ap-phich-1200x630.png', mimeType: 'image/png' } },
        },
        returning: false,
      })
      await refused(
        await createInfographic(env, png),
        /TikTok không nhận ảnh PNG: cần ảnh JPEG hoặc WebP/,
      )
    })

    it('an article (TikTok takes videos and infographics only)', async () => {
      await refused(await createArticle(env), /Kênh TikTok chỉ nhận video và ảnh infographic/)
    })

    it('a caption over 2,200 characters', async () => {
      const { content } = await createTikTokVideo(env)
      await refused(content, /Chú thích video TikTok dài \d+ ký tự, vượt giới hạn 2200 ký tự/, {
        message: 'Chuyển đổi số '.repeat(170),
      })
    })

    it('a photo title over 90 characters', async () => {
      const content = await createInfographic(env)
      await payload.update({
        collection: 'infographics',
        id: content.value,
        data: { title: `Infographic: ${'số liệu chuyển đổi số của tỉnh '.repeat(4)}` } as never,
        overrideAccess: true,
      })
      await refused(content, /Tiêu đề bài ảnh TikTok dài \d+ ký tự, vượt giới hạn 90 ký tự/)
    })

    it('a channel without a privacy level; and at fire time, a channel whose level was removed after scheduling', async () => {
      const { content } = await createTikTokVideo(env)
      const pub = await schedule(env, channelId, content, {
        publishNow: false,
        scheduledAt: new Date(Date.now() + 60_000).toISOString(),
      })
      await payload.update({
        collection: 'channels',
        id: channelId,
        data: { settings: { tiktokPrivacyLevel: null } } as never,
        overrideAccess: true,
      })
      await refused(
        (await createTikTokVideo(env)).content,
        /chưa chọn quyền riêng tư cho bài đăng TikTok/,
      )
      // The one scheduled before: the dispatcher checks again when it falls due.
      await payload.db.updateOne({
        collection: 'publications',
        id: pub.id,
        data: { nextAttemptAt: new Date().toISOString() },
        returning: false,
      })
      await drain(env)
      const failed = await readPub(env, pub.id)
      expect(failed.status).toBe('failed')
      expect(lastAttempt(failed).message).toMatch(/chưa chọn quyền riêng tư/)
      expect(fake.requests).toHaveLength(0)
    })
  })

  it('a privacy level the account does not offer (creator_info) fails before the init', async () => {
    fake.creator.privacy_level_options = ['SELF_ONLY']
    const pub = await schedule(env, channelId, (await createTikTokVideo(env)).content)
    await drain(env)
    const failed = await readPub(env, pub.id)
    expect(failed.status).toBe('failed')
    expect(lastAttempt(failed).message).toMatch(
      /không cho chọn quyền riêng tư "Mọi người" \(chỉ có: Chỉ mình tôi\)/,
    )
    expect(pathsOf(fake)).toEqual([CREATOR])
  })

  it('a video longer than the account may post (max_video_post_duration_sec) fails before the init', async () => {
    fake.creator.max_video_post_duration_sec = 60
    const pub = await schedule(env, channelId, (await createTikTokVideo(env, 300_000, 90)).content)
    await drain(env)
    const failed = await readPub(env, pub.id)
    expect(failed.status).toBe('failed')
    expect(lastAttempt(failed).message).toMatch(/dài 90 giây, vượt thời lượng tối đa 60 giây/)
    expect(pathsOf(fake)).toEqual([CREATOR])
  })

  it('HTTP 500 (internal_error): retried with backoff, then posted once', async () => {
    fake.inject({
      kind: 'status',
      status: 500,
      body: {
        data: {},
        error: { code: 'internal_error', message: 'Something went wrong.', log_id: 'x' },
      },
    })
    const pub = await schedule(env, channelId, (await createTikTokVideo(env)).content)
    await drain(env)
    const retrying = await readPub(env, pub.id)
    expect(retrying.status).toBe('retrying')
    expect(lastAttempt(retrying)).toMatchObject({ outcome: 'retry', httpStatus: 500 })
    expect(lastAttempt(retrying).message).toMatch(/internal_error.*thử lại/)
    await untilDue(retrying)
    await drain(env)
    const after = await untilSettled(pub.id)
    expect(after.status).toBe('published')
    expect(outcomes(after)).toEqual(['retry', 'pending', 'pending', 'success'])
    expect(fake.posts).toHaveLength(1)
  })

  it('HTTP 429 rate_limit_exceeded: waits a minute (TikTok sends no Retry-After), nothing posted meanwhile', async () => {
    fake.rateLimitNext()
    const pub = await schedule(env, channelId, (await createTikTokVideo(env)).content)
    const before = Date.now()
    await drain(env)
    const retrying = await readPub(env, pub.id)
    expect(retrying.status).toBe('retrying')
    expect(lastAttempt(retrying)).toMatchObject({ outcome: 'retry', httpStatus: 429 })
    expect(lastAttempt(retrying).message).toMatch(/rate_limit_exceeded.*Sẽ thử lại sau 60 giây/)
    expect(new Date(retrying.nextAttemptAt).getTime()).toBeGreaterThanOrEqual(before + 60_000)
    expect(await drain(env)).toBe(0)
    expect(fake.posts).toHaveLength(0)
  })

  it('a time-out while polling: retried, and the next try only asks for the status (no second post)', async () => {
    const pub = await schedule(env, channelId, (await createTikTokVideo(env)).content)
    await drain(env)
    fake.inject({ kind: 'timeout' })
    const sending = await readPub(env, pub.id)
    await untilDue({ nextAttemptAt: sending.leaseUntil })
    await drain(env)
    const retrying = await readPub(env, pub.id)
    expect(retrying.status).toBe('retrying')
    expect(lastAttempt(retrying).message).toMatch(
      new RegExp(`không trả lời sau ${CHANNEL_TIMEOUT_MS} ms`),
    )
    expect(retrying.remoteId).toMatch(/^tiktok:/)
    await untilDue(retrying)
    await drain(env)
    const after = await untilSettled(pub.id)
    expect(after.status).toBe('published')
    expect(fake.callsTo(INIT)).toHaveLength(1)
    expect(fake.posts).toHaveLength(1)
    expect(outcomes(after)).toEqual(['pending', 'retry', 'pending', 'success'])
  })

  it("a post that ends FAILED: the publication fails with TikTok's reason in Vietnamese, not retried", async () => {
    fake.failNextPost('duration_check_failed')
    const pub = await schedule(env, channelId, (await createTikTokVideo(env)).content)
    await drain(env)
    const after = await untilSettled(pub.id)
    expect(after.status).toBe('failed')
    expect(outcomes(after)).toEqual(['pending', 'pending', 'permanent'])
    expect(lastAttempt(after).message).toMatch(
      /TikTok không đăng được bài: thời lượng video không phù hợp \(fail_reason: duration_check_failed\)/,
    )
    const calls = fake.requests.length
    await sleep(300)
    expect(await drain(env)).toBe(0)
    expect(fake.requests).toHaveLength(calls)
    expect((await readChannel(env, channelId)).status).toBe('active')
  })

  it('an expired access token (401 access_token_invalid): refreshed through the shared OAuth path, the rotated refresh token stored', async () => {
    fake.expireTokens()
    const pub = await schedule(env, channelId, (await createTikTokVideo(env)).content)
    await drain(env)
    expect(fake.refreshes).toBe(1)
    const tokenCall = fake.callsTo('/v2/oauth/token/')[0]
    const form = new URLSearchParams(tokenCall.body)
    expect(form.get('client_key')).toBe(fake.clientKey)
    expect(form.get('grant_type')).toBe('refresh_token')
    const channel = await readChannel(env, channelId)
    expect(channel.credentials.accessToken).toBe(fake.token)
    expect(channel.credentials.refreshToken).toBe(fake.refreshToken)
    expect(new Date(channel.credentials.accessTokenExpiresAt).getTime()).toBeGreaterThan(
      Date.now() + 23 * 3600_000,
    )
    const after = await untilSettled(pub.id)
    expect(after.status).toBe('published')
  })

  it('a revoked grant: the channel needs attention and its publications are held until an admin re-authorises', async () => {
    fake.revokeGrant()
    const pub = await schedule(env, channelId, (await createTikTokVideo(env)).content)
    await drain(env)
    const channel = await readChannel(env, channelId)
    expect(channel.status).toBe('needs-attention')
    expect(channel.lastError).toMatch(
      /Mã làm mới TikTok đã bị thu hồi hoặc hết hạn; cần cấp quyền lại/,
    )
    const held = await readPub(env, pub.id)
    expect(held.status).toBe('scheduled')
    expect(lastAttempt(held).outcome).toBe('reauth')
    expect(fake.posts).toHaveLength(0)
    const calls = fake.requests.length
    expect(await drain(env)).toBe(0)
    expect(fake.requests).toHaveLength(calls)

    await repairChannel(env, channelId, { refreshToken: fake.grantAgain() })
    await drain(env)
    const after = await untilSettled(pub.id)
    expect(after.status).toBe('published')
    expect(outcomes(after)).toEqual(['reauth', 'pending', 'pending', 'success'])
  })

  it('six inits a minute per account: the seventh and eighth wait for a free slot without counting an attempt, and TikTok never answers 429', async () => {
    fake.processingPolls = 1000
    const pubs = []
    for (let i = 0; i < 8; i++)
      pubs.push(await schedule(env, channelId, (await createTikTokVideo(env)).content))
    await drain(env)
    const inits = fake.callsTo(INIT)
    expect(inits).toHaveLength(6)
    expect(fake.posts).toHaveLength(6)
    const read = await Promise.all(pubs.map((p) => readPub(env, p.id)))
    const waiting = read.filter((p) => p.status === 'retrying')
    expect(waiting).toHaveLength(2)
    for (const p of waiting) {
      expect(p.attemptCount ?? 0).toBe(0)
      expect(lastAttempt(p).outcome).toBe('held')
      expect(lastAttempt(p).message).toMatch(
        /Đã gửi 6 yêu cầu đăng bài tới tài khoản TikTok này trong một phút/,
      )
      // Not before the first init's minute is over.
      expect(new Date(p.nextAttemptAt).getTime()).toBeGreaterThanOrEqual(inits[0].at + 60_000 - 5)
    }
    expect(read.filter((p) => p.status === 'sending')).toHaveLength(6)
    // At the fake: never more than 6 inits within any 60 s.
    const times = inits.map((r) => r.at).sort((a, b) => a - b)
    for (let i = 0; i < times.length; i++)
      expect(
        times.filter((t) => t >= times[i] && t < times[i] + 60_000).length,
      ).toBeLessThanOrEqual(6)
  })
})
