import crypto from 'node:crypto'
import os from 'node:os'
import type { Payload } from 'payload'
import { RebuildState, rollupSources, type RollupSource } from '@/vocabulary'
import { LEASE } from './cron'
import { heavyWork } from '@/heavy'
import { releaseLease, tryLease } from './lease'
import { SOURCES } from './sources'

/** A rebuild started from the reports page, as its status endpoint reports it. */
export type RebuildJob = {
  id: string
  year: number
  state: RebuildState
  /** Sources recomputed so far, of `total`: the progress shown. */
  done: number
  total: number
  current: RollupSource | null
  cells: number
  startedAt: string
  finishedAt: string | null
  error: string | null
}

/**
 * Jobs live in this server process's memory (a restart forgets them; the figures already written
 * stay). Kept on globalThis because Next may load this module more than once in one process, and
 * the POST that starts a job and the GETs that poll it must see the same map.
 */
const store = globalThis as typeof globalThis & { __rollupRebuildJobs?: Map<string, RebuildJob> }
const jobs = (store.__rollupRebuildJobs ??= new Map())
/** Finished jobs are kept this long for a late poll, then dropped. */
const KEEP_MS = 60 * 60_000
const leaseMs = () => Number(process.env.ROLLUP_LEASE_MS || 10 * 60_000)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export const rebuildJob = (id: string): RebuildJob | undefined => jobs.get(id)

/**
 * Starts a full rebuild of `year` in the background and returns its job at once (the running job
 * of the same year, if there is one). It takes the rollup lease first, so it never overlaps the
 * cron's runs in any worker (waiting up to `waitMs` for one to finish), then recomputes one source
 * at a time over the whole year: each step replaces that source's cells in one transaction, so the
 * figures on screen are never half-written, and `done / total` is real progress.
 */
export function startRebuild(
  payload: Payload,
  year: number,
  options: { waitMs?: number; pollMs?: number } = {},
): RebuildJob {
  const now = Date.now()
  for (const [id, j] of jobs)
    if (j.finishedAt && now - new Date(j.finishedAt).getTime() > KEEP_MS) jobs.delete(id)
  const running = [...jobs.values()].find((j) => j.year === year && !j.finishedAt)
  if (running) return running

  const job: RebuildJob = {
    id: crypto.randomUUID(),
    year,
    state: RebuildState.Waiting,
    done: 0,
    total: SOURCES.length,
    current: null,
    cells: 0,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    error: null,
  }
  jobs.set(job.id, job)
  const owner = `${os.hostname()}:${process.pid}:rebuild-${job.id.slice(0, 8)}`
  const deadline = now + (options.waitMs ?? leaseMs())

  void (async () => {
    let leased = false
    try {
      while (!(leased = await tryLease(payload, LEASE, owner, leaseMs()))) {
        if (Date.now() > deadline)
          throw new Error('Một lượt tổng hợp khác đang chạy quá lâu; hãy thử lại sau.')
        await sleep(options.pollMs ?? 1000)
      }
      job.state = RebuildState.Running
      for (const source of SOURCES) {
        job.current = source.name
        // In the heavy-work process when the server has one: the pages keep being served.
        job.cells += await heavyWork(payload).run('recompute', {
          window: { year, months: null },
          sources: [source.name],
        })
        job.done++
        // Extend the lease (still ours) before the next source.
        await tryLease(payload, LEASE, owner, leaseMs())
      }
      job.state = RebuildState.Done
      payload.logger.info(`Tổng hợp số liệu: tính lại năm ${year} theo yêu cầu, ${job.cells} ô.`)
    } catch (err) {
      job.state = RebuildState.Failed
      job.error = (err as Error).message
      payload.logger.error({ err, msg: `Tính lại số liệu năm ${year} lỗi: ${job.error}` })
    } finally {
      job.current = null
      job.finishedAt = new Date().toISOString()
      if (leased) await releaseLease(payload, LEASE, owner).catch(() => {})
    }
  })()
  return job
}

/** The job as the page shows it: its state and current source in Vietnamese. */
export const describeJob = (job: RebuildJob) => ({
  ...job,
  currentLabel: job.current ? rollupSources.label(job.current) : null,
})
