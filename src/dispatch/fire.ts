import pLimit from 'p-limit'
import type { Payload } from 'payload'
import { stillClaimed, type ClaimedPublication } from './claim'
import { dispatchOne, type Outcome } from './dispatchOne'
import { recordOutcomes, type Attempt, type Recorded } from './record'
import { removeOne, type ClaimedRemoval } from './removals'
import type { TickReads } from './tickReads'
import { notifyPublicationsFailed } from '@/notifications/events'
import { ChannelKind, PublicationStatus } from '@/vocabulary'

/** Sends in flight at once in one process, across all its firings: 32 keeps a 20 ms channel busy without piling up sockets. */
export const DEFAULT_CONCURRENCY = 32

export type FiringOptions = {
  workerId: string
  concurrency: number
  counts: Record<Outcome, number>
  log: (message: string) => void
}

/**
 * Firing: a group of claimed publications whose time has come is re-checked (still ours, not
 * cancelled), sent, and recorded. Channels and content come from the claiming tick's reads. One concurrency limit for the whole process, so overlapping
 * firings share it rather than each opening as many sends again.
 */
export function createFiring(
  payload: Payload,
  { workerId, concurrency, counts, log }: FiringOptions,
) {
  const limit = pLimit(concurrency)
  const inFlight = new Set<Promise<void>>()

  const fire = async (pubs: ClaimedPublication[], { channel, content }: TickReads) => {
    const t0 = Date.now()
    const ours = await stillClaimed(payload, pubs)
    const t1 = Date.now()
    counts.lost += pubs.length - ours.size
    // Sends first, writes after: on SQLite every write can wait for other processes' locks, and
    // a due publication should not wait for its neighbours' bookkeeping. A crash in between only
    // leaves leases that expire (or are taken over); the redelivery carries the same Idempotency-Key.
    const outcomes: Recorded[] = []
    const record = (
      pub: ClaimedPublication,
      attempt: Attempt,
      changes: Record<string, unknown>,
    ) => {
      outcomes.push({ pub, attempt, changes })
    }
    await Promise.all(
      pubs
        .filter((p) => ours.has(String(p.id)))
        .map((pub) =>
          limit(async () => {
            try {
              counts[await dispatchOne({ payload, workerId, channel, content, record }, pub)]++
            } catch (err) {
              // Nothing recorded: the lease expires and another pass sends it; nothing is lost.
              log(`[dispatcher] lỗi khi xử lý lịch đăng ${pub.id}: ${(err as Error).message}`)
            }
          }),
        ),
    )
    const t2 = Date.now()
    const kinds = new Map<string, string | undefined>()
    for (const pub of pubs) {
      const id = typeof pub.channel === 'object' ? pub.channel.id : pub.channel
      if (!kinds.has(id)) kinds.set(id, (await channel(id))?.kind)
    }
    await recordOutcomes(
      payload,
      outcomes,
      (pub, err) => log(`[dispatcher] không ghi được kết quả lịch đăng ${pub.id}: ${err.message}`),
      ({ pub }) => {
        const { channel: ref } = pub as ClaimedPublication
        return kinds.get(typeof ref === 'object' ? ref.id : ref) === ChannelKind.WebPage
      },
    )
    // Those that failed for good are told to their unit, once each (src/notifications/events.ts).
    const failed = outcomes
      .filter((o) => o.changes.status === PublicationStatus.Failed)
      .map((o) => o.pub.id)
    if (failed.length)
      await notifyPublicationsFailed(payload, failed).catch((err: Error) =>
        log(`[dispatcher] không gửi được thông báo đăng thất bại: ${err.message}`),
      )
    if (process.env.DISPATCH_DEBUG)
      console.error(
        `[fire] n=${pubs.length} at=${new Date(t0).toISOString()} check=${t1 - t0} send=${t2 - t1} record=${Date.now() - t2}`,
      )
  }

  return {
    /** Re-checks, sends and records a group that is due now, reading channels and content through its tick's `reads`; `settled` waits for it. */
    fire: (pubs: ClaimedPublication[], reads: TickReads, after?: () => void) => {
      const work = fire(pubs, reads).finally(() => {
        inFlight.delete(work)
        after?.()
      })
      inFlight.add(work)
      return work
    },
    /** Carries out claimed removal jobs under the same concurrency limit as sends; `settled` waits for them too. */
    fireRemovals: (jobs: ClaimedRemoval[]) => {
      const work = Promise.all(
        jobs.map((job) =>
          limit(() =>
            removeOne(payload, workerId, job).catch((err: Error) =>
              // Nothing recorded: the lease runs out and another pass tries again.
              log(`[dispatcher] lỗi khi gỡ bài (việc ${job.id}): ${err.message}`),
            ),
          ),
        ),
      ).then(() => undefined)
      inFlight.add(work)
      void work.finally(() => inFlight.delete(work))
      return work
    },
    /** Resolves once every firing started so far has been recorded. */
    settled: () => Promise.allSettled(inFlight).then(() => undefined),
  }
}
