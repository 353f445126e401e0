import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '@/dispatch/dispatcher'
import { LIVENESS_WINDOW_MS, identify, knownDead, type HeartbeatRow } from '@/dispatch/heartbeat'
import { AttemptOutcome, PublicationStatus } from '@/vocabulary'
import type { FakeWebhook } from '../fakes/webhook'
import { testPayload } from '../helpers/payload'
import { spawnWorker, stopWorker, waitFor, webhookChannelWithArticles } from '../helpers/workers'

const BURST = 300
/** The lease a takeover must beat: a new worker that waited for it would need more than a minute. */
const LEASE_MS = 60_000
/** What the new worker is given to deliver everything once it is ready. */
const TAKEOVER_BUDGET_MS = 20_000

let payload: Payload
let hook: FakeWebhook
let workers: ReturnType<typeof spawnWorker>[] = []
let articleIds: string[] = []
let channelId: string

beforeAll(async () => {
  payload = await testPayload()
  // 250 ms per request: with 32 sends at a time the burst takes a few seconds, so a kill lands in the middle of it.
  ;({ hook, channelId, articleIds } = await webhookChannelWithArticles(payload, 250))
})

afterEach(async () => {
  await Promise.all(workers.map((w) => stopWorker(w, 'SIGKILL')))
  workers = []
})

afterAll(async () => {
  await hook.close()
})

/** `count` publications an hour ahead, then all due at once (one statement), as a burst at 8:00 is. */
async function burst(count: number): Promise<string[]> {
  const later = new Date(Date.now() + 3600_000).toISOString()
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const pub = await payload.create({
      collection: 'publications',
      data: {
        content: { relationTo: 'articles', value: articleIds[i % articleIds.length] },
        channel: channelId,
        scheduledAt: later,
        status: PublicationStatus.Scheduled,
      } as never,
      overrideAccess: true,
    })
    ids.push(String(pub.id))
  }
  const now = new Date().toISOString()
  await payload.db.updateOne({
    collection: 'publications',
    where: { id: { in: ids } },
    data: { scheduledAt: now, nextAttemptAt: now },
    options: { atomic: true },
  } as never)
  return ids
}

const heartbeats = async () =>
  (await payload.count({ collection: 'worker-heartbeats', overrideAccess: true })).totalDocs

const docsOf = async (ids: string[]) =>
  (
    await payload.find({
      collection: 'publications',
      where: { id: { in: ids } },
      limit: 0,
      pagination: false,
      overrideAccess: true,
      depth: 0,
    })
  ).docs

describe('a worker killed mid-burst', () => {
  it(
    'has its claims taken over as soon as a new worker starts, not when their lease runs out',
    { timeout: 240_000 },
    async () => {
      const env = { DISPATCH_LEASE_MS: String(LEASE_MS) }
      const beats = await heartbeats()
      workers = [spawnWorker(env)]
      await waitFor(async () => (await heartbeats()) >= beats + 1, 60_000, 'the first worker')
      const ids = await burst(BURST)
      const keyOf = new Map(
        (await docsOf(ids)).map((d) => [String(d.id), d.idempotencyKey as string]),
      )

      await waitFor(() => hook.effects() >= 32, 60_000, 'the first 32 deliveries')
      await stopWorker(workers[0], 'SIGKILL')
      // Requests the dead worker sent just before dying are still inside the fake's 250 ms latency:
      // let them land, so "in flight" means everything it sent (a dead process sends nothing more).
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      // What had reached the portal, and what had been recorded, when the worker died.
      const deliveredAtKill = new Set(hook.keys.keys())
      const recordedAtKill = new Set(
        (await docsOf(ids))
          .filter((d) => d.status === PublicationStatus.Published)
          .map((d) => d.idempotencyKey as string),
      )
      const inFlight = [...deliveredAtKill].filter((k) => !recordedAtKill.has(k))

      workers.push(spawnWorker(env))
      await waitFor(async () => (await heartbeats()) >= beats + 2, 60_000, 'the new worker')
      const ready = Date.now()
      // Wait well past the budget, so a slow takeover is measured rather than cut off.
      await waitFor(
        async () =>
          hook.effects() >= BURST &&
          (
            await payload.count({
              collection: 'publications',
              where: {
                and: [{ id: { in: ids } }, { status: { equals: PublicationStatus.Published } }],
              },
              overrideAccess: true,
            })
          ).totalDocs === BURST,
        LEASE_MS + 30_000,
        `${BURST} publications delivered and recorded`,
      ).catch((err) => {
        throw new Error(`${err.message}\n${workers.map((w) => w.output()).join('\n---\n')}`)
      })
      const elapsed = Date.now() - ready
      console.log(
        `[takeover] ${BURST} due, killed after ${deliveredAtKill.size} deliveries (${inFlight.length} in flight); all delivered ${elapsed} ms after the new worker was ready`,
      )

      expect(elapsed).toBeLessThanOrEqual(TAKEOVER_BUDGET_MS)
      expect(hook.effects()).toBe(BURST)
      const docs = await docsOf(ids)
      expect(docs.filter((d) => d.status !== PublicationStatus.Published)).toEqual([])
      for (const doc of docs)
        expect(doc.attempts?.filter((a) => a.outcome === AttemptOutcome.Success)).toHaveLength(1)
      // At most twice, and twice only for what the dead worker had sent but not recorded.
      const twice = [...keyOf.values()].filter((k) => (hook.keys.get(k) ?? 0) > 1)
      expect(
        Math.max(...[...keyOf.values()].map((k) => hook.keys.get(k) ?? 0)),
      ).toBeLessThanOrEqual(2)
      expect(twice.filter((k) => !inFlight.includes(k))).toEqual([])
    },
  )
})

describe('which workers are known dead', () => {
  const self = identify('may-a:100:abcd', '2026-11-25T08:00:00.000Z')
  const now = Date.parse('2026-11-25T08:05:00.000Z')
  const fresh = new Date(now - 5_000).toISOString()
  const row = (extra: Partial<HeartbeatRow>): HeartbeatRow => ({
    workerId: 'other',
    hostname: self.hostname,
    pid: 200,
    startedAt: '2026-11-25T07:00:00.000Z',
    lastTickAt: fresh,
    ...extra,
  })
  const alive = (pid: number) => pid === 200
  /** This process started at 07:30, its dispatcher at 08:00. */
  const processStartedAt = Date.parse('2026-11-25T07:30:00.000Z')

  it.each<[string, Partial<HeartbeatRow>, boolean]>([
    ['a worker on this machine whose process is running', {}, false],
    ['a worker on this machine whose process is gone', { pid: 201 }, true],
    ['a worker on another machine that beats', { hostname: 'may-b', pid: 201 }, false],
    [
      'a worker on another machine silent past the liveness window',
      { hostname: 'may-b', lastTickAt: new Date(now - LIVENESS_WINDOW_MS - 1).toISOString() },
      true,
    ],
    [
      'a worker that stopped cleanly (its claims were given back)',
      { pid: 201, stoppedAt: fresh, lastTickAt: '2026-11-25T07:00:00.000Z' },
      false,
    ],
    [
      'a worker with our pid that started before this process (a restarted container)',
      { pid: self.pid, startedAt: '2026-11-25T07:29:00.000Z' },
      true,
    ],
    [
      'another dispatcher in this same process',
      { pid: self.pid, startedAt: '2026-11-25T07:59:00.000Z' },
      false,
    ],
    [
      'this worker itself',
      { workerId: self.workerId, pid: self.pid, lastTickAt: '2026-11-25T07:00:00.000Z' },
      false,
    ],
  ])('%s', (_what, extra, dead) => {
    expect(knownDead(row(extra), self, now, alive, processStartedAt)).toBe(dead)
  })
})

describe('taking over in one process', () => {
  /** A publication claimed by `worker` with a lease that still has a minute to run. */
  async function claimedBy(worker: string) {
    const pub = await payload.create({
      collection: 'publications',
      data: {
        content: { relationTo: 'articles', value: articleIds[0] },
        channel: channelId,
        publishNow: true,
      } as never,
      overrideAccess: true,
    })
    await payload.db.updateOne({
      collection: 'publications',
      id: pub.id,
      data: {
        status: PublicationStatus.Sending,
        leaseOwner: `${worker}:1:x`,
        leaseWorker: worker,
        leaseUntil: new Date(Date.now() + LEASE_MS).toISOString(),
      },
    } as never)
    return pub
  }
  const beat = (workerId: string, extra: Record<string, unknown>) =>
    payload.create({
      collection: 'worker-heartbeats',
      data: {
        workerId,
        hostname: 'may-khac',
        pid: 1,
        startedAt: new Date(Date.now() - 3600_000).toISOString(),
        ...extra,
      } as never,
      overrideAccess: true,
    })
  const statusOf = async (id: string | number) =>
    (await payload.findByID({ collection: 'publications', id, overrideAccess: true, depth: 0 }))
      .status

  it('sends the claims of a worker whose heartbeat went silent, before their lease ends', async () => {
    await beat('silent-worker', {
      lastTickAt: new Date(Date.now() - LIVENESS_WINDOW_MS - 5_000).toISOString(),
    })
    const pub = await claimedBy('silent-worker')
    expect(await createDispatcher(payload, { workerId: 'rescuer', log: () => {} }).drain()).toBe(1)
    expect(await statusOf(pub.id)).toBe(PublicationStatus.Published)
    expect(hook.keys.get(pub.idempotencyKey as string)).toBe(1)
  })

  it('leaves the claims of a worker that beats alone until their lease ends', async () => {
    await beat('busy-worker', { lastTickAt: new Date().toISOString() })
    const pub = await claimedBy('busy-worker')
    expect(await createDispatcher(payload, { workerId: 'bystander', log: () => {} }).drain()).toBe(
      0,
    )
    expect(await statusOf(pub.id)).toBe(PublicationStatus.Sending)
  })
})
