import crypto from 'node:crypto'
import type { Payload, Where } from 'payload'
import type { BackgroundJob } from '@/payload-types'
import { dbOps } from '@/db'
import { JobState, type JobKind } from '@/vocabulary'
import { jobDefinitions, type JobContext } from './kinds'
import { ownerIsGone, processOwner } from './owner'
import { findJob, localRunners } from './queue'

export type JobRunner = {
  owner: string
  /** Look for a job now rather than at the next poll. */
  kick(): void
  /**
   * Stops claiming; waits up to `graceMs` for the jobs under way, then hands those still running
   * back to the queue (their attempt not counted), so the next process takes them at once.
   */
  stop(graceMs?: number): Promise<void>
}

export type RunnerOptions = {
  /** How often an idle runner looks for work (a job queued in this process wakes it at once). */
  pollMs?: number
  /** How long a claim holds without a heartbeat; renewed every third of it while the job runs. */
  leaseMs?: number
  /** Jobs run at once by this runner (a rebuild waiting for the rollup's turn does not hold up an export). */
  concurrency?: number
}

const JOBS = 'background-jobs' as const
const leaseDefault = () => Number(process.env.JOB_LEASE_MS || 2 * 60_000)

const gaveUp = (attempts: number) =>
  `Tác vụ bị gián đoạn ${attempts} lần (tiến trình chạy nó đã dừng giữa chừng); không chạy lại nữa. Hãy yêu cầu lại.`

/**
 * The one runner of long jobs asked for in the admin (rebuilds, exports), in every server and
 * worker process. A job is claimed with one conditional update on its attempt count ("make me its
 * owner if it is still queued, or its lease has run out, or its owner is a dead process of this
 * host, and nobody claimed this attempt"): of two runners racing, one gets it. While it runs, the
 * runner renews the lease; if the process dies, another runner (or the restarted one) takes the
 * job over and runs it again from the start, up to the kind's `maxAttempts`.
 */
export function startJobRunner(payload: Payload, options: RunnerOptions = {}): JobRunner {
  // The process and this runner (tests and the benches run several in one process).
  const owner = `${processOwner()}:${crypto.randomUUID().slice(0, 6)}`
  const pollMs = options.pollMs ?? 1000
  const leaseMs = options.leaseMs ?? leaseDefault()
  const updates = dbOps(payload).updates
  const running = new Map<string, AbortController>()
  let stopped = false
  // The idle slots' wake-ups: a queued job wakes them all (one gets it), and so does stop().
  const sleepers = new Set<() => void>()

  const mine = (job: { id: string | number; owner?: string | null }): Where => ({
    and: [{ id: { equals: job.id } }, { owner: { equals: job.owner } }],
  })
  const leaseEnd = () => new Date(Date.now() + leaseMs).toISOString()

  /** The oldest job this runner may take, claimed; null when there is none. */
  async function claimNext(): Promise<BackgroundJob | null> {
    const now = new Date()
    // One owner per claim: of this runner's own slots racing for a job, one gets it too.
    const claimant = `${owner}:${crypto.randomUUID().slice(0, 6)}`
    const { docs } = await payload.find({
      collection: JOBS,
      where: { state: { in: [JobState.Queued, JobState.Running] } },
      sort: 'createdAt',
      limit: 20,
      depth: 0,
      overrideAccess: true,
    })
    for (const job of docs) {
      if (running.has(String(job.id))) continue
      const expired = !job.leaseUntil || new Date(job.leaseUntil) < now
      const takeover = job.state === JobState.Running
      if (takeover && !expired && !ownerIsGone(job.owner)) continue
      const attempts = job.attempts ?? 0
      // The row as read, still: nobody claimed this attempt, and a takeover's owner did not renew.
      const still: Where[] = [
        { id: { equals: job.id } },
        { state: { equals: job.state } },
        { attempts: { equals: attempts } },
      ]
      if (takeover)
        still.push(
          expired
            ? { leaseUntil: { less_than: now.toISOString() } }
            : { owner: { equals: job.owner } },
        )
      const definition = jobDefinitions[job.kind as JobKind]
      if (!definition || attempts >= definition.maxAttempts) {
        const error = definition ? gaveUp(attempts) : `Loại tác vụ không có: ${job.kind}.`
        await updates.updateWhere(
          JOBS,
          { and: still },
          {
            state: JobState.Failed,
            error,
            owner: null,
            leaseUntil: null,
            finishedAt: now.toISOString(),
          },
        )
        if ((await reread(job.id))?.error === error)
          await definition?.onFailed?.(payload, job.input as never, error).catch(() => {})
        continue
      }
      await updates.updateWhere(
        JOBS,
        { and: still },
        {
          state: JobState.Running,
          owner: claimant,
          attempts: attempts + 1,
          leaseUntil: leaseEnd(),
          startedAt: job.startedAt ?? now.toISOString(),
        },
      )
      const claimed = await reread(job.id)
      if (claimed?.owner === claimant && claimed.attempts === attempts + 1) return claimed
    }
    return null
  }

  const reread = (id: string | number) => findJob(payload, String(id))

  async function execute(job: BackgroundJob, abort: AbortController) {
    const definition = jobDefinitions[job.kind as JobKind]
    const heartbeat = setInterval(() => {
      void updates.updateWhere(JOBS, mine(job), { leaseUntil: leaseEnd() }).catch(() => {})
    }, leaseMs / 3)
    const ctx: JobContext = {
      id: String(job.id),
      attempt: job.attempts ?? 1,
      signal: abort.signal,
      progress: (p) => updates.updateWhere(JOBS, mine(job), { ...p, leaseUntil: leaseEnd() }),
    }
    try {
      const result = await definition.run(payload, job.input as never, ctx)
      await updates.updateWhere(JOBS, mine(job), {
        state: JobState.Done,
        ...(result === undefined ? {} : { result }),
        step: null,
        owner: null,
        leaseUntil: null,
        finishedAt: new Date().toISOString(),
      })
    } catch (err) {
      // Handed back by stop(): the row is the queue's again.
      if (abort.signal.aborted) return
      const message = (err as Error).message || String(err)
      payload.logger.error({ err, msg: `Tác vụ nền "${job.title}" lỗi: ${message}` })
      await updates
        .updateWhere(JOBS, mine(job), {
          state: JobState.Failed,
          error: message,
          owner: null,
          leaseUntil: null,
          finishedAt: new Date().toISOString(),
        })
        .catch(() => {})
      await definition.onFailed?.(payload, job.input as never, message).catch(() => {})
    } finally {
      clearInterval(heartbeat)
    }
  }

  async function slot() {
    while (!stopped) {
      let job: BackgroundJob | null = null
      try {
        job = await claimNext()
      } catch (err) {
        if (!stopped) payload.logger.error({ err, msg: 'Không lấy được tác vụ nền để chạy.' })
      }
      if (job) {
        const id = String(job.id)
        const abort = new AbortController()
        running.set(id, abort)
        await execute(job, abort)
        running.delete(id)
        continue
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, pollMs)
        function done() {
          clearTimeout(timer)
          sleepers.delete(done)
          resolve()
        }
        sleepers.add(done)
      })
    }
  }

  const kick = () => {
    for (const wake of [...sleepers]) wake()
  }
  localRunners.add(kick)
  const slots = Array.from({ length: options.concurrency ?? 2 }, () => slot())

  return {
    owner,
    kick,
    async stop(graceMs = 5000) {
      stopped = true
      localRunners.delete(kick)
      kick()
      const under = [...running.keys()]
      await Promise.race([
        Promise.all(slots),
        new Promise((resolve) => setTimeout(resolve, graceMs).unref()),
      ])
      for (const id of under)
        if (running.has(id)) {
          running.get(id)!.abort()
          const job = await reread(id)
          if (!job?.owner?.startsWith(`${owner}:`)) continue
          await updates
            .updateWhere(JOBS, mine(job), {
              state: JobState.Queued,
              owner: null,
              leaseUntil: null,
              attempts: Math.max(0, (job.attempts ?? 1) - 1),
            })
            .catch(() => {})
        }
    },
  }
}
