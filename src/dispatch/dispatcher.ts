import os from 'node:os'
import cron, { type ScheduledTask } from 'node-cron'
import type { Payload } from 'payload'
import { claimDue, dueWhere } from './claim'
import { dispatchOne, type Outcome } from './dispatchOne'
import { flagUnconfirmedAirings } from './airings'

export type DispatcherOptions = {
  workerId?: string
  /** Publications claimed per transaction. */
  batchSize?: number
  /** Sends in flight at once in this process. */
  concurrency?: number
  /** How long a claim holds before another worker may take it over (a crashed worker's claims). */
  leaseMs?: number
  log?: (message: string) => void
}

export type Dispatcher = {
  workerId: string
  start: () => void
  /** Claims and sends everything due now; resolves with how many publications it handled. */
  drain: () => Promise<number>
  heartbeat: () => Promise<void>
  stop: () => Promise<void>
  counts: Record<Outcome, number>
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
 * The dispatcher: every second it claims due publications (with a lease) and sends them; every
 * ten seconds it writes a heartbeat; every minute it flags broadcast slots nobody confirmed. On
 * start it sweeps whatever fell due while no worker ran.
 */
export function createDispatcher(payload: Payload, options: DispatcherOptions = {}): Dispatcher {
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 6)}`
  const batchSize = options.batchSize ?? Number(process.env.DISPATCH_BATCH_SIZE || 50)
  const concurrency = options.concurrency ?? Number(process.env.DISPATCH_CONCURRENCY || 16)
  const leaseMs = options.leaseMs ?? Number(process.env.DISPATCH_LEASE_MS || 60_000)
  const log = options.log ?? ((m: string) => payload.logger.info(m))
  const counts: Record<Outcome, number> = { published: 0, retrying: 0, failed: 0, held: 0, 'awaiting-approval': 0, lost: 0 }
  const startedAt = new Date().toISOString()
  const tasks: ScheduledTask[] = []
  let stopping = false
  let draining: Promise<number> | undefined

  const heldChannels = async () => {
    const held = await payload.find({ collection: 'channels', where: { status: { not_equals: 'active' } }, limit: 0, pagination: false, depth: 0, overrideAccess: true, select: { id: true } as never })
    return (held.docs as { id: string }[]).map((d) => String(d.id))
  }

  const drainOnce = async (): Promise<number> => {
    let handled = 0
    while (!stopping) {
      const held = await heldChannels()
      const claim = await claimDue(payload, { workerId, limit: batchSize, leaseMs, heldChannels: held })
      if (!claim.ids.length) break
      const channels = new Map<string, Promise<Record<string, any> | null>>()
      const channel = (id: string) => {
        if (!channels.has(id)) {
          channels.set(id, payload.findByID({ collection: 'channels', id, depth: 0, overrideAccess: true }).catch(() => null) as Promise<Record<string, any> | null>)
        }
        return channels.get(id)!
      }
      await pool(claim.ids, concurrency, async (id) => {
        try {
          counts[await dispatchOne({ payload, workerId, token: claim.token, channel }, id)]++
        } catch (err) {
          // The lease expires and another pass retries it; nothing is lost.
          log(`[dispatcher] lỗi khi xử lý lịch đăng ${id}: ${(err as Error).message}`)
        }
      })
      handled += claim.ids.length
    }
    return handled
  }

  const drain = () => (draining ??= drainOnce().finally(() => (draining = undefined)))

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
      void safely('quét khi khởi động', drain)()
      void safely('heartbeat', heartbeat)()
      tasks.push(cron.schedule('* * * * * *', safely('gửi', drain), { noOverlap: true, name: `dispatch-${workerId}` }))
      tasks.push(cron.schedule('*/10 * * * * *', safely('heartbeat', heartbeat), { noOverlap: true, name: `heartbeat-${workerId}` }))
      tasks.push(cron.schedule('30 * * * * *', safely('phát sóng chưa xác nhận', () => flagUnconfirmedAirings(payload)), { noOverlap: true, name: `airings-${workerId}` }))
    },
    async stop() {
      stopping = true
      for (const t of tasks) await t.stop()
      await draining
      await safely('heartbeat', heartbeat)()
      log(`[dispatcher] ${workerId} đã dừng.`)
    },
  }
}
