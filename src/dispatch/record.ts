import crypto from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'
import type { AttemptOutcome, PublicationStatus } from '@/vocabulary'

export type Attempt = {
  at: string
  outcome: AttemptOutcome
  message: string
  httpStatus?: number | null
  durationMs?: number | null
  worker?: string
}

/**
 * Writes the dispatcher's result for one publication through the adapter (no hooks: these are the
 * system's own fields): the new state, the attempt appended with $push (no rewrite of the history),
 * and the lease released, only while we still hold it.
 */
export async function recordOutcome(payload: Payload, pub: Record<string, any>, attempt: Attempt, changes: Record<string, unknown>): Promise<void> {
  await payload.db.updateOne({
    collection: 'publications',
    where: { and: [{ id: { equals: pub.id } }, { leaseOwner: { equals: pub.leaseOwner } }] },
    // Array rows need their own id, which Payload would otherwise generate in its hooks.
    data: { ...changes, attempts: { $push: { id: crypto.randomBytes(12).toString('hex'), ...attempt } }, leaseOwner: null, leaseUntil: null },
    returning: false,
  } as never)
}

/**
 * Moves a publication to a new state only if it is still in one of `from` (a worker that claimed it
 * meanwhile keeps it), and notes why in its attempts. For changes people cause: an edit, a deletion.
 * Two statements, because SQLite's conditional update cannot append to the attempt history.
 */
export async function moveIfStill(
  payload: Payload,
  args: { id: string | number; from: readonly PublicationStatus[]; data: Record<string, unknown>; attempt: Omit<Attempt, 'at'>; req?: PayloadRequest },
): Promise<boolean> {
  const { id, from, data, attempt, req } = args
  const moved = await payload.db.updateOne({
    collection: 'publications',
    where: { and: [{ id: { equals: id } }, { status: { in: from } }] },
    data,
    options: { atomic: true },
    req,
  } as never)
  if (!moved) return false
  await payload.db.updateOne({
    collection: 'publications',
    id,
    data: { attempts: { $push: { id: crypto.randomBytes(12).toString('hex'), at: new Date().toISOString(), ...attempt } } },
    returning: false,
    req,
  } as never)
  return true
}
