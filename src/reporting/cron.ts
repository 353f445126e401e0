import os from 'node:os'
import cron, { type ScheduledTask } from 'node-cron'
import type { Payload } from 'payload'
import { TIME_ZONE, vnYearMonth } from '@/lib/time'
import { heavyWork } from '@/heavy'
import { releaseLease, tryLease } from './lease'

/** One lease for both jobs (and the admin's on-demand rebuild): an incremental run and a rebuild never overlap, in one worker or many. */
export const LEASE = 'rollup'
const env = (name: string, fallback: number) => Number(process.env[name] || fallback)

export type RollupCron = {
  stop: () => Promise<void>
  runIncremental: () => Promise<boolean>
  runNightly: () => Promise<boolean>
}

/**
 * The rollup's schedule, started beside each dispatcher: every minute the months marked stale are
 * folded in; every night at 02:00 Asia/Ho_Chi_Minh the current year is rebuilt in full (past years
 * change only through stale marks or `npm run report -- --rebuild`, so a unit merged or renamed
 * keeps its past figures under its old name). Each run first takes the lease; a worker that does
 * not get it skips the run. The work itself runs in the process's heavy-work process when it has
 * one (src/heavy), so the web server and the dispatcher beside it keep going meanwhile.
 */
export function startRollupCron(
  payload: Payload,
  options: { log?: (m: string) => void } = {},
): RollupCron {
  const owner = `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 6)}`
  const leaseMs = env('ROLLUP_LEASE_MS', 10 * 60_000)
  const log = options.log ?? ((m: string) => payload.logger.info(m))
  let running: Promise<unknown> = Promise.resolve()

  const leased = (what: string, job: () => Promise<string>) => async (): Promise<boolean> => {
    if (!(await tryLease(payload, LEASE, owner, leaseMs))) return false
    const run = (async () => {
      try {
        const message = await job()
        if (message) log(message)
      } catch (err) {
        payload.logger.error({
          err,
          msg: `Tổng hợp số liệu (${what}) lỗi: ${(err as Error).message}`,
        })
      } finally {
        await releaseLease(payload, LEASE, owner)
      }
    })()
    running = run
    await run
    return true
  }

  const runIncremental = leased('cập nhật', async () => {
    const r = await heavyWork(payload).run('refreshDirty', {})
    return r.marks
      ? `Tổng hợp số liệu: cập nhật ${r.folded.reduce((n, f) => n + f.months.length, 0)} tháng trong ${Math.round(r.ms)} ms.`
      : ''
  })
  const runNightly = leased('tổng hợp lại', async () => {
    const r = await heavyWork(payload).run('rebuildYear', { year: vnYearMonth(new Date()).year })
    return `Tổng hợp số liệu: tổng hợp lại năm ${r.year}, ${r.cells} ô, ${Math.round(r.ms)} ms.`
  })
  const quietLog = (job: () => Promise<boolean>) => () =>
    void job().catch((err) => payload.logger.error({ err, msg: 'Tổng hợp số liệu lỗi.' }))

  const tasks: ScheduledTask[] = [
    cron.schedule('* * * * *', quietLog(runIncremental), {
      noOverlap: true,
      name: `rollup-incremental-${owner}`,
    }),
    cron.schedule('0 2 * * *', quietLog(runNightly), {
      noOverlap: true,
      timezone: TIME_ZONE,
      name: `rollup-nightly-${owner}`,
    }),
  ]
  return {
    runIncremental,
    runNightly,
    stop: async () => {
      for (const t of tasks) await t.stop()
      await running
    },
  }
}
