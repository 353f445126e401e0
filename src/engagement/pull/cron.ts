import os from 'node:os'
import cron, { type ScheduledTask } from 'node-cron'
import type { Payload } from 'payload'
import { TIME_ZONE } from '@/lib/time'
import { releaseLease, tryLease } from '@/reporting/lease'
import { pullEngagement, type PullOptions } from './run'

/** One worker pulls at a time, whichever takes the lease (`rollup-leases`, name "engagement-pull"). */
export const PULL_LEASE = 'engagement-pull'
/** The full pull: every day at 03:30 Vietnam time, after the night's rollup (ENGAGEMENT_PULL_CRON). */
export const DEFAULT_PULL_CRON = '30 3 * * *'
/** Channels whose pull failed are tried again when their retry time comes: looked for every 15 minutes. */
const RETRY_CRON = '*/15 * * * *'

export type EngagementCron = {
  stop: () => Promise<void>
  run: (options?: PullOptions) => Promise<boolean>
}

/**
 * The engagement pull's schedule beside each dispatcher: the full pull at ENGAGEMENT_PULL_CRON
 * (Asia/Ho_Chi_Minh), and the retry tick. Either first takes the lease; a worker that does not get
 * it skips the run. The pull makes its own HTTP calls and shares nothing with the dispatcher's
 * sends, so a slow or failing platform never holds up sending.
 */
export function startEngagementCron(payload: Payload): EngagementCron {
  const owner = `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 6)}`
  const leaseMs = Number(process.env.ENGAGEMENT_PULL_LEASE_MS || 30 * 60_000)
  let running: Promise<unknown> = Promise.resolve()

  const run = async (options: PullOptions = {}): Promise<boolean> => {
    if (!(await tryLease(payload, PULL_LEASE, owner, leaseMs))) return false
    const work = (async () => {
      try {
        const r = await pullEngagement(payload, options)
        if (r.channels)
          payload.logger.info(
            `Lấy số liệu tương tác: ${r.channels} kênh, ${r.observations} số liệu mới${r.failed.length ? `, ${r.failed.length} kênh lỗi (sẽ thử lại)` : ''}.`,
          )
      } catch (err) {
        payload.logger.error({ err, msg: `Lấy số liệu tương tác lỗi: ${(err as Error).message}` })
      } finally {
        await releaseLease(payload, PULL_LEASE, owner)
      }
    })()
    running = work
    await work
    return true
  }
  const quietly = (options: PullOptions) => () =>
    void run(options).catch((err) =>
      payload.logger.error({ err, msg: 'Lấy số liệu tương tác lỗi.' }),
    )

  const schedule = process.env.ENGAGEMENT_PULL_CRON || DEFAULT_PULL_CRON
  // "off": no pull from this worker (another machine may run it; typed-in and CSV figures still count).
  const tasks: ScheduledTask[] =
    schedule === 'off'
      ? []
      : [
          cron.schedule(schedule, quietly({}), {
            noOverlap: true,
            timezone: TIME_ZONE,
            name: `engagement-pull-${owner}`,
          }),
          cron.schedule(RETRY_CRON, quietly({ onlyRetries: true }), {
            noOverlap: true,
            timezone: TIME_ZONE,
            name: `engagement-retry-${owner}`,
          }),
        ]
  return {
    run,
    async stop() {
      for (const t of tasks) await t.stop()
      await running.catch(() => undefined)
    },
  }
}
