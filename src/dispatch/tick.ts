import type { Payload } from 'payload'
import { ChannelStatus } from '@/vocabulary'
import { claimDue, dueWhere, releaseClaims, takeOverClaims, type ClaimedPublication } from './claim'
import { LIVENESS_WINDOW_MS, surveyWorkers, type WorkerIdentity } from './heartbeat'
import { claimRemovals, REMOVAL_JOBS, type ClaimedRemoval } from './removals'
import { createTickReads, type TickReads } from './tickReads'

/** Every second, node-cron's finest step; the lookahead makes up for it, so items still go out on their second. */
export const TICK_SCHEDULE = '* * * * * *'
/** Publications due within the same 50 ms fire together: one timer and one re-check per slot, not per publication, at most 50 ms late. */
export const TIMER_SLOT_MS = 50
/** A share is a tenth of a batch above the exact split, so rounding never leaves a remainder for the next tick. */
const SHARE_SLACK_PER_BATCH = 0.1

export type PlannerOptions = {
  self: WorkerIdentity
  batchSize: number
  leaseMs: number
  lookaheadMs: number
  maxPending: number
  /** Sends a group whose time has come, reading channels and content through `reads`; `after` runs once it is recorded. */
  fire: (pubs: ClaimedPublication[], reads: TickReads, after?: () => void) => Promise<void>
  /** Carries out claimed removal jobs (withdrawn publications taken off their channels). */
  fireRemovals: (jobs: ClaimedRemoval[]) => Promise<void>
  log: (message: string) => void
  stopping: () => boolean
}

/**
 * The tick: each second, take over the claims of workers known dead, claim this worker's share of
 * what falls due within the lookahead, and set a timer per firing time.
 */
export function createPlanner(payload: Payload, opts: PlannerOptions) {
  const { self, batchSize, leaseMs, lookaheadMs, maxPending, fire, fireRemovals, log, stopping } =
    opts
  const workerId = self.workerId
  /** Claimed publications waiting for their time, by firing time. */
  const waiting = new Map<
    number,
    { pubs: ClaimedPublication[]; reads: TickReads; timer: NodeJS.Timeout }
  >()
  let pendingCount = 0

  const heldChannels = async () => {
    const held = await payload.find({
      collection: 'channels',
      where: { status: { not_equals: ChannelStatus.Active } },
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { status: true },
    })
    return held.docs.map((d) => String(d.id))
  }

  /**
   * Hands the claims of workers known dead back to the queue (see `knownDead`) and says how many
   * workers are alive. A worker silent for longer than a lease plus the lookahead holds no live claim, so it is not asked about.
   */
  const takeOver = async (): Promise<number> => {
    const { live, dead } = await surveyWorkers(
      payload,
      self,
      leaseMs + lookaheadMs + LIVENESS_WINDOW_MS,
    )
    if (dead.length) {
      await takeOverClaims(payload, dead)
      await takeOverClaims(payload, dead, new Date(), REMOVAL_JOBS)
      if (process.env.DISPATCH_DEBUG) console.error(`[takeover] ${dead.join(', ')}`)
    }
    return live
  }

  /**
   * This worker's share of what falls due within the lookahead: the due count divided among the
   * live workers, so a burst is split rather than taken by whoever ticks first. What a silent
   * worker leaves is claimed on the next tick.
   */
  const fairShare = async (held: string[], live: number): Promise<number> => {
    const now = new Date()
    const due = await payload.count({
      collection: 'publications',
      where: dueWhere(now, held, new Date(now.getTime() + lookaheadMs)),
      overrideAccess: true,
    })
    return (
      Math.ceil(due.totalDocs / Math.max(1, live)) + Math.ceil(batchSize * SHARE_SLACK_PER_BATCH)
    )
  }

  /** Sets the timers of a claim round; a group joined by a later tick keeps the reads of the tick that opened it. */
  const schedule = (pubs: ClaimedPublication[], reads: TickReads) => {
    const now = Date.now()
    for (const pub of pubs) {
      const at = Math.max(now, new Date(pub.nextAttemptAt ?? pub.scheduledAt).getTime())
      const slot = Math.ceil(at / TIMER_SLOT_MS) * TIMER_SLOT_MS
      const group = waiting.get(slot)
      if (group) group.pubs.push(pub)
      else {
        const timer = setTimeout(() => {
          const due = waiting.get(slot)!
          waiting.delete(slot)
          fire(due.pubs, due.reads, () => (pendingCount -= due.pubs.length)).catch((err) =>
            log(`[dispatcher] gửi nhóm lịch đăng: ${(err as Error).message}`),
          )
        }, slot - now)
        waiting.set(slot, { pubs: [pub], reads, timer })
      }
    }
  }

  /**
   * Removal jobs due now, after the sends: claimed by their own small statement (a read that writes
   * nothing when none is due), never by the publications' claim, whose cost stays as it was.
   */
  const claimRemovalsNow = () => claimRemovals(payload, { workerId, limit: batchSize, leaseMs })

  /** One tick: claims what is due within the lookahead, up to this worker's share, and sets the timers; then due removals. */
  const plan = async (): Promise<number> => {
    let claimed = 0
    const live = await takeOver()
    const held = await heldChannels()
    const quota = await fairShare(held, live)
    const reads = createTickReads(payload)
    while (!stopping() && pendingCount < maxPending && claimed < quota) {
      const c0 = Date.now()
      const claim = await claimDue(payload, {
        workerId,
        limit: Math.min(batchSize, maxPending - pendingCount, quota - claimed),
        leaseMs,
        heldChannels: held,
        lookaheadMs,
      })
      if (process.env.DISPATCH_DEBUG && claim.pubs.length)
        console.error(
          `[claim] n=${claim.pubs.length} in ${Date.now() - c0} ms at ${new Date().toISOString()}`,
        )
      if (!claim.pubs.length) break
      claimed += claim.pubs.length
      pendingCount += claim.pubs.length
      schedule(claim.pubs, reads)
      // SQLite's calls are synchronous, so back-to-back rounds never reach the timer phase: let due
      // firings and their sockets run between rounds instead of after the whole share is claimed.
      await new Promise((resolve) => setImmediate(resolve))
    }
    if (!stopping()) {
      const jobs = await claimRemovalsNow()
      // Not awaited, like a firing's timer: the tick goes on while the platforms answer.
      if (jobs.length)
        void fireRemovals(jobs).catch((err: Error) => log(`[dispatcher] gỡ bài: ${err.message}`))
    }
    return claimed
  }

  /** For tests and one-off runs: claim everything due now, send it, carry out due removals, and wait. */
  const drain = async (): Promise<number> => {
    let handled = 0
    await takeOver()
    while (!stopping()) {
      // Re-read held channels each round: a channel that failed authentication meanwhile is skipped.
      const claim = await claimDue(payload, {
        workerId,
        limit: batchSize,
        leaseMs,
        heldChannels: await heldChannels(),
      })
      if (!claim.pubs.length) break
      await fire(claim.pubs, createTickReads(payload))
      handled += claim.pubs.length
    }
    while (!stopping()) {
      const jobs = await claimRemovalsNow()
      if (!jobs.length) break
      await fireRemovals(jobs)
      handled += jobs.length
    }
    return handled
  }

  /** Gives back the claims whose time has not come yet (a clean stop), so others need not wait for the lease. */
  const release = async () => {
    const unfired = [...waiting.values()].flatMap((g) => (clearTimeout(g.timer), g.pubs))
    waiting.clear()
    await releaseClaims(payload, unfired)
  }

  return { plan, drain, release }
}
