import os from 'node:os'
import cron, { type ScheduledTask } from 'node-cron'
import type { Payload } from 'payload'
import { loadContentItem } from '@/content/item'
import type { ContentKind } from '@/vocabulary'
import { flagUnconfirmedAirings } from './airings'
import { claimDue, dueWhere, releaseClaims, stillClaimed, type ClaimedPublication } from './claim'
import { dispatchOne, type Outcome } from './dispatchOne'
import { recordOutcome, type Attempt } from './record'

export type DispatcherOptions = {
  workerId?: string
  /** Publications claimed per claim round. */
  batchSize?: number
  /** Sends in flight at once in this process. */
  concurrency?: number
  /** How long a claim holds past its due time before another worker may take it over. */
  leaseMs?: number
  /** Claim what falls due within this window ahead of time, so it goes out on the second. */
  lookaheadMs?: number
  /** At most this many claimed-but-not-yet-fired publications per process. */
  maxPending?: number
  log?: (message: string) => void
}

export type Dispatcher = {
  workerId: string
  start: () => void
  /** Claims and sends everything due now and waits for it; resolves with how many it handled. */
  drain: () => Promise<number>
  heartbeat: () => Promise<void>
  stop: () => Promise<void>
  counts: Record<Outcome, number>
}

const env = (name: string, fallback: number) => Number(process.env[name] || fallback)

/** Per-firing memo: each channel and content item is read once per firing, not once per publication. */
function memo<A extends unknown[], R>(load: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  const seen = new Map<string, Promise<R>>()
  return (...args) => {
    const key = args.join('|')
    if (!seen.has(key)) seen.set(key, load(...args))
    return seen.get(key)!
  }
}

async function pool<T>(items: T[], size: number, run: (item: T) => Promise<void>) {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) await run(items[next++])
    }),
  )
}

/**
 * The dispatcher. Every second it claims what is due (and what falls due in the next few seconds)
 * under a lease, then fires each publication at its time: re-check, send, record. Every ten
 * seconds it writes a heartbeat; every minute it flags broadcast slots nobody confirmed. On start
 * it sweeps whatever fell due while no worker ran, and expired leases of crashed workers.
 */
export function createDispatcher(payload: Payload, options: DispatcherOptions = {}): Dispatcher {
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 6)}`
  const batchSize = options.batchSize ?? env('DISPATCH_BATCH_SIZE', 100)
  const concurrency = options.concurrency ?? env('DISPATCH_CONCURRENCY', 32)
  const leaseMs = options.leaseMs ?? env('DISPATCH_LEASE_MS', 60_000)
  const lookaheadMs = options.lookaheadMs ?? env('DISPATCH_LOOKAHEAD_MS', 10_000)
  const maxPending = options.maxPending ?? env('DISPATCH_MAX_PENDING', 2000)
  const log = options.log ?? ((m: string) => payload.logger.info(m))
  const counts: Record<Outcome, number> = { published: 0, retrying: 0, failed: 0, held: 0, 'awaiting-approval': 0, lost: 0 }
  const startedAt = new Date().toISOString()
  const tasks: ScheduledTask[] = []
  /** Claimed publications waiting for their time, by firing time. */
  const waiting = new Map<number, { pubs: ClaimedPublication[]; timer: NodeJS.Timeout }>()
  const firing = new Set<Promise<void>>()
  let pendingCount = 0
  let stopping = false

  const heldChannels = async () => {
    const held = await payload.find({ collection: 'channels', where: { status: { not_equals: 'active' } }, limit: 0, pagination: false, depth: 0, overrideAccess: true, select: { id: true } as never })
    return (held.docs as { id: string }[]).map((d) => String(d.id))
  }

  /** Re-check and send a group that is due now. */
  const fire = async (pubs: ClaimedPublication[]) => {
    const t0 = Date.now()
    const ours = await stillClaimed(payload, pubs)
    const t1 = Date.now()
    counts.lost += pubs.length - ours.size
    const channel = memo((id: string) => payload.findByID({ collection: 'channels', id, depth: 0, overrideAccess: true }).catch(() => null))
    const content = memo((kind: ContentKind, id: string) => loadContentItem(payload, kind, id))
    // Sends first, writes after: on SQLite every write can wait for other processes' locks, and
    // a due publication should not wait for its neighbours' bookkeeping. A crash in between only
    // leaves leases that expire; the redelivery carries the same Idempotency-Key.
    const outcomes: Parameters<typeof recordOutcome>[] = []
    const record = (pub: ClaimedPublication, attempt: Attempt, changes: Record<string, unknown>) => {
      outcomes.push([payload, pub, attempt, changes])
    }
    await pool(
      pubs.filter((p) => ours.has(String(p.id))),
      concurrency,
      async (pub) => {
        try {
          counts[await dispatchOne({ payload, workerId, channel, content, record }, pub)]++
        } catch (err) {
          // Nothing recorded: the lease expires and another pass sends it; nothing is lost.
          log(`[dispatcher] lỗi khi xử lý lịch đăng ${pub.id}: ${(err as Error).message}`)
        }
      },
    )
    const t2 = Date.now()
    for (const args of outcomes) {
      try {
        await recordOutcome(...args)
      } catch (err) {
        log(`[dispatcher] không ghi được kết quả lịch đăng ${args[1].id}: ${(err as Error).message}`)
      }
    }
    if (process.env.DISPATCH_DEBUG) console.error(`[fire] n=${pubs.length} at=${new Date(t0).toISOString()} check=${t1 - t0} send=${t2 - t1} record=${Date.now() - t2}`)
  }

  const track = (work: Promise<void>) => {
    firing.add(work)
    void work.finally(() => firing.delete(work))
    return work
  }

  /**
   * This worker's share of what falls due within the lookahead: the due count divided among the
   * workers whose heartbeat is recent, so a burst is split rather than taken by whoever ticks first.
   * What a silent worker leaves is claimed on the next tick.
   */
  const fairShare = async (held: string[]): Promise<number> => {
    const now = new Date()
    const [due, live] = await Promise.all([
      payload.count({ collection: 'publications', where: dueWhere(now, held, new Date(now.getTime() + lookaheadMs)), overrideAccess: true }),
      payload.count({
        collection: 'worker-heartbeats',
        where: { and: [{ lastTickAt: { greater_than: new Date(now.getTime() - 30_000).toISOString() } }, { stoppedAt: { exists: false } }] },
        overrideAccess: true,
      }),
    ])
    return Math.ceil(due.totalDocs / Math.max(1, live.totalDocs)) + Math.ceil(batchSize / 10)
  }

  /** Claims what is due within the lookahead and sets a timer per firing time. */
  const plan = async (): Promise<number> => {
    let claimed = 0
    const held = await heldChannels()
    const quota = await fairShare(held)
    while (!stopping && pendingCount < maxPending && claimed < quota) {
      const c0 = Date.now()
      const claim = await claimDue(payload, { workerId, limit: Math.min(batchSize, maxPending - pendingCount, quota - claimed), leaseMs, heldChannels: held, lookaheadMs })
      if (process.env.DISPATCH_DEBUG && claim.pubs.length) console.error(`[claim] n=${claim.pubs.length} in ${Date.now() - c0} ms at ${new Date().toISOString()}`)
      if (!claim.pubs.length) break
      claimed += claim.pubs.length
      pendingCount += claim.pubs.length
      const now = Date.now()
      for (const pub of claim.pubs) {
        const at = Math.max(now, new Date(pub.nextAttemptAt ?? pub.scheduledAt).getTime())
        const slot = Math.ceil(at / 50) * 50
        const group = waiting.get(slot)
        if (group) group.pubs.push(pub)
        else {
          const timer = setTimeout(() => {
            const due = waiting.get(slot)!
            waiting.delete(slot)
            void track(fire(due.pubs).finally(() => (pendingCount -= due.pubs.length)))
          }, slot - now)
          waiting.set(slot, { pubs: [pub], timer })
        }
      }
    }
    return claimed
  }

  /** For tests and one-off runs: claim everything due now, send it, and wait. */
  const drain = async (): Promise<number> => {
    let handled = 0
    while (!stopping) {
      // Re-read held channels each round: a channel that failed authentication meanwhile is skipped.
      const claim = await claimDue(payload, { workerId, limit: batchSize, leaseMs, heldChannels: await heldChannels() })
      if (!claim.pubs.length) break
      await fire(claim.pubs)
      handled += claim.pubs.length
    }
    return handled
  }

  const heartbeat = async () => {
    const where = dueWhere(new Date(), [])
    const [depth, oldest] = await Promise.all([
      payload.count({ collection: 'publications', where, overrideAccess: true }),
      payload.find({ collection: 'publications', where, sort: 'nextAttemptAt', limit: 1, depth: 0, overrideAccess: true, select: { nextAttemptAt: true } as never }),
    ])
    const data = {
      workerId,
      hostname: os.hostname(),
      pid: process.pid,
      startedAt,
      lastTickAt: new Date().toISOString(),
      queueDepth: depth.totalDocs,
      oldestOverdueAt: (oldest.docs[0] as { nextAttemptAt?: string } | undefined)?.nextAttemptAt ?? null,
      sent: counts.published,
      failed: counts.failed,
      stoppedAt: stopping ? new Date().toISOString() : null,
    }
    const existing = await payload.find({ collection: 'worker-heartbeats', where: { workerId: { equals: workerId } }, limit: 1, depth: 0, overrideAccess: true })
    if (existing.docs[0]) await payload.update({ collection: 'worker-heartbeats', id: existing.docs[0].id, data, overrideAccess: true })
    else await payload.create({ collection: 'worker-heartbeats', data, overrideAccess: true })
  }

  const safely = (name: string, fn: () => Promise<unknown>) => async () => {
    try {
      await fn()
    } catch (err) {
      log(`[dispatcher] ${name}: ${(err as Error).message}`)
    }
  }

  return {
    workerId,
    counts,
    drain,
    heartbeat,
    start() {
      log(`[dispatcher] ${workerId} bắt đầu: quét các bài quá hạn, rồi kiểm tra mỗi giây.`)
      void safely('heartbeat', heartbeat)()
      void safely('quét khi khởi động', plan)()
      tasks.push(cron.schedule('* * * * * *', safely('lập lịch gửi', plan), { noOverlap: true, name: `dispatch-${workerId}` }))
      tasks.push(cron.schedule('*/10 * * * * *', safely('heartbeat', heartbeat), { noOverlap: true, name: `heartbeat-${workerId}` }))
      tasks.push(cron.schedule('30 * * * * *', safely('phát sóng chưa xác nhận', () => flagUnconfirmedAirings(payload)), { noOverlap: true, name: `airings-${workerId}` }))
    },
    async stop() {
      stopping = true
      for (const t of tasks) await t.stop()
      // Claims not yet due go back to the queue at once instead of waiting for their lease.
      const unfired = [...waiting.values()].flatMap((g) => (clearTimeout(g.timer), g.pubs))
      waiting.clear()
      await safely('trả lại lịch chưa gửi', () => releaseClaims(payload, unfired))()
      await Promise.all(firing)
      await safely('heartbeat', heartbeat)()
      log(`[dispatcher] ${workerId} đã dừng.`)
    },
  }
}
