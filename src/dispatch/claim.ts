import type { Payload, Where } from 'payload'
import { CONTENT_KINDS, PublicationStatus, READY } from '@/vocabulary'
import { sqliteCandidates, sqliteClaim, sqliteLeased } from './sqlite'

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
  outcomeUnknown: true,
} as const

export type ClaimedPublication = {
  id: string
  status: PublicationStatus
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
  /** An earlier send may have reached the platform unanswered: look it up before sending. */
  outcomeUnknown?: boolean | null
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
 * The three kinds of publication a worker may take: scheduled ones and retrying ones due by
 * `horizon`, and "sending" ones whose worker's lease ran out before `now` (a crashed worker's
 * claims). Each is one range of a composite index, (status, nextAttemptAt, createdAt) or
 * (status, leaseUntil), read in index order: asked apart, each stops after its first rows however
 * deep the queue is, where their `or` made the database visit every due row and sort them all.
 */
function dueArms(
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

/**
 * On SQLite a publication's content link lives in a side table, written just after its row (there
 * are no transactions) and rewritten on every save: a row seen in between is not ready yet, not
 * "content deleted". Candidates must have it; the atomic claim cannot join, so only the pick does.
 */
const contentLinked: Where = {
  or: CONTENT_KINDS.map((kind) => ({ 'content.relationTo': { equals: kind } })),
}

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
async function updateWhere(
  payload: Payload,
  where: Where,
  data: Record<string, unknown>,
): Promise<void> {
  if (payload.db.name === 'sqlite') {
    await payload.db.updateOne({
      collection: 'publications',
      where,
      data,
      options: { atomic: true },
      returning: false,
    })
  } else {
    await payload.db.updateMany({
      collection: 'publications',
      where,
      data,
      returning: false,
    })
  }
}

/**
 * Claims due publications for one worker: one conditional update, "make me the lease holder of
 * those of these ids that are still due", then a read of what carries this claim's token (on
 * SQLite both in plain SQL, see sqlite.ts). Of several workers racing for a publication exactly one gets it. The lease lasts until `leaseMs`
 * after the horizon; if this worker dies, another takes the claims over then, or sooner once its
 * heartbeat says it is dead (`takeOverClaims`).
 */
export async function claimDue(payload: Payload, opts: ClaimOptions): Promise<Claim> {
  const now = opts.now ?? new Date()
  const horizon = new Date(now.getTime() + (opts.lookaheadMs ?? 0))
  const token = `${opts.workerId}:${now.getTime()}:${Math.random().toString(36).slice(2, 8)}`
  // Look further than we will take, in random order, so racing workers mostly miss each other;
  // of the three kinds the longest-waiting first.
  const look = opts.limit * 3
  const sqlite = payload.db.name === 'sqlite'
  const found = sqlite
    ? await sqliteCandidates(payload, { now, horizon, heldChannels: opts.heldChannels, look })
    : (
        await Promise.all(
          dueArms(now, opts.heldChannels, horizon).map(({ where, sort }) =>
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
      ).flatMap((f) => f.docs as unknown as { id: string; nextAttemptAt?: string | null }[])
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
  if (sqlite) {
    const pubs = await sqliteClaim(payload, {
      candidates,
      now,
      horizon,
      heldChannels: opts.heldChannels,
      lease,
    })
    return { token, pubs }
  }
  // A claim taken over from "sending" (its worker died mid-send) is in doubt: two updates, the
  // READY arms first, whose rows then no longer match the "sending" arm's condition.
  const arms = dueArms(now, opts.heldChannels, horizon)
  const readyArms = arms.slice(0, -1)
  const sendingArm = arms[arms.length - 1]
  await updateWhere(
    payload,
    { and: [{ id: { in: candidates } }, { or: readyArms.map((arm) => arm.where) }] },
    lease,
  )
  await updateWhere(
    payload,
    { and: [{ id: { in: candidates } }, sendingArm.where] },
    { ...lease, outcomeUnknown: true },
  )
  const mine = await payload.db.find({
    collection: 'publications',
    where: { leaseOwner: { equals: token } },
    limit: 0,
    pagination: false,
    select: PUBLICATION_FIELDS,
  })
  return { token, pubs: mine.docs as unknown as ClaimedPublication[] }
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
  const rows =
    payload.db.name === 'sqlite'
      ? await sqliteLeased(payload, tokens)
      : ((
          await payload.db.find({
            collection: 'publications',
            where: { leaseOwner: { in: tokens } },
            limit: 0,
            pagination: false,
            select: { id: true, status: true },
          })
        ).docs as unknown as { id: string; status: string }[])
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
): Promise<number> {
  if (!deadWorkers.length) return 0
  const held: Where = {
    and: [
      { leaseWorker: { in: deadWorkers } },
      { status: { equals: PublicationStatus.Sending } },
      { leaseUntil: { greater_than_equal: now.toISOString() } },
    ],
  }
  // Read first: a dead worker stays "dead" in every tick until its heartbeat ages out, and an UPDATE
  // that matches nothing would still take the write lock each time.
  const found = await payload.db.count({ collection: 'publications', where: held })
  if (!found.totalDocs) return 0
  await updateWhere(payload, held, { leaseUntil: new Date(now.getTime() - 1).toISOString() })
  return found.totalDocs
}
