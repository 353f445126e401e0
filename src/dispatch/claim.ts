import type { Payload, Where } from 'payload'
import { dbOps } from '@/db'
import { PublicationStatus } from '@/vocabulary'
import { dueArms } from './due'
import type { ClaimedPublication } from './publication'

export { PUBLICATION_FIELDS, type ClaimedPublication } from './publication'

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

/** Everything a worker may take now (see `dueArms`), as one condition: for counting, and for claiming on MongoDB. */
export function dueWhere(now: Date, heldChannels: string[], horizon = now): Where {
  return { or: dueArms(now, heldChannels, horizon).map((arm) => arm.where) }
}

/** The due publication that has waited longest (the heartbeat reports it), one short indexed read per kind. */
export async function oldestDue(payload: Payload, now = new Date()): Promise<string | null> {
  const firsts = await Promise.all(
    dueArms(now, []).map(async ({ where }) => {
      // Ascending on both, as the index runs: Payload's default tie-break (-createdAt) would make SQLite sort every due row.
      const found = await payload.db.find({
        collection: 'publications',
        where,
        sort: ['nextAttemptAt', 'createdAt'],
        limit: 1,
        pagination: false,
        select: { nextAttemptAt: true },
      })
      return (found.docs[0] as { nextAttemptAt?: string } | undefined)?.nextAttemptAt
    }),
  )
  return firsts.filter((at): at is string => !!at).sort()[0] ?? null
}

const shuffle = <T>(items: T[]) => {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[items[i], items[j]] = [items[j], items[i]]
  }
  return items
}

/**
 * Claims due publications for one worker: one conditional update, "make me the lease holder of
 * those of these ids that are still due", then a read of what carries this claim's token (on
 * SQLite both in plain SQL, see src/db/sqlite/dispatch.ts). Of several workers racing for a
 * publication exactly one gets it. The lease lasts until `leaseMs` after the horizon; if this worker dies, another takes the claims over then, or sooner once its
 * heartbeat says it is dead (`takeOverClaims`).
 */
export async function claimDue(payload: Payload, opts: ClaimOptions): Promise<Claim> {
  const now = opts.now ?? new Date()
  const horizon = new Date(now.getTime() + (opts.lookaheadMs ?? 0))
  const token = `${opts.workerId}:${now.getTime()}:${Math.random().toString(36).slice(2, 8)}`
  // Look further than we will take, in random order, so racing workers mostly miss each other;
  // of the three kinds the longest-waiting first.
  const look = opts.limit * 3
  const ops = dbOps(payload).dispatch
  const heldChannels = opts.heldChannels
  const found = await ops.candidates({ now, horizon, heldChannels, look })
  const oldestFirst = found
    .sort((a, b) => String(a.nextAttemptAt).localeCompare(String(b.nextAttemptAt)))
    .slice(0, look)
  const candidates = shuffle(oldestFirst.map((d) => String(d.id))).slice(0, opts.limit)
  if (!candidates.length) return { token, pubs: [] }
  const lease = {
    status: PublicationStatus.Sending,
    leaseOwner: token,
    leaseWorker: opts.workerId,
    leaseUntil: new Date(horizon.getTime() + opts.leaseMs).toISOString(),
  }
  const pubs = await ops.claim({ candidates, now, horizon, heldChannels, lease })
  return { token, pubs }
}

/** Gives back claims that were not fired (a worker stopping cleanly), so others need not wait for the lease. */
export async function releaseClaims(payload: Payload, pubs: ClaimedPublication[]): Promise<void> {
  for (const pub of pubs) {
    await payload.db.updateOne({
      collection: 'publications',
      where: {
        and: [
          { id: { equals: pub.id } },
          { leaseOwner: { equals: pub.leaseOwner } },
          { status: { equals: PublicationStatus.Sending } },
        ],
      },
      data: {
        status:
          (pub.attemptCount ?? 0) > 0 ? PublicationStatus.Retrying : PublicationStatus.Scheduled,
        leaseOwner: null,
        leaseWorker: null,
        leaseUntil: null,
      },
      options: { atomic: true },
    })
  }
}

/** Of these claims, the ones still ours and still to send (a person may have cancelled meanwhile). */
export async function stillClaimed(
  payload: Payload,
  pubs: ClaimedPublication[],
): Promise<Set<string>> {
  if (!pubs.length) return new Set()
  const tokens = [...new Set(pubs.map((p) => p.leaseOwner))]
  // By token alone, then the status here: with a status condition SQLite walks every "sending" row instead.
  const rows = await dbOps(payload).dispatch.leased(tokens)
  return new Set(
    rows.filter((d) => d.status === PublicationStatus.Sending).map((d) => String(d.id)),
  )
}

/**
 * Ends the leases of workers known dead (see `knownDead`), so their claims are due for the next
 * claim round now instead of when the lease runs out. One conditional update: a claim recorded or
 * released meanwhile is no longer "sending" under that worker and is left alone. Whatever a dead
 * worker had sent but not yet recorded is claimed as in doubt: looked up on platforms that ignore
 * Idempotency-Key, sent again with the same key elsewhere.
 */
export async function takeOverClaims(
  payload: Payload,
  deadWorkers: string[],
  now = new Date(),
  /** Removal jobs are taken over the same way (their leased status is "removing"). */
  jobs: { collection: 'publications' | 'removals'; leased: string } = {
    collection: 'publications',
    leased: PublicationStatus.Sending,
  },
): Promise<number> {
  if (!deadWorkers.length) return 0
  const held: Where = {
    and: [
      { leaseWorker: { in: deadWorkers } },
      { status: { equals: jobs.leased } },
      { leaseUntil: { greater_than_equal: now.toISOString() } },
    ],
  }
  // Read first: a dead worker stays "dead" in every tick until its heartbeat ages out, and an UPDATE
  // that matches nothing would still take the write lock each time.
  const found = await payload.db.count({ collection: jobs.collection, where: held })
  if (!found.totalDocs) return 0
  await dbOps(payload).updates.updateWhere(jobs.collection, held, {
    leaseUntil: new Date(now.getTime() - 1).toISOString(),
  })
  return found.totalDocs
}
