import type { Payload, PayloadRequest } from 'payload'
import { dbOps } from '@/db'
import { markSiteChanged } from '@/web/siteChanges'
import { PublicationStatus } from '@/vocabulary'
import { rowId, type Attempt, type Recorded } from './publication'

export type { Attempt, Recorded } from './publication'

/** What recording an outcome clears: the lease. */
const LEASE_RELEASED = { leaseOwner: null, leaseWorker: null, leaseUntil: null }

/**
 * Writes the dispatcher's result for one publication through the adapter (no hooks: these are the
 * system's own fields): the new state, the attempt appended with $push (no rewrite of the history),
 * and the lease released, only while we still hold it.
 */
export async function recordOutcome(
  payload: Payload,
  pub: Recorded['pub'],
  attempt: Attempt,
  changes: Record<string, unknown>,
  /** A removal job's outcome goes the same way (src/dispatch/removals.ts). */
  collection: 'publications' | 'removals' = 'publications',
): Promise<void> {
  await payload.db.updateOne({
    collection,
    where: { and: [{ id: { equals: pub.id } }, { leaseOwner: { equals: pub.leaseOwner } }] },
    // The lease is released unless the outcome sets its own (a follow-up's time, see dispatchOne).
    data: { ...LEASE_RELEASED, ...changes, attempts: { $push: { id: rowId(), ...attempt } } },
    returning: false,
  })
}

/**
 * Records a firing's outcomes: what the database can write at once in one batch (on SQLite, see
 * src/db/sqlite/dispatch.ts), the rest (and everything on MongoDB) through `recordOutcome`, one
 * atomic update each. When something went out on the dedicated page (`onPublicPage`: an item
 * appears at its time), one site-change mark per firing (src/web/siteChanges.ts), inside the batch
 * when there is one, so the web servers see it when they can see the publications. Sends to other
 * channels change no public page (the year's counters move with the rollup's fold, which marks
 * its own change): marking them emptied every page cache at each firing of a burst.
 */
export async function recordOutcomes(
  payload: Payload,
  outcomes: Recorded[],
  onError: (pub: Recorded['pub'], err: Error) => void,
  onPublicPage: (o: Recorded) => boolean,
): Promise<void> {
  const published = (o: Recorded) =>
    o.changes.status === PublicationStatus.Published && onPublicPage(o)
  const { left, marked } = await dbOps(payload).dispatch.recordBatch(outcomes, published)
  for (const { pub, attempt, changes } of left) {
    try {
      await recordOutcome(payload, pub, attempt, changes)
    } catch (err) {
      onError(pub, err as Error)
    }
  }
  if (!marked && left.some(published))
    await markSiteChanged(payload, 'publications').catch((err: Error) =>
      payload.logger.warn(
        `[dispatcher] không ghi được dấu thay đổi trang công khai: ${err.message}`,
      ),
    )
}

/**
 * Moves a publication to a new state only if it is still in one of `from` (a worker that claimed it
 * meanwhile keeps it), and notes why in its attempts. For changes people cause: an edit, a deletion.
 * Two statements, because SQLite's conditional update cannot append to the attempt history.
 */
export async function moveIfStill(
  payload: Payload,
  args: {
    id: string | number
    from: readonly PublicationStatus[]
    data: Record<string, unknown>
    attempt: Omit<Attempt, 'at'>
    req?: PayloadRequest
  },
): Promise<boolean> {
  const { id, from, data, attempt, req } = args
  const moved = await payload.db.updateOne({
    collection: 'publications',
    where: { and: [{ id: { equals: id } }, { status: { in: [...from] } }] },
    data,
    options: { atomic: true },
    req,
  })
  if (!moved) return false
  await payload.db.updateOne({
    collection: 'publications',
    id,
    data: { attempts: { $push: { id: rowId(), at: new Date().toISOString(), ...attempt } } },
    returning: false,
    req,
  })
  return true
}
