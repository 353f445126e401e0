import type { Payload, Where } from 'payload'
import { CONTENT_KINDS } from '@/vocabulary'

/** What dispatching needs of a publication; the attempt history is left out (it only grows). */
export const PUBLICATION_FIELDS = {
  id: true,
  status: true,
  leaseOwner: true,
  channel: true,
  content: true,
  approval: true,
  scheduledAt: true,
  nextAttemptAt: true,
  message: true,
  hashtags: true,
  idempotencyKey: true,
  attemptCount: true,
  remoteId: true,
} as const

export type ClaimedPublication = {
  id: string
  status: string
  leaseOwner: string
  channel: string | { id: string }
  content: { relationTo: string; value: unknown }
  approval?: Record<string, any> | null
  scheduledAt: string
  nextAttemptAt: string
  message?: string | null
  hashtags?: string[] | null
  idempotencyKey: string
  attemptCount?: number | null
  remoteId?: string | null
}

export type ClaimOptions = {
  workerId: string
  limit: number
  leaseMs: number
  heldChannels: string[]
  now?: Date
  /** Also claim what falls due within this many ms, to have it ready on time. */
  lookaheadMs?: number
}

export type Claim = { token: string; pubs: ClaimedPublication[] }

/**
 * Publications a worker may take: scheduled or retrying ones due by `horizon`, or "sending" ones
 * whose worker's lease ran out before `now` (a crashed worker's claims).
 */
export function dueWhere(now: Date, heldChannels: string[], horizon = now): Where {
  const due: Where = {
    or: [
      { and: [{ status: { in: ['scheduled', 'retrying'] } }, { nextAttemptAt: { less_than_equal: horizon.toISOString() } }] },
      { and: [{ status: { equals: 'sending' } }, { leaseUntil: { less_than: now.toISOString() } }] },
    ],
  }
  return heldChannels.length ? { and: [due, { channel: { not_in: heldChannels } }] } : due
}

/**
 * On SQLite a publication's content link lives in a side table, written just after its row (there
 * are no transactions) and rewritten on every save: a row seen in between is not ready yet, not
 * "content deleted". Candidates must have it; the atomic claim cannot join, so only the pick does.
 */
const contentLinked: Where = { or: CONTENT_KINDS.map((kind) => ({ 'content.relationTo': { equals: kind } })) }

const shuffle = <T>(items: T[]) => {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[items[i], items[j]] = [items[j], items[i]]
  }
  return items
}

/**
 * The one place the two databases differ: a conditional update of every row matching `where`,
 * atomic per row. SQLite: the adapter's atomic updateOne is a single UPDATE … WHERE (all matching
 * rows, one statement). MongoDB: updateMany is Model.updateMany(filter), whose filter is re-checked
 * per document as it is written. Either way a row another worker claimed first no longer matches.
 */
async function claimWhere(payload: Payload, where: Where, data: Record<string, unknown>): Promise<void> {
  if (payload.db.name === 'sqlite') {
    await payload.db.updateOne({ collection: 'publications', where, data, options: { atomic: true }, returning: false } as never)
  } else {
    await payload.db.updateMany({ collection: 'publications', where, data, returning: false } as never)
  }
}

/**
 * Claims due publications for one worker: one conditional update, "make me the lease holder of
 * those of these ids that are still due", then a read of what carries this claim's token. Of
 * several workers racing for a publication exactly one gets it. The lease lasts until `leaseMs`
 * after the horizon; if this worker dies, another takes the claims over then.
 */
export async function claimDue(payload: Payload, opts: ClaimOptions): Promise<Claim> {
  const now = opts.now ?? new Date()
  const horizon = new Date(now.getTime() + (opts.lookaheadMs ?? 0))
  const token = `${opts.workerId}:${now.getTime()}:${Math.random().toString(36).slice(2, 8)}`
  const where = dueWhere(now, opts.heldChannels, horizon)
  // Look further than we will take, in random order, so racing workers mostly miss each other.
  const found = await payload.db.find({ collection: 'publications', where: { and: [where, contentLinked] }, limit: opts.limit * 3, sort: 'nextAttemptAt', pagination: false, select: { id: true } as never })
  const candidates = shuffle(found.docs.map((d) => String(d.id))).slice(0, opts.limit)
  if (!candidates.length) return { token, pubs: [] }
  const lease = { status: 'sending', leaseOwner: token, leaseUntil: new Date(horizon.getTime() + opts.leaseMs).toISOString() }
  await claimWhere(payload, { and: [{ id: { in: candidates } }, where] }, lease)
  const mine = await payload.db.find({ collection: 'publications', where: { leaseOwner: { equals: token } }, limit: 0, pagination: false, select: PUBLICATION_FIELDS as never })
  return { token, pubs: mine.docs as unknown as ClaimedPublication[] }
}

/** Gives back claims that were not fired (a worker stopping cleanly), so others need not wait for the lease. */
export async function releaseClaims(payload: Payload, pubs: ClaimedPublication[]): Promise<void> {
  for (const pub of pubs) {
    await payload.db.updateOne({
      collection: 'publications',
      where: { and: [{ id: { equals: pub.id } }, { leaseOwner: { equals: pub.leaseOwner } }, { status: { equals: 'sending' } }] },
      data: { status: (pub.attemptCount ?? 0) > 0 ? 'retrying' : 'scheduled', leaseOwner: null, leaseUntil: null },
      options: { atomic: true },
    } as never)
  }
}

/** Of these claims, the ones still ours and still to send (a person may have cancelled meanwhile). */
export async function stillClaimed(payload: Payload, pubs: ClaimedPublication[]): Promise<Set<string>> {
  if (!pubs.length) return new Set()
  const tokens = [...new Set(pubs.map((p) => p.leaseOwner))]
  const rows = await payload.db.find({
    collection: 'publications',
    where: { and: [{ leaseOwner: { in: tokens } }, { status: { equals: 'sending' } }] },
    limit: 0,
    pagination: false,
    select: { id: true } as never,
  })
  return new Set(rows.docs.map((d) => String(d.id)))
}
