import type { Payload, Where } from 'payload'

export type ClaimOptions = { workerId: string; limit: number; leaseMs: number; heldChannels: string[]; now?: Date }
export type Claim = { token: string; ids: string[] }

/** Due publications: scheduled or retrying whose time has come, or "sending" ones whose worker's lease ran out. */
export function dueWhere(now: Date, heldChannels: string[]): Where {
  const due: Where = {
    or: [
      { and: [{ status: { in: ['scheduled', 'retrying'] } }, { nextAttemptAt: { less_than_equal: now.toISOString() } }] },
      { and: [{ status: { equals: 'sending' } }, { leaseUntil: { less_than: now.toISOString() } }] },
    ],
  }
  return heldChannels.length ? { and: [due, { channel: { not_in: heldChannels } }] } : due
}

const shuffle = <T>(items: T[]) => {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[items[i], items[j]] = [items[j], items[i]]
  }
  return items
}

/**
 * Claims due publications for one worker. Each claim is a single conditional update, "set me as
 * the lease holder where this id is still due": one UPDATE … WHERE on SQLite, one findOneAndUpdate
 * on MongoDB, so of several workers racing for the same publication exactly one gets it.
 */
export async function claimDue(payload: Payload, opts: ClaimOptions): Promise<Claim> {
  const now = opts.now ?? new Date()
  const token = `${opts.workerId}:${now.getTime()}:${Math.random().toString(36).slice(2, 8)}`
  const where = dueWhere(now, opts.heldChannels)
  // Look a little further than we will take, and in random order, so racing workers mostly miss each other.
  const found = await payload.db.find({ collection: 'publications', where, limit: opts.limit * 3, sort: 'nextAttemptAt', pagination: false, select: { id: true } as never })
  const candidates = shuffle(found.docs.map((d) => String(d.id)))
  const lease = { status: 'sending', leaseOwner: token, leaseUntil: new Date(now.getTime() + opts.leaseMs).toISOString() }
  const ids: string[] = []
  for (const id of candidates) {
    if (ids.length >= opts.limit) break
    const won = await payload.db.updateOne({
      collection: 'publications',
      where: { and: [{ id: { equals: id } }, where] },
      data: lease,
      options: { atomic: true },
      select: { id: true },
    } as never)
    if (won) ids.push(id)
  }
  return { token, ids }
}
