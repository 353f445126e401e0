/**
 * No duplicate posts on platforms that ignore Idempotency-Key (Facebook, Zalo OA, YouTube, TikTok):
 * each fake accepts the post and then fails to answer (holds the answer, drops the connection, or
 * answers after the client's time-out). A worker process killed at that moment and a new one
 * started, or the same worker after a lost answer, looks the post up by the marker the send
 * carried and records it: each fake holds exactly one post per publication.
 */
import type { ChildProcess } from 'node:child_process'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { carriesMarker } from '@/channels/marker'
import { serverUrl } from '@/lib/env'
import { startFakeFacebook, type FakeFacebook } from '../fakes/facebook'
import type { Injected } from '../fakes/fakeServer'
import { startFakeTikTok, type FakeTikTok } from '../fakes/tiktok'
import { startFakeYoutube, type FakeYoutube } from '../fakes/youtube'
import { startFakeZalo, type FakeZalo } from '../fakes/zalo'
import { testPayload } from '../helpers/payload'
import { spawnWorker, stopWorker, waitFor } from '../helpers/workers'
import {
  createArticle,
  createChannel,
  createEnv,
  createTikTokVideo,
  createVideo,
  readPub,
  schedule,
  type Env,
} from './channels-harness'

type Doc = Record<string, any>

/** Short leases and backoff, so a taken-over claim and a retry come within seconds. */
const WORKER_ENV = {
  DISPATCH_LEASE_MS: '2000',
  DISPATCH_BACKOFF_BASE_MS: '1000',
  DISPATCH_BACKOFF_CAP_MS: '2000',
  TIKTOK_POLL_MS: '500',
}
/** Publications per platform and case. TikTok's 6 inits a minute per account bound the total. */
const PER_CASE = 2

let payload: Payload
let env: Env
let fb: FakeFacebook
let zalo: FakeZalo
let yt: FakeYoutube
let tiktok: FakeTikTok
let worker: (ChildProcess & { output: () => string }) | undefined
let videoIds = 0

/** One platform: its fake, how its posts are counted, the call that creates a post, a content item to send. */
type Platform = {
  name: string
  createPath: string
  channel: (timeoutMs: number) => Record<string, unknown>
  content: () => Promise<{ relationTo: string; value: string }>
  /** How many posts on the platform carry this publication (its marker, or its remote id). */
  postsOf: (pub: Doc) => number
  /** Every post the platform holds. */
  total: () => number
  server: () => {
    inject: (f: Injected, times?: number, path?: string) => void
    unanswered: () => number
  }
}

let platforms: Platform[]

beforeAll(async () => {
  payload = await testPayload()
  env = await createEnv(payload)
  fb = await startFakeFacebook({ token: 'fb-page-token' })
  zalo = await startFakeZalo({ token: 'zalo-token' })
  yt = await startFakeYoutube({ token: 'yt-token' })
  tiktok = await startFakeTikTok()
  tiktok.verifiedPrefixes.push(serverUrl())
  // TikTok processes on its own: a post nobody asks about is listed once done.
  tiktok.settleMs = 0
  platforms = [
    {
      name: 'facebook-page',
      createPath: `POST /${fb.version}/${fb.pageId}/feed`,
      channel: (timeoutMs) => ({
        kind: 'facebook-page',
        settings: { apiBaseUrl: fb.apiBaseUrl, pageId: fb.pageId, timeoutMs },
        credentials: { accessToken: fb.token },
      }),
      content: () => createArticle(env),
      postsOf: (pub) =>
        fb.posts.filter((p) => carriesMarker(String(p.fields.link), pub as never)).length,
      total: () => fb.posts.length,
      server: () => fb,
    },
    {
      name: 'zalo-oa',
      createPath: 'POST /v2.0/article/create',
      channel: (timeoutMs) => ({
        kind: 'zalo-oa',
        settings: { apiBaseUrl: zalo.apiBaseUrl, oaId: '4318029871234567890', timeoutMs },
        credentials: { accessToken: zalo.token },
      }),
      content: () => createArticle(env, { image: true }),
      postsOf: (pub) =>
        zalo.articles.filter((a) => carriesMarker(a.fields.tracking_link, pub as never)).length,
      total: () => zalo.articles.length,
      server: () => zalo,
    },
    {
      name: 'youtube',
      createPath: 'PUT /youtube/v3/videos',
      channel: (timeoutMs) => ({
        kind: 'youtube',
        settings: { apiBaseUrl: yt.apiBaseUrl, youtubeChannelId: 'UCfake', timeoutMs },
        credentials: { accessToken: yt.token },
      }),
      content: () => {
        const id = `vidRecon${String(++videoIds).padStart(3, '0')}`
        yt.addVideo(id)
        return createVideo(env, id)
      },
      // The video exists already: a post is an update of it, so each update counts.
      postsOf: (pub) =>
        yt.updates.filter((u) => carriesMarker(u.snippet.description, pub as never)).length,
      total: () => yt.updates.length,
      server: () => yt,
    },
    {
      name: 'tiktok',
      createPath: 'POST /v2/post/publish/video/init/',
      channel: (timeoutMs) => ({
        kind: 'tiktok',
        settings: {
          apiBaseUrl: tiktok.apiBaseUrl,
          oauthBaseUrl: tiktok.apiBaseUrl,
          timeoutMs,
          tiktokPrivacyLevel: 'PUBLIC_TO_EVERYONE',
        },
        credentials: {
          accessToken: tiktok.token,
          clientId: tiktok.clientKey,
          clientSecret: tiktok.clientSecret,
          refreshToken: tiktok.refreshToken,
        },
      }),
      content: async () => (await createTikTokVideo(env)).content,
      // No hidden marker on TikTok: a publication's post is the one whose id it recorded, and every
      // post must belong to one publication (see `total`).
      postsOf: (pub) => tiktok.posts.filter((p) => p.postId && p.postId === pub.remoteId).length,
      total: () => tiktok.posts.length,
      server: () => tiktok,
    },
  ]
})

afterAll(async () => {
  if (worker) await stopWorker(worker, 'SIGKILL')
  await Promise.all([fb, zalo, yt, tiktok].map((f) => f?.close()))
  await Promise.all([yt?.oauth.close()])
})

const startWorker = async () => {
  const before = (await payload.count({ collection: 'worker-heartbeats', overrideAccess: true }))
    .totalDocs
  const w = spawnWorker(WORKER_ENV)
  await waitFor(
    async () =>
      (await payload.count({ collection: 'worker-heartbeats', overrideAccess: true })).totalDocs >
      before,
    60_000,
    'the worker heartbeat',
  ).catch((err) => {
    throw new Error(`${err.message}\n${w.output()}`)
  })
  return w
}

/**
 * PER_CASE publications per platform on a channel with this time-out, due now. The content first:
 * the fakes run in this process, and making media (images, clips) would hold up their answers.
 */
async function scheduleAll(timeoutMs: number): Promise<Map<Platform, Doc[]>> {
  const prepared: [Platform, string, { relationTo: string; value: string }[]][] = []
  for (const p of platforms) {
    const channel = await createChannel(env, {
      name: `${p.name} ${timeoutMs} ${Math.random().toString(36).slice(2, 6)}`,
      ...p.channel(timeoutMs),
    })
    const contents = []
    for (let i = 0; i < PER_CASE; i++) contents.push(await p.content())
    prepared.push([p, String(channel.id), contents])
  }
  const out = new Map<Platform, Doc[]>()
  for (const [p, channelId, contents] of prepared)
    out.set(p, await Promise.all(contents.map((c) => schedule(env, channelId, c))))
  return out
}

/** Waits until every publication is published, then reads them back. */
async function allPublished(pubs: Map<Platform, Doc[]>): Promise<Map<Platform, Doc[]>> {
  const ids = [...pubs.values()].flat().map((p) => String(p.id))
  await waitFor(
    async () =>
      (
        await payload.count({
          collection: 'publications',
          where: { and: [{ id: { in: ids } }, { status: { equals: 'published' } }] },
          overrideAccess: true,
        })
      ).totalDocs === ids.length,
    90_000,
    `${ids.length} publications published`,
  ).catch(async (err) => {
    const rest = await Promise.all(ids.map((id) => readPub(env, id)))
    const stuck = rest
      .filter((d) => d.status !== 'published')
      .map((d) => ({ status: d.status, channel: d.channelName, attempts: d.attempts }))
    throw new Error(`${err.message}: ${JSON.stringify(stuck)}\n${worker?.output().slice(-3000)}`)
  })
  const out = new Map<Platform, Doc[]>()
  for (const [p, list] of pubs)
    out.set(p, await Promise.all(list.map((d) => readPub(env, String(d.id)))))
  return out
}

/** Exactly one post per publication on every platform, and no post that belongs to none; returns the counts. */
function expectOnePostEach(done: Map<Platform, Doc[]>, totalsBefore: Map<Platform, number>) {
  const counts: Record<string, { publications: number; posts: number; duplicates: number }> = {}
  for (const [p, list] of done) {
    const per = list.map((pub) => p.postsOf(pub))
    const posts = p.total() - (totalsBefore.get(p) ?? 0)
    counts[p.name] = {
      publications: list.length,
      posts,
      duplicates: per.reduce((s, n) => s + Math.max(0, n - 1), 0),
    }
    expect(per, p.name).toEqual(list.map(() => 1))
    expect(posts, p.name).toBe(list.length)
  }
  return counts
}

const totals = () => new Map(platforms.map((p) => [p, p.total()]))

describe('a send whose answer never came is looked up, not sent again', () => {
  it(
    'the worker is killed while each platform holds its answer; a new worker records the posts, one each',
    { timeout: 240_000 },
    async () => {
      worker = await startWorker()
      const before = totals()
      for (const p of platforms) p.server().inject({ kind: 'hold' }, PER_CASE, p.createPath)
      // A long time-out: the worker is still waiting for the answers when it dies.
      const pubs = await scheduleAll(60_000)
      await waitFor(
        () => platforms.every((p) => p.server().unanswered() >= PER_CASE),
        60_000,
        'every platform holding its answers',
      ).catch((err) => {
        throw new Error(`${err.message}\n${worker?.output().slice(-3000)}`)
      })
      // Every platform has the posts; the worker that sent them never learns it.
      for (const p of platforms) expect(p.total() - before.get(p)!, p.name).toBe(PER_CASE)
      await stopWorker(worker, 'SIGKILL')

      worker = await startWorker()
      const done = await allPublished(pubs)
      const counts = expectOnePostEach(done, before)
      console.log(`[reconcile] kill -9 mid-send: ${JSON.stringify(counts)}`)
      for (const list of done.values())
        for (const pub of list) {
          const last = pub.attempts[pub.attempts.length - 1]
          expect(last.outcome).toBe('success')
          expect(last.message).toMatch(/từ lần gửi trước|lần gửi trước; không gửi lại/)
          expect(pub.remoteId).toBeTruthy()
          expect(pub.outcomeUnknown).toBe(false)
        }
    },
  )

  for (const [what, failure] of [
    ['the connection is dropped after the platform took the post', { kind: 'drop' }],
    ['the answer comes after the client gave up (time-out)', { kind: 'late', delayMs: 4000 }],
  ] as const) {
    it(`${what}: retried as a look-up, one post each`, { timeout: 120_000 }, async () => {
      worker ??= await startWorker()
      const before = totals()
      for (const p of platforms) p.server().inject(failure, PER_CASE, p.createPath)
      const pubs = await scheduleAll(2000)
      const done = await allPublished(pubs)
      const counts = expectOnePostEach(done, before)
      console.log(`[reconcile] ${failure.kind}: ${JSON.stringify(counts)}`)
      for (const [p, list] of done)
        for (const pub of list) {
          const outcomes = pub.attempts.map((a: Doc) => a.outcome)
          const seen = `${p.name}: ${JSON.stringify(pub.attempts.map((a: Doc) => a.message))}`
          expect(outcomes, seen).toEqual(['retry', 'success'])
          expect(pub.attempts[0].message).toMatch(/kiểm tra trên kênh trước khi gửi lại/)
        }
    })
  }
})
