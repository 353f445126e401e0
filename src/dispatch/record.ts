import crypto from 'node:crypto'
import type { Payload } from 'payload'

export type Attempt = {
  at: string
  outcome: 'success' | 'retry' | 'permanent' | 'reauth' | 'held'
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
