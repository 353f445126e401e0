import type { Payload, Where } from 'payload'
import { contentLinked, dueArms } from '@/dispatch/due'
import {
  PUBLICATION_FIELDS,
  type ClaimedPublication,
  type ClaimedRemoval,
} from '@/dispatch/publication'
import { relationId } from '@/lib/relation'
import { REMOVAL_READY, RemovalStatus } from '@/vocabulary'
import type { DispatchOps } from '../types'
import { mongoUpdates } from './updates'

/** MongoDB: the dispatcher's reads and claims through Payload's adapter calls, one per arm of `dueArms`. */
export const mongoDispatch = (payload: Payload): DispatchOps => {
  const { updateWhere } = mongoUpdates(payload)
  return {
    async candidates({ now, horizon, heldChannels, look }) {
      const found = await Promise.all(
        dueArms(now, heldChannels, horizon).map(({ where, sort }) =>
          payload.db.find({
            collection: 'publications',
            where: { and: [where, contentLinked] },
            limit: look,
            sort,
            pagination: false,
            select: { id: true, nextAttemptAt: true },
          }),
        ),
      )
      return found.flatMap(
        (f) => f.docs as unknown as { id: string; nextAttemptAt?: string | null }[],
      )
    },

    // A claim taken over from "sending" (its worker died mid-send) is in doubt: two updates, the
    // READY arms first, whose rows then no longer match the "sending" arm's condition.
    async claim({ candidates, now, horizon, heldChannels, lease }) {
      const arms = dueArms(now, heldChannels, horizon)
      const readyArms = arms.slice(0, -1)
      const sendingArm = arms[arms.length - 1]
      await updateWhere(
        'publications',
        { and: [{ id: { in: candidates } }, { or: readyArms.map((arm) => arm.where) }] },
        lease,
      )
      await updateWhere(
        'publications',
        { and: [{ id: { in: candidates } }, sendingArm.where] },
        { ...lease, outcomeUnknown: true },
      )
      const mine = await payload.db.find({
        collection: 'publications',
        where: { leaseOwner: { equals: lease.leaseOwner } },
        limit: 0,
        pagination: false,
        select: PUBLICATION_FIELDS,
      })
      return mine.docs as unknown as ClaimedPublication[]
    },

    async leased(tokens) {
      const found = await payload.db.find({
        collection: 'publications',
        where: { leaseOwner: { in: tokens } },
        limit: 0,
        pagination: false,
        select: { id: true, status: true },
      })
      return found.docs as unknown as { id: string; status: string }[]
    },

    // Each outcome is one atomic update of its own (recordOutcome): MongoDB has no batch here.
    recordBatch: async (outcomes) => ({ left: outcomes, marked: false }),

    // Removal jobs: a read of what is due, then one updateMany re-checking it per document.
    async claimRemovals({ now, limit, lease }) {
      const at = now.toISOString()
      const due: Where = {
        or: [
          {
            and: [
              { status: { in: [...REMOVAL_READY] } },
              { nextAttemptAt: { less_than_equal: at } },
            ],
          },
          {
            and: [
              { status: { equals: RemovalStatus.Removing } },
              { leaseUntil: { less_than: at } },
            ],
          },
        ],
      }
      const found = await payload.db.find({
        collection: 'removals',
        where: due,
        limit,
        sort: 'nextAttemptAt',
        pagination: false,
        select: { id: true },
      })
      if (!found.docs.length) return []
      await updateWhere(
        'removals',
        { and: [{ id: { in: found.docs.map((d) => d.id) } }, due] },
        lease,
      )
      const mine = await payload.db.find({
        collection: 'removals',
        where: { leaseOwner: { equals: lease.leaseOwner } },
        limit: 0,
        pagination: false,
        select: { id: true, leaseOwner: true, publication: true, attemptCount: true },
      })
      return (mine.docs as unknown as Record<string, unknown>[]).map((d): ClaimedRemoval => ({
        id: String(d.id),
        leaseOwner: String(d.leaseOwner),
        publication: relationId(d.publication) ?? '',
        attemptCount: Number(d.attemptCount ?? 0),
      }))
    },
  }
}
