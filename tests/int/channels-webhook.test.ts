/**
 * The webhook channel against a loopback receiver that checks the HMAC signature and the
 * Idempotency-Key, driven by the real dispatcher over publications a campaign manager scheduled.
 */
import crypto from 'node:crypto'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startFakeWebhook, type FakeWebhook } from '../fakes/webhook'
import { testPayload } from '../helpers/payload'
import {
  CHANNEL_TIMEOUT_MS,
  cancelLeftovers,
  channelFailureMatrix,
  createArticle,
  createChannel,
  createEnv,
  drain,
  expectVietnameseAttempts,
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

const SECRET = 'khoa-ky-cong-thong-tin'

let payload: Payload
let env: Env

beforeAll(async () => {
  payload = await testPayload()
  env = await createEnv(payload)
})

const webhookChannel = (hook: FakeWebhook, secret = SECRET) => ({
  name: `Cổng thông tin điện tử tỉnh ${crypto.randomBytes(3).toString('hex')}`,
  kind: 'webhook',
  settings: { url: `${hook.url}/nhan-tin`, timeoutMs: CHANNEL_TIMEOUT_MS },
  credentials: { signingSecret: secret },
})

channelFailureMatrix(
  {
    name: 'webhook',
    callsPerSend: 1,
    remoteId: /^wh-\d+$/,
    remoteUrl: /^https:\/\/portal\.example\/tin\/wh-\d+$/,
    async start() {
      const hook = await startFakeWebhook(SECRET)
      return {
        fake: hook,
        channelData: webhookChannel(hook),
        // The channel signs with a key the portal no longer accepts: the portal answers 401.
        async breakAuth(e, channelId) {
          await e.payload.update({
            collection: 'channels',
            id: channelId,
            data: { credentials: { signingSecret: 'khoa-cu-da-bi-thay' } } as never,
            user: e.admin,
            overrideAccess: false,
          })
        },
        repairedCredentials: () => ({ signingSecret: SECRET }),
        serverError: (times = 1) =>
          hook.inject({ kind: 'status', status: 500, body: { error: 'Lỗi máy chủ cổng' } }, times),
        rateLimited: (seconds) =>
          hook.inject({
            kind: 'status',
            status: 429,
            body: { error: 'Too Many Requests' },
            headers: { 'Retry-After': String(seconds) },
          }),
        permanent: () =>
          hook.inject({
            kind: 'status',
            status: 400,
            body: { error: 'Trường "content" không hợp lệ' },
          }),
        published: () => hook.keys.size,
      }
    },
    content: (e) => createArticle(e),
  },
  () => env,
)

describe('webhook: what the receiver gets', () => {
  let hook: FakeWebhook
  let channelId: string

  beforeAll(async () => {
    hook = await startFakeWebhook(SECRET)
    channelId = String((await createChannel(env, webhookChannel(hook))).id)
  })

  afterAll(async () => {
    await cancelLeftovers(env)
    await hook.close()
  })

  it('signs the exact body with HMAC-SHA256 so the receiver can verify it, and sends the publication document', async () => {
    const content = await createArticle(env, { image: true })
    const pub = await schedule(env, channelId, content)
    expect(await drain(env)).toBe(1)
    expect((await readPub(env, pub.id)).status).toBe('published')

    const req = hook.requests.at(-1)!
    expect(req.method).toBe('POST')
    expect(req.path).toBe('/nhan-tin')
    expect(req.headers['content-type']).toBe('application/json')
    const expected = crypto.createHmac('sha256', SECRET).update(req.body).digest('hex')
    expect(req.headers['x-signature-sha256']).toBe(`sha256=${expected}`)
    // A signature made with another key does not match.
    expect(req.headers['x-signature-sha256']).not.toBe(
      `sha256=${crypto.createHmac('sha256', 'khac').update(req.body).digest('hex')}`,
    )

    const body = JSON.parse(req.body)
    expect(body).toMatchObject({
      type: 'publication',
      publicationId: String(pub.id),
      idempotencyKey: pub.idempotencyKey,
      channel: { id: channelId },
      message: 'Cùng chung tay chuyển đổi số!',
      hashtags: ['ChuyenDoiSo', 'DakLak'],
      content: { kind: 'articles', id: content.value, status: 'published' },
    })
    expect(body.content.imageUrl).toMatch(/^https?:\/\//)
    expect(body.content.url).toMatch(/^https?:\/\/.+\/articles\//)
    expect(req.headers['idempotency-key']).toBe(pub.idempotencyKey)
  })

  it('sends the same Idempotency-Key (and a valid signature) on every retry, so the receiver can drop repeats', async () => {
    const pub = await schedule(env, channelId, await createArticle(env))
    const key = pub.idempotencyKey as string
    expect(key).toBeTruthy()
    const seen = () => hook.requests.filter((r) => r.headers['idempotency-key'] === key)

    // 1st try: HTTP 503; 2nd: the portal takes too long; 3rd: it answers.
    hook.inject({ kind: 'status', status: 503, body: { error: 'bảo trì' } })
    hook.inject({ kind: 'timeout' })
    expect(await drain(env)).toBe(1)
    let current = await readPub(env, pub.id)
    expect(current.status).toBe('retrying')
    await untilDue(current)
    expect(await drain(env)).toBe(1)
    current = await readPub(env, pub.id)
    expect(current.status).toBe('retrying')
    await untilDue(current)
    expect(await drain(env)).toBe(1)
    current = await readPub(env, pub.id)
    expect(current.status).toBe('published')
    expect(current.attempts.map((a: Record<string, unknown>) => a.outcome)).toEqual([
      'retry',
      'retry',
      'success',
    ])
    expectVietnameseAttempts(current)

    const arrivals = seen()
    expect(arrivals).toHaveLength(3)
    for (const r of arrivals) {
      expect(r.headers['x-signature-sha256']).toBe(
        `sha256=${crypto.createHmac('sha256', SECRET).update(r.body).digest('hex')}`,
      )
      expect(JSON.parse(r.body).idempotencyKey).toBe(key)
    }
    // The receiver processed it once (the 503 and the timeout never reached its handler).
    expect(hook.keys.get(key)).toBe(1)
  })
})
