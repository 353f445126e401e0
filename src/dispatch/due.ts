import type { Where } from 'payload'
import { CONTENT_KINDS, PublicationStatus, READY } from '@/vocabulary'

/**
 * The three kinds of publication a worker may take: scheduled ones and retrying ones due by
 * `horizon`, and "sending" ones whose worker's lease ran out before `now` (a crashed worker's
 * claims). Each is one range of a composite index, (status, nextAttemptAt, createdAt) or
 * (status, leaseUntil), read in index order: asked apart, each stops after its first rows however
 * deep the queue is, where their `or` made the database visit every due row and sort them all.
 */
export function dueArms(
  now: Date,
  heldChannels: string[],
  horizon = now,
): { where: Where; sort: string[] }[] {
  const held: Where[] = heldChannels.length ? [{ channel: { not_in: heldChannels } }] : []
  return [
    ...READY.map((status) => ({
      where: {
        and: [
          { status: { equals: status } },
          { nextAttemptAt: { less_than_equal: horizon.toISOString() } },
          ...held,
        ],
      },
      // createdAt as the tie-break, ascending like the index (Payload otherwise adds -createdAt, which the index cannot serve).
      sort: ['nextAttemptAt', 'createdAt'],
    })),
    {
      where: {
        and: [
          { status: { equals: PublicationStatus.Sending } },
          { leaseUntil: { less_than: now.toISOString() } },
          ...held,
        ],
      },
      sort: ['leaseUntil', 'createdAt'],
    },
  ]
}

/**
 * On SQLite a publication's content link lives in a side table, written just after its row (there
 * are no transactions) and rewritten on every save: a row seen in between is not ready yet, not
 * "content deleted". Candidates must have it; the atomic claim cannot join, so only the pick does.
 */
export const contentLinked: Where = {
  or: CONTENT_KINDS.map((kind) => ({ 'content.relationTo': { equals: kind } })),
}
