import os from 'node:os'
import cron, { type ScheduledTask } from 'node-cron'
import type { Payload } from 'payload'
import { PublicationStatus } from '@/vocabulary'
import { flagUnconfirmedAirings } from './airings'
import type { Outcome } from './dispatchOne'
import { DEFAULT_CONCURRENCY, createFiring } from './fire'
import { HEARTBEAT_SCHEDULE, createHeartbeat, identify } from './heartbeat'
import { TICK_SCHEDULE, createPlanner } from './tick'

export type DispatcherOptions = {
  workerId?: string
  /** Publications claimed per claim round. */
  batchSize?: number
  /** Sends in flight at once in this process. */
  concurrency?: number
  /** How long a claim holds past its due time before another worker may take it over (unless its worker is known dead sooner). */
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
  /** Claims and sends everything due now (and carries out due removals) and waits for it; resolves with how many it handled. */
  drain: () => Promise<number>
  heartbeat: () => Promise<void>
  stop: () => Promise<void>
  counts: Record<Outcome, number>
}

/** Defaults of the DISPATCH_* settings (.env.example says what each is for). */
const DEFAULTS = {
  /** One claim statement per 100 publications: few statements, and a short lock each. */
  batchSize: 100,
  concurrency: DEFAULT_CONCURRENCY,
  /** A minute past the horizon: far longer than any send, short enough that a crash without a heartbeat verdict still heals. */
  leaseMs: 60_000,
  /** Ten seconds ahead: a burst is claimed and waiting on its timers before its second comes. */
  lookaheadMs: 10_000,
  /** Two thousand waiting claims per process: a burst beyond that is left for the other workers, not hoarded. */
  maxPending: 2000,
}
/** Every minute, at second 30, away from the heartbeat's round seconds. */
const AIRINGS_SCHEDULE = '30 * * * * *'

const env = (name: string, fallback: number) => Number(process.env[name] || fallback)

/**
 * The dispatcher: the tick (`tick.ts`: every second, take over the claims of dead workers, claim
 * what is due within the lookahead under a lease, set timers), firing (`fire.ts`: at each
 * publication's time re-check, send, record), the heartbeat (`heartbeat.ts`, every ten seconds),
 * and every minute the broadcast slots nobody confirmed. On start it sweeps whatever fell due while
 * no worker ran, and the claims of crashed workers.
 */
export function createDispatcher(payload: Payload, options: DispatcherOptions = {}): Dispatcher {
  const workerId =
    options.workerId ?? `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 6)}`
  const self = identify(workerId)
  const log = options.log ?? ((m: string) => payload.logger.info(m))
  const counts: Record<Outcome, number> = {
    [PublicationStatus.Published]: 0,
    [PublicationStatus.Sending]: 0,
    [PublicationStatus.Retrying]: 0,
    [PublicationStatus.Failed]: 0,
    [PublicationStatus.AwaitingApproval]: 0,
    held: 0,
    lost: 0,
  }
  const tasks: ScheduledTask[] = []
  let stopping = false

  const firing = createFiring(payload, {
    workerId,
    concurrency: options.concurrency ?? env('DISPATCH_CONCURRENCY', DEFAULTS.concurrency),
    counts,
    log,
  })
  const planner = createPlanner(payload, {
    self,
    batchSize: options.batchSize ?? env('DISPATCH_BATCH_SIZE', DEFAULTS.batchSize),
    leaseMs: options.leaseMs ?? env('DISPATCH_LEASE_MS', DEFAULTS.leaseMs),
    lookaheadMs: options.lookaheadMs ?? env('DISPATCH_LOOKAHEAD_MS', DEFAULTS.lookaheadMs),
    maxPending: options.maxPending ?? env('DISPATCH_MAX_PENDING', DEFAULTS.maxPending),
    fire: firing.fire,
    fireRemovals: firing.fireRemovals,
    log,
    stopping: () => stopping,
  })
  const heartbeat = createHeartbeat(payload, self, () => ({
    sent: counts.published,
    failed: counts.failed,
    stopping,
  }))

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
    drain: planner.drain,
    heartbeat,
    start() {
      log(`[dispatcher] ${workerId} bắt đầu: quét các bài quá hạn, rồi kiểm tra mỗi giây.`)
      void safely('heartbeat', heartbeat)()
      void safely('quét khi khởi động', planner.plan)()
      tasks.push(
        cron.schedule(TICK_SCHEDULE, safely('lập lịch gửi', planner.plan), {
          noOverlap: true,
          name: `dispatch-${workerId}`,
        }),
      )
      tasks.push(
        cron.schedule(HEARTBEAT_SCHEDULE, safely('heartbeat', heartbeat), {
          noOverlap: true,
          name: `heartbeat-${workerId}`,
        }),
      )
      tasks.push(
        cron.schedule(
          AIRINGS_SCHEDULE,
          safely('phát sóng chưa xác nhận', () => flagUnconfirmedAirings(payload)),
          { noOverlap: true, name: `airings-${workerId}` },
        ),
      )
    },
    async stop() {
      stopping = true
      for (const t of tasks) await t.stop()
      // Claims not yet due go back to the queue at once instead of waiting for their lease.
      await safely('trả lại lịch chưa gửi', planner.release)()
      await firing.settled()
      await safely('heartbeat', heartbeat)()
      log(`[dispatcher] ${workerId} đã dừng.`)
    },
  }
}
