/**
 * Shared by the channel contract tests (channels-*.test.ts): the people and content they schedule,
 * small helpers around the real dispatcher, and the failure matrix every HTTP channel must pass
 * against its loopback fake (success, 5xx, 429 + Retry-After, bad credentials, permanent refusal,
 * timeout, reset connection, exhausted retries).
 */
import type { Payload } from 'payload'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '@/dispatch/dispatcher'
import { MAX_ATTEMPTS } from '@/dispatch/backoff'
import type { FakeServer } from '../fakes/fakeServer'
import { createUnit, createUser, fileOf, pngBuffer } from '../helpers/fixtures'

type Doc = Record<string, any>

export type Env = { payload: Payload; unit: Doc; manager: Doc; admin: Doc; image: Doc }

/** The timeout every test channel uses: the smallest the Channels collection accepts. */
export const CHANNEL_TIMEOUT_MS = 1000

export async function createEnv(payload: Payload): Promise<Env> {
  const unit = await createUnit(payload, 'Sở Thông tin và Truyền thông', 'department')
  const manager = await createUser(payload, 'campaign-manager', unit.id)
  const admin = await createUser(payload, 'admin', unit.id)
  const image = await payload.create({
    collection: 'media',
    data: {
      alt: 'Người dân dùng dịch vụ công trực tuyến',
      credit: 'Sở TT&TT',
      ownerUnit: unit.id,
    } as never,
    file: fileOf(await pngBuffer(1400, 800), 'dich-vu-cong.png', 'image/png') as never,
    overrideAccess: true,
  })
  return { payload, unit, manager, admin, image }
}

let counter = 0

export async function createArticle(env: Env, opts: { image?: boolean; title?: string } = {}) {
  const doc = await env.payload.create({
    collection: 'articles',
    data: {
      title: opts.title ?? `Chuyển đổi số: người dân làm thủ tục trực tuyến ${++counter}`,
      sapo: 'Hơn 90% hồ sơ thủ tục hành chính của tỉnh đã được nộp trực tuyến.',
      ownerUnit: env.unit.id,
      _status: 'published',
      ...(opts.image ? { coverImage: env.image.id } : {}),
    } as never,
    overrideAccess: true,
  })
  return { relationTo: 'articles' as const, value: String(doc.id) }
}

export async function createVideo(env: Env, youtubeVideoId: string) {
  const doc = await env.payload.create({
    collection: 'videos',
    data: {
      title: `Phóng sự: chợ 4.0 ở buôn làng ${++counter}`,
      description: 'Tiểu thương thanh toán không dùng tiền mặt bằng mã QR.',
      kind: 'reportage',
      externalUrl: `https://www.youtube.com/watch?v=${youtubeVideoId}`,
      ownerUnit: env.unit.id,
      _status: 'published',
    } as never,
    overrideAccess: true,
  })
  return { relationTo: 'videos' as const, value: String(doc.id) }
}

/** A minimal MP4 (an ftyp box, then an mdat box of zeros) that file-type recognises as video/mp4. */
export function mp4Buffer(size: number): Buffer {
  const buf = Buffer.alloc(size)
  const ftyp = Buffer.concat([
    Buffer.from([0, 0, 0, 0x20]),
    Buffer.from('ftypisom'),
    Buffer.from([0, 0, 2, 0]),
    Buffer.from('isomiso2avc1mp41'),
  ])
  ftyp.copy(buf, 0)
  buf.writeUInt32BE(size - ftyp.length, ftyp.length)
  buf.write('mdat', ftyp.length + 4)
  // Something other than zeros, so a chunk sent at the wrong offset would show.
  for (let i = ftyp.length + 8; i < size; i += 4096) buf[i] = i % 251
  return buf
}

/** A short clip with its file in the media library (what TikTok takes). */
export async function createTikTokVideo(e: Env, bytes = 300_000, durationSeconds = 45) {
  const n = ++counter
  const file = await e.payload.create({
    collection: 'media',
    data: { alt: 'Clip chuyển đổi số', credit: 'Đài PT-TH', ownerUnit: e.unit.id } as never,
    file: fileOf(mp4Buffer(bytes), `clip-cds-${n}.mp4`, 'video/mp4') as never,
    overrideAccess: true,
  })
  const doc = await e.payload.create({
    collection: 'videos',
    data: {
      title: `Clip ngắn: nộp hồ sơ trực tuyến trong 3 phút ${n}`,
      description: 'Hướng dẫn người dân nộp hồ sơ trên Cổng dịch vụ công.',
      kind: 'clip',
      file: file.id,
      durationSeconds,
      ownerUnit: e.unit.id,
      _status: 'published',
    } as never,
    overrideAccess: true,
  })
  return { content: { relationTo: 'videos' as const, value: String(doc.id) }, file }
}

export async function createChannel(env: Env, data: Record<string, unknown>) {
  return env.payload.create({
    collection: 'channels',
    data: data as never,
    user: env.admin,
    overrideAccess: false,
  }) as Promise<Doc>
}

/** A publication scheduled by the campaign manager, through the Local API with access control. */
export function schedule(
  env: Env,
  channel: string,
  content: { relationTo: string; value: string },
  extra: Record<string, unknown> = {},
) {
  return env.payload.create({
    collection: 'publications',
    data: {
      content,
      channel,
      publishNow: true,
      message: 'Cùng chung tay chuyển đổi số!',
      hashtags: ['ChuyenDoiSo', 'DakLak'],
      ...extra,
    } as never,
    user: env.manager,
    overrideAccess: false,
  }) as Promise<Doc>
}

export const drain = (env: Env) => createDispatcher(env.payload, { log: () => {} }).drain()

export const readPub = (env: Env, id: string) =>
  env.payload.findByID({
    collection: 'publications',
    id,
    depth: 0,
    overrideAccess: true,
  }) as Promise<Doc>
export const readChannel = (env: Env, id: string) =>
  env.payload.findByID({
    collection: 'channels',
    id,
    depth: 0,
    overrideAccess: true,
  }) as Promise<Doc>

/** An admin pastes new credentials and sets the channel back to active, as after an authentication failure. */
export const repairChannel = (env: Env, id: string, credentials: Record<string, unknown>) =>
  env.payload.update({
    collection: 'channels',
    id,
    data: { credentials, status: 'active' } as never,
    user: env.admin,
    overrideAccess: false,
  })

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Waits until a retrying publication's next attempt is due. */
export async function untilDue(pub: Doc) {
  const wait = new Date(pub.nextAttemptAt).getTime() - Date.now()
  if (wait > 0) await sleep(wait + 20)
}

/** Vietnamese words that dispatcher messages use; every attempt message must carry at least one. */
const VIETNAMESE = /(kênh|thử lại|thành công|không|đăng|lỗi|mã truy cập|tạm giữ|máy chủ)/iu

export function expectVietnameseAttempts(pub: Doc) {
  const attempts = (pub.attempts ?? []) as Doc[]
  expect(attempts.length).toBeGreaterThan(0)
  for (const a of attempts)
    expect(a.message, `attempt message should be Vietnamese: ${a.message}`).toMatch(VIETNAMESE)
}

export const lastAttempt = (pub: Doc) => (pub.attempts as Doc[])[(pub.attempts as Doc[]).length - 1]

/** Anything a test left unsent is cancelled, so it does not leak into the next test's drains. */
export async function cancelLeftovers(env: Env) {
  await env.payload.update({
    collection: 'publications',
    where: { status: { in: ['scheduled', 'retrying', 'sending', 'awaiting-approval'] } },
    data: { status: 'cancelled', leaseOwner: null } as never,
    overrideAccess: true,
    context: { dispatcher: true },
  })
}

/** One remote (a fake) for one test, and how to make it fail the ways that remote really fails. */
export type Remote = {
  fake: FakeServer
  /** The channel document pointing at the fake (created by an admin, with credentials). */
  channelData: Record<string, unknown>
  /** The remote starts refusing the channel's credentials (a revoked token, a rotated secret). */
  breakAuth: (env: Env, channelId: string) => Promise<void>
  /** The credentials an admin pastes to repair the channel. */
  repairedCredentials: () => Record<string, string>
  /** The next `times` calls fail with HTTP 500. */
  serverError: (times?: number) => void
  /** The next call is refused as "too many requests" with `Retry-After: seconds`. */
  rateLimited: (seconds: number) => void
  /** The next call is refused for good (HTTP 400, invalid content). */
  permanent: () => void
  /** How many things the remote has actually published. */
  published: () => number
}

export type ChannelCase = {
  name: string
  /** HTTP calls one successful send makes (Zalo: create + verify). */
  callsPerSend: number
  remoteId: RegExp
  remoteUrl: RegExp
  start: () => Promise<Remote>
  content: (env: Env) => Promise<{ relationTo: string; value: string }>
}

/**
 * The failure matrix for one HTTP channel, on a fresh fake and channel per test, driving the real
 * dispatcher over publications a campaign manager scheduled.
 */
export function channelFailureMatrix(c: ChannelCase, getEnv: () => Env) {
  describe(`${c.name}: delivery and failure handling`, () => {
    let env: Env
    let remote: Remote
    let channelId: string

    beforeEach(async () => {
      env = getEnv()
      remote = await c.start()
      channelId = String((await createChannel(env, remote.channelData)).id)
    })

    afterEach(async () => {
      await cancelLeftovers(env)
      await remote.fake.close()
    })

    const scheduleOne = async () => schedule(env, channelId, await c.content(env))
    const calls = () => remote.fake.requests.length
    /** Once its retry falls due, a retrying publication goes out on the next pass, exactly once. */
    const sentOnNextTry = async (retrying: Doc) => {
      await untilDue(retrying)
      expect(await drain(env)).toBe(1)
      const after = await readPub(env, retrying.id)
      expect(after.status).toBe('published')
      return after
    }

    it('publishes a due publication and stores the remote id and URL', async () => {
      const pub = await scheduleOne()
      expect(pub.status).toBe('scheduled')
      expect(await drain(env)).toBe(1)
      const after = await readPub(env, pub.id)
      expect(after.status).toBe('published')
      expect(after.remoteId).toMatch(c.remoteId)
      expect(after.remoteUrl).toMatch(c.remoteUrl)
      expect(after.publishedAt).toBeTruthy()
      expect(after.attemptCount).toBe(1)
      expect(after.attempts).toHaveLength(1)
      expect(after.attempts[0].outcome).toBe('success')
      expect(after.attempts[0].message).toMatch(/thành công/)
      expectVietnameseAttempts(after)
      expect(calls()).toBe(c.callsPerSend)
      expect(remote.published()).toBe(1)
      // Nothing more to do: a second pass sends nothing again.
      expect(await drain(env)).toBe(0)
      expect(calls()).toBe(c.callsPerSend)
    })

    it('retries after HTTP 500 (next attempt in the future), then succeeds on the next drain', async () => {
      remote.serverError()
      const pub = await scheduleOne()
      expect(await drain(env)).toBe(1)
      const retrying = await readPub(env, pub.id)
      expect(retrying.status).toBe('retrying')
      expect(retrying.attemptCount).toBe(1)
      const attempt = lastAttempt(retrying)
      expect(attempt.outcome).toBe('retry')
      expect(attempt.httpStatus).toBe(500)
      expect(attempt.message).toMatch(/thử lại/)
      expect(new Date(retrying.nextAttemptAt).getTime()).toBeGreaterThan(
        new Date(attempt.at).getTime(),
      )
      expect(remote.published()).toBe(0)

      const after = await sentOnNextTry(retrying)
      expect(after.attempts.map((a: Doc) => a.outcome)).toEqual(['retry', 'success'])
      expect(after.attemptCount).toBe(2)
      expect(remote.published()).toBe(1)
      expectVietnameseAttempts(after)
    })

    it('honours Retry-After on HTTP 429: the next attempt is not before now + 2 s', async () => {
      remote.rateLimited(2)
      const pub = await scheduleOne()
      const before = Date.now()
      expect(await drain(env)).toBe(1)
      const afterDrain = Date.now()
      const retrying = await readPub(env, pub.id)
      expect(retrying.status).toBe('retrying')
      const next = new Date(retrying.nextAttemptAt).getTime()
      expect(next).toBeGreaterThanOrEqual(before + 2000)
      expect(next).toBeLessThanOrEqual(afterDrain + 2000 + 50)
      const attempt = lastAttempt(retrying)
      expect(attempt.outcome).toBe('retry')
      expect(attempt.httpStatus).toBe(429)
      expect(attempt.message).toMatch(/thử lại sau 2 giây/)

      // Not earlier: a drain now leaves it alone and the remote hears nothing.
      const callsBefore = calls()
      expect(await drain(env)).toBe(0)
      expect(calls()).toBe(callsBefore)

      const after = await sentOnNextTry(retrying)
      expect(remote.published()).toBe(1)
      expectVietnameseAttempts(after)
    })

    it('bad credentials: the channel needs attention, the publication is held, and resumes once the channel is active again', async () => {
      const pub = await scheduleOne()
      await remote.breakAuth(env, channelId)
      expect(await drain(env)).toBe(1)

      const channel = await readChannel(env, channelId)
      expect(channel.status).toBe('needs-attention')
      expect(channel.lastError).toMatch(/mã truy cập|xác thực/i)
      expect(channel.lastErrorAt).toBeTruthy()
      const held = await readPub(env, pub.id)
      expect(held.status).toBe('scheduled')
      expect(lastAttempt(held).outcome).toBe('reauth')
      expect(lastAttempt(held).message).toMatch(/cần xử lý/)
      expect(remote.published()).toBe(0)

      // Held while the channel is not active: no claim, no request.
      const callsHeld = calls()
      expect(await drain(env)).toBe(0)
      expect(await drain(env)).toBe(0)
      expect(calls()).toBe(callsHeld)
      expect((await readPub(env, pub.id)).status).toBe('scheduled')

      // An admin pastes the new credentials and sets the channel back to active.
      await repairChannel(env, channelId, remote.repairedCredentials())
      expect(await drain(env)).toBe(1)
      const after = await readPub(env, pub.id)
      expect(after.status).toBe('published')
      expect(after.attempts.map((a: Doc) => a.outcome)).toEqual(['reauth', 'success'])
      expect(remote.published()).toBe(1)
      expectVietnameseAttempts(after)
    })

    it('a permanent refusal (HTTP 400) fails the publication without retrying', async () => {
      remote.permanent()
      const pub = await scheduleOne()
      expect(await drain(env)).toBe(1)
      const failed = await readPub(env, pub.id)
      expect(failed.status).toBe('failed')
      expect(lastAttempt(failed).outcome).toBe('permanent')
      expect(lastAttempt(failed).httpStatus).toBe(400)
      expect(lastAttempt(failed).message).toMatch(/không thử lại/)
      expect((await readChannel(env, channelId)).status).toBe('active')
      const callsAfter = calls()
      await sleep(100)
      expect(await drain(env)).toBe(0)
      expect(calls()).toBe(callsAfter)
      expect(remote.published()).toBe(0)
      expectVietnameseAttempts(failed)
    })

    it('retries after a timeout (the remote never answers)', async () => {
      remote.fake.inject({ kind: 'timeout' })
      const pub = await scheduleOne()
      const started = Date.now()
      expect(await drain(env)).toBe(1)
      expect(Date.now() - started).toBeGreaterThanOrEqual(CHANNEL_TIMEOUT_MS - 50)
      const retrying = await readPub(env, pub.id)
      expect(retrying.status).toBe('retrying')
      expect(lastAttempt(retrying).outcome).toBe('retry')
      expect(lastAttempt(retrying).message).toMatch(
        new RegExp(`không trả lời sau ${CHANNEL_TIMEOUT_MS} ms`),
      )
      const after = await sentOnNextTry(retrying)
      expect(remote.published()).toBe(1)
      expectVietnameseAttempts(after)
    })

    it('retries after the connection is reset', async () => {
      remote.fake.inject({ kind: 'reset' })
      const pub = await scheduleOne()
      expect(await drain(env)).toBe(1)
      const retrying = await readPub(env, pub.id)
      expect(retrying.status).toBe('retrying')
      expect(lastAttempt(retrying).outcome).toBe('retry')
      expect(lastAttempt(retrying).message).toMatch(/Không kết nối được/)
      const after = await sentOnNextTry(retrying)
      expect(remote.published()).toBe(1)
      expectVietnameseAttempts(after)
    })

    it(`fails after ${MAX_ATTEMPTS} failed attempts (DISPATCH_MAX_ATTEMPTS)`, async () => {
      remote.serverError(MAX_ATTEMPTS + 1)
      const pub = await scheduleOne()
      let current = pub
      for (let i = 1; i <= MAX_ATTEMPTS; i++) {
        await untilDue(current)
        expect(await drain(env)).toBe(1)
        current = await readPub(env, pub.id)
        expect(current.attemptCount).toBe(i)
        expect(current.status).toBe(i < MAX_ATTEMPTS ? 'retrying' : 'failed')
      }
      expect(current.attempts.map((a: Doc) => a.outcome)).toEqual([
        ...Array(MAX_ATTEMPTS - 1).fill('retry'),
        'permanent',
      ])
      expect(lastAttempt(current).message).toMatch(
        new RegExp(`Đã thử ${MAX_ATTEMPTS} lần, dừng thử lại`),
      )
      const callsAfter = calls()
      await sleep(300)
      expect(await drain(env)).toBe(0)
      expect(calls()).toBe(callsAfter)
      expectVietnameseAttempts(current)
    })
  })
}
