import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { FakeWebhook } from '../fakes/webhook'
import { testPayload } from '../helpers/payload'
import { spawnWorker, stopWorker, waitFor, webhookChannelWithArticles } from '../helpers/workers'

let payload: Payload
let hook: FakeWebhook
let workers: ReturnType<typeof spawnWorker>[] = []
let articleIds: string[] = []
let channelId: string

/** Puts `count` publications on the webhook channel, all due now, straight through the Local API. */
async function scheduleDue(count: number): Promise<string[]> {
  const now = new Date().toISOString()
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const pub = await payload.create({
      collection: 'publications',
      data: {
        content: { relationTo: 'articles', value: articleIds[i % articleIds.length] },
        channel: channelId,
        scheduledAt: now,
        publishNow: true,
        status: 'scheduled',
      } as never,
      overrideAccess: true,
    })
    ids.push(String(pub.id))
  }
  return ids
}

beforeAll(async () => {
  payload = await testPayload()
  ;({ hook, channelId, articleIds } = await webhookChannelWithArticles(payload, 20))
})

afterEach(async () => {
  await Promise.all(workers.map((w) => stopWorker(w, 'SIGKILL')))
  workers = []
})

afterAll(async () => {
  await hook.close()
})

/** Workers write a heartbeat as soon as they start; wait until this many exist in all. */
const waitForHeartbeats = (total: number) =>
  waitFor(
    async () =>
      (await payload.count({ collection: 'worker-heartbeats', overrideAccess: true })).totalDocs >=
      total,
    60_000,
    `${total} worker heartbeats`,
  ).catch((err) => {
    throw new Error(`${err.message}\n${workers.map((w) => w.output()).join('\n---\n')}`)
  })

/** Waits until every one of `ids` is published; on time-out, says where they are and what the workers logged. */
const waitForAllPublished = (ids: string[]) =>
  waitFor(
    async () => (await publishedCount(ids)) === ids.length,
    90_000,
    `${ids.length} publications published`,
  ).catch(async (err) => {
    const rest = await payload.find({
      collection: 'publications',
      where: { and: [{ id: { in: ids } }, { status: { not_equals: 'published' } }] },
      limit: 5,
      overrideAccess: true,
      depth: 0,
      select: { status: true, attempts: true, leaseUntil: true },
    })
    const logs = workers.map((w) =>
      w
        .output()
        .split('\n')
        .filter((l) => /lỗi|rror/i.test(l))
        .slice(0, 5)
        .join('\n'),
    )
    throw new Error(
      `${err.message}: ${rest.totalDocs} left, e.g. ${JSON.stringify(rest.docs)}\n${logs.join('\n---\n')}`,
    )
  })

const publishedCount = async (ids: string[]) =>
  (
    await payload.count({
      collection: 'publications',
      where: { and: [{ id: { in: ids } }, { status: { equals: 'published' } }] },
      overrideAccess: true,
    })
  ).totalDocs

describe('several worker processes on one database', () => {
  it(
    'send 500 due publications exactly once between three workers',
    { timeout: 240_000 },
    async () => {
      workers = [spawnWorker(), spawnWorker(), spawnWorker()]
      await waitForHeartbeats(3)
      const ids = await scheduleDue(500)
      const keysBefore = hook.keys.size
      await waitForAllPublished(ids)

      const problems = workers.flatMap((w) =>
        w
          .output()
          .split('\n')
          .filter((l) => /lỗi|error/i.test(l)),
      )
      expect(problems, problems.join('\n')).toEqual([])
      expect(hook.keys.size - keysBefore).toBe(500)
      const docs = await payload.find({
        collection: 'publications',
        where: { id: { in: ids } },
        limit: 0,
        pagination: false,
        overrideAccess: true,
        depth: 0,
      })
      for (const doc of docs.docs) {
        const attempts = doc.attempts ?? []
        expect(attempts.filter((a) => a.outcome === 'success')).toHaveLength(1)
        // One delivery per attempt the worker made: a second delivery only ever follows a failed try
        // (a time-out on a loaded machine), and it carries the same key. No claim was sent twice.
        expect(
          hook.keys.get(doc.idempotencyKey as string),
          JSON.stringify(attempts),
        ).toBeLessThanOrEqual(attempts.length)
      }
      const redelivered = docs.docs.filter(
        (d) => (hook.keys.get(d.idempotencyKey as string) ?? 0) > 1,
      )
      for (const doc of redelivered)
        expect(doc.attempts?.some((a) => a.outcome === 'retry')).toBe(true)
      // More than one worker really took part (each writes its id into the attempts it records).
      const byWorker = new Set(docs.docs.map((d) => d.attempts?.[0]?.worker))
      expect(byWorker.size).toBeGreaterThan(1)
    },
  )

  it(
    'lose nothing and create nothing twice when a worker is killed mid-batch',
    { timeout: 240_000 },
    async () => {
      const env = { DISPATCH_LEASE_MS: '3000' }
      workers = [spawnWorker(env), spawnWorker(env), spawnWorker(env)]
      await waitForHeartbeats(6)
      const ids = await scheduleDue(500)
      const effectsBefore = hook.effects()
      await waitFor(() => hook.effects() - effectsBefore >= 100, 60_000, 'the first hundred sends')
      await stopWorker(workers[0], 'SIGKILL')

      await waitForAllPublished(ids)
      // Every publication reached the portal once in effect: a redelivery after the lease expired
      // carries the same Idempotency-Key, and the portal answers it without creating anything.
      expect(hook.effects() - effectsBefore).toBe(500)
      const docs = await payload.find({
        collection: 'publications',
        where: { id: { in: ids } },
        limit: 0,
        pagination: false,
        overrideAccess: true,
        depth: 0,
      })
      expect(new Set(docs.docs.map((d) => d.remoteId)).size).toBe(500)
      const stuck = docs.docs.filter((d) => d.status !== 'published')
      expect(stuck).toEqual([])
    },
  )
})
