/**
 * Contract of ConditionalUpdates (src/db): "update every row that still matches", which the
 * leases (reporting/lease.ts) and the dispatcher's takeovers rest on. Run on the test database
 * (SQLite; a real MongoDB server with TEST_MONGODB_URI) and on the MongoDB implementation over mingo.
 */
import type { Payload, Where } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { dbOps } from '@/db'
import { releaseLease, tryLease } from '@/reporting/lease'
import { testPayload } from '../helpers/payload'
import { mingoPayload } from './db-mingo'

const TARGETS: [string, () => Promise<Payload>][] = [
  [process.env.TEST_MONGODB_URI ? 'MongoDB server' : 'SQLite', testPayload],
  ['MongoDB over mingo', async () => mingoPayload()],
]

const owners = async (payload: Payload, names: string[]) => {
  const found = await payload.db.find({
    collection: 'rollup-leases',
    where: { name: { in: names } },
    limit: 0,
    pagination: false,
  })
  return Object.fromEntries(
    (found.docs as unknown as { name: string; owner?: string | null }[]).map((d) => [
      d.name,
      d.owner ?? null,
    ]),
  )
}

describe.each(TARGETS)('ConditionalUpdates on %s', (_, start) => {
  let payload: Payload
  beforeAll(async () => {
    payload = await start()
  })

  it('updates every row that matches and only those; a row taken first no longer matches', async () => {
    const names = ['cu-a', 'cu-b', 'cu-c']
    for (const name of names) await payload.db.create({ collection: 'rollup-leases', data: { name } })
    const free = (of: string[]): Where => ({
      and: [{ name: { in: of } }, { or: [{ owner: { exists: false } }, { owner: { equals: null } }] }],
    })
    const { updateWhere } = dbOps(payload).updates
    await updateWhere('rollup-leases', free(['cu-a', 'cu-b']), { owner: 'first' })
    expect(await owners(payload, names)).toEqual({ 'cu-a': 'first', 'cu-b': 'first', 'cu-c': null })
    // The loser of the race: its condition (still free) matches only what is left.
    await updateWhere('rollup-leases', free(names), { owner: 'second' })
    expect(await owners(payload, names)).toEqual({ 'cu-a': 'first', 'cu-b': 'first', 'cu-c': 'second' })
  })

  it('a lease has one holder until it runs out or is given back by its holder', async () => {
    const t0 = new Date('2026-12-05T01:00:00.000Z')
    const later = (ms: number) => new Date(t0.getTime() + ms)
    expect(await tryLease(payload, 'cu-lease', 'worker-1', 60_000, t0)).toBe(true)
    expect(await tryLease(payload, 'cu-lease', 'worker-2', 60_000, later(1_000))).toBe(false)
    // Its holder may renew it.
    expect(await tryLease(payload, 'cu-lease', 'worker-1', 60_000, later(2_000))).toBe(true)
    // Someone else's release changes nothing.
    await releaseLease(payload, 'cu-lease', 'worker-2')
    expect(await tryLease(payload, 'cu-lease', 'worker-2', 60_000, later(3_000))).toBe(false)
    // Run out (renewed at +2 s for a minute): taken over.
    expect(await tryLease(payload, 'cu-lease', 'worker-2', 60_000, later(63_000))).toBe(true)
    expect(await tryLease(payload, 'cu-lease', 'worker-1', 60_000, later(64_000))).toBe(false)
    await releaseLease(payload, 'cu-lease', 'worker-2')
    expect(await tryLease(payload, 'cu-lease', 'worker-1', 60_000, later(65_000))).toBe(true)
    const rows = await payload.db.find({
      collection: 'rollup-leases',
      where: { name: { equals: 'cu-lease' } },
      limit: 0,
      pagination: false,
    })
    expect(rows.docs).toHaveLength(1)
    expect((rows.docs[0] as { lastRunAt?: unknown }).lastRunAt).toBeTruthy()
  })
})
