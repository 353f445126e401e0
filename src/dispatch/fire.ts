import pLimit from 'p-limit'
import type { Payload } from 'payload'
import { loadContentItem } from '@/content/item'
import type { ContentKind } from '@/vocabulary'
import { stillClaimed, type ClaimedPublication } from './claim'
import { dispatchOne, type Outcome } from './dispatchOne'
import { recordOutcomes, type Attempt, type Recorded } from './record'

/** Sends in flight at once in one process, across all its firings: 32 keeps a 20 ms channel busy without piling up sockets. */
export const DEFAULT_CONCURRENCY = 32

export type FiringOptions = {
  workerId: string
  concurrency: number
  counts: Record<Outcome, number>
  log: (message: string) => void
}

/** Per-firing memo: each channel and content item is read once per firing, not once per publication. */
function memo<A extends unknown[], R>(
  load: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  const seen = new Map<string, Promise<R>>()
  return (...args) => {
    const key = args.join('|')
    if (!seen.has(key)) seen.set(key, load(...args))
    return seen.get(key)!
  }
}

/**
 * Firing: a group of claimed publications whose time has come is re-checked (still ours, not
 * cancelled), sent, and recorded. One concurrency limit for the whole process, so overlapping
 * firings share it rather than each opening as many sends again.
 */
export function createFiring(
  payload: Payload,
  { workerId, concurrency, counts, log }: FiringOptions,
) {
  const limit = pLimit(concurrency)
  const inFlight = new Set<Promise<void>>()

  const fire = async (pubs: ClaimedPublication[]) => {
    const t0 = Date.now()
    const ours = await stillClaimed(payload, pubs)
    const t1 = Date.now()
    counts.lost += pubs.length - ours.size
    const channel = memo((id: string) =>
      payload
        .findByID({ collection: 'channels', id, depth: 0, overrideAccess: true })
        .catch(() => null),
    )
    const content = memo((kind: ContentKind, id: string) => loadContentItem(payload, kind, id))
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
    await recordOutcomes(payload, outcomes, (pub, err) =>
      log(`[dispatcher] không ghi được kết quả lịch đăng ${pub.id}: ${err.message}`),
    )
    if (process.env.DISPATCH_DEBUG)
      console.error(
        `[fire] n=${pubs.length} at=${new Date(t0).toISOString()} check=${t1 - t0} send=${t2 - t1} record=${Date.now() - t2}`,
      )
  }

  return {
    /** Re-checks, sends and records a group that is due now; `settled` waits for it. */
    fire: (pubs: ClaimedPublication[], after?: () => void) => {
      const work = fire(pubs).finally(() => {
        inFlight.delete(work)
        after?.()
      })
      inFlight.add(work)
      return work
    },
    /** Resolves once every firing started so far has been recorded. */
    settled: () => Promise.allSettled(inFlight).then(() => undefined),
  }
}
