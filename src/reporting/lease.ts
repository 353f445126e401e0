import type { Payload, Where } from 'payload'
import { dbOps } from '@/db'

/**
 * A named lease in `rollup-leases`, taken with one conditional update (like the dispatcher's
 * claims): "make me the holder if nobody holds it or the holder's time ran out". Of two workers
 * racing, the one whose update matched holds it; the other skips this run.
 */
export async function tryLease(
  payload: Payload,
  name: string,
  owner: string,
  ms: number,
  now = new Date(),
): Promise<boolean> {
  const exists = await payload.db.findOne({
    collection: 'rollup-leases',
    where: { name: { equals: name } },
  })
  if (!exists) {
    try {
      await payload.db.create({ collection: 'rollup-leases', data: { name } })
    } catch {
      // Another worker created it first (unique name): fine, race for it below.
    }
  }
  const free: Where = {
    and: [
      { name: { equals: name } },
      {
        or: [
          { until: { exists: false } },
          { until: { equals: null } },
          { until: { less_than: now.toISOString() } },
          { owner: { equals: owner } },
        ],
      },
    ],
  }
  const data = { owner, until: new Date(now.getTime() + ms).toISOString() }
  await dbOps(payload).updates.updateWhere('rollup-leases', free, data)
  const row = await payload.db.findOne<{ id: string; owner?: string }>({
    collection: 'rollup-leases',
    where: { name: { equals: name } },
  })
  return row?.owner === owner
}

/** Gives the lease back (only if still ours) and records when the job last ran. */
export async function releaseLease(payload: Payload, name: string, owner: string): Promise<void> {
  const data = { owner: null, until: null, lastRunAt: new Date().toISOString() }
  const where: Where = { and: [{ name: { equals: name } }, { owner: { equals: owner } }] }
  await dbOps(payload).updates.updateWhere('rollup-leases', where, data)
}
