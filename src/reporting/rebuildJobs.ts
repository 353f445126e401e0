import type { Payload } from 'payload'
import type { BackgroundJob } from '@/payload-types'
import { heavyWork } from '@/heavy'
import type { JobContext } from '@/jobs/kinds'
import { processOwner } from '@/jobs/owner'
import { enqueue, findJob } from '@/jobs/queue'
import { JobKind, JobState, RebuildState, rollupSources, type RollupSource } from '@/vocabulary'
import { LEASE } from './cron'
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

export type RebuildInput = { year: number; waitMs?: number; pollMs?: number }

/** The job's step while it waits for the rollup's turn (the cron's run, or another rebuild). */
const WAITING = 'waiting'
const leaseMs = () => Number(process.env.ROLLUP_LEASE_MS || 10 * 60_000)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Queues a full rebuild of `year` as a background job (src/jobs) and returns it at once: the
 * queued or running rebuild of the same year, if there is one. It survives a restart of the
 * server that started it: another worker, or the restarted server, runs it.
 */
export async function startRebuild(
  payload: Payload,
  year: number,
  options: { waitMs?: number; pollMs?: number; requestedBy?: string } = {},
): Promise<RebuildJob> {
  const job = await enqueue(payload, {
    kind: JobKind.RebuildYear,
    title: `Tính lại số liệu năm ${year}`,
    input: { year, waitMs: options.waitMs, pollMs: options.pollMs },
    dedupeKey: `${JobKind.RebuildYear}:${year}`,
    total: SOURCES.length,
    requestedBy: options.requestedBy,
  })
  return rebuildView(job)
}

/** A rebuild job by id, as the page shows it; undefined when there is none (or it is not a rebuild). */
export async function rebuildJob(payload: Payload, id: string): Promise<RebuildJob | undefined> {
  const job = await findJob(payload, id)
  return job?.kind === JobKind.RebuildYear ? rebuildView(job) : undefined
}

function rebuildView(job: BackgroundJob): RebuildJob {
  const input = (job.input ?? {}) as RebuildInput
  const state: RebuildState =
    job.state === JobState.Queued || (job.state === JobState.Running && job.step === WAITING)
      ? RebuildState.Waiting
      : (job.state as RebuildState)
  return {
    id: String(job.id),
    year: input.year,
    state,
    done: job.done ?? 0,
    total: job.total ?? SOURCES.length,
    current: job.step && job.step !== WAITING ? (job.step as RollupSource) : null,
    cells: Number((job.result as { cells?: number } | null)?.cells ?? 0),
    startedAt: job.startedAt ?? job.createdAt,
    finishedAt: job.finishedAt ?? null,
    error: job.error ?? null,
  }
}

/**
 * The job: takes the rollup lease first, so it never overlaps the cron's runs in any worker
 * (waiting up to `waitMs` for one to finish), then recomputes one source at a time over the whole
 * year: each step replaces that source's cells in one transaction, so the figures on screen are
 * never half-written, and `done / total` is real progress.
 */
export async function runRebuildYear(payload: Payload, input: RebuildInput, ctx: JobContext) {
  const { year } = input
  const owner = `${processOwner()}:rebuild-${ctx.id}`
  const deadline = Date.now() + (input.waitMs ?? leaseMs())
  let leased = false
  let cells = 0
  try {
    await ctx.progress({ step: WAITING, done: 0, total: SOURCES.length, result: { cells } })
    while (!(leased = await tryLease(payload, LEASE, owner, leaseMs()))) {
      ctx.signal.throwIfAborted()
      if (Date.now() > deadline)
        throw new Error('Một lượt tổng hợp khác đang chạy quá lâu; hãy thử lại sau.')
      await sleep(input.pollMs ?? 1000)
    }
    for (const [i, source] of SOURCES.entries()) {
      ctx.signal.throwIfAborted()
      await ctx.progress({ step: source.name })
      // In the heavy-work process when the server has one: the pages keep being served.
      cells += await heavyWork(payload).run('recompute', {
        window: { year, months: null },
        sources: [source.name],
      })
      await ctx.progress({ done: i + 1, result: { cells } })
      // Extend the lease (still ours) before the next source.
      await tryLease(payload, LEASE, owner, leaseMs())
    }
    payload.logger.info(`Tổng hợp số liệu: tính lại năm ${year} theo yêu cầu, ${cells} ô.`)
    return { cells }
  } finally {
    if (leased) await releaseLease(payload, LEASE, owner).catch(() => {})
  }
}

/** The job as the page shows it: its state and current source in Vietnamese. */
export const describeJob = (job: RebuildJob) => ({
  ...job,
  currentLabel: job.current ? rollupSources.label(job.current) : null,
})
