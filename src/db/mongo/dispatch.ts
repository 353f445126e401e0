import type { Payload } from 'payload'
import { contentLinked, dueArms } from '@/dispatch/due'
import { PUBLICATION_FIELDS, type ClaimedPublication } from '@/dispatch/publication'
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
  }
}
