/**
 * Contract of DispatchOps (src/db), through the dispatcher's own calls (claimDue, stillClaimed,
 * takeOverClaims, recordOutcomes): due publications are claimed once, held channels and content
 * not yet linked are skipped, a dead worker's claim comes back "in doubt", outcomes are recorded
 * only under the lease they were claimed with; withdrawn publications' removal jobs are claimed the
 * same way (`claimRemovals`). Run on the test database (SQLite; a real MongoDB
 * server with TEST_MONGODB_URI) and on the MongoDB implementation over mingo.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { claimDue, stillClaimed, takeOverClaims } from '@/dispatch/claim'
import { recordOutcomes } from '@/dispatch/record'
import { claimRemovals, REMOVAL_JOBS } from '@/dispatch/removals'
import { SITE_CHANGES } from '@/web/siteChanges'
import {
  AttemptOutcome,
  ChannelStatus,
  DocStatus,
  PublicationStatus,
  RemovalStatus,
} from '@/vocabulary'
import { createUnit } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'
import { mingoPayload } from './db-mingo'

type Seed = {
  status: PublicationStatus
  nextAttemptAt: string
  leaseUntil?: string
  leaseWorker?: string
  leaseOwner?: string
  held?: boolean
  /** No content link yet (SQLite writes it just after the row). */
  unlinked?: boolean
}
type Target = {
  payload: Payload
  heldChannel: string
  seed: (rows: Seed[]) => Promise<string[]>
}

const stateOf = (s: Seed) => ({
  status: s.status,
  nextAttemptAt: s.nextAttemptAt,
  leaseUntil: s.leaseUntil ?? null,
  leaseWorker: s.leaseWorker ?? null,
  leaseOwner: s.leaseOwner ?? null,
})

/** Real publications through the Local API (content links and all), then set to the seeded state through the adapter. */
async function realTarget(): Promise<Target> {
  const payload = await testPayload()
  const unit = await createUnit(payload, 'Báo Tây Ninh')
  const channel = async (name: string) =>
    String(
      (
        await payload.create({
          collection: 'channels',
          data: {
            name,
            kind: 'webhook',
            settings: { url: 'http://127.0.0.1:9/nhan-tin' },
            credentials: { signingSecret: 'khoa-ky-thu' },
            status: ChannelStatus.Active,
          },
          overrideAccess: true,
        })
      ).id,
    )
  const [main, held] = [await channel('Cổng TTĐT tỉnh'), await channel('Trang Facebook tỉnh')]
  const article = await payload.create({
    collection: 'articles',
    data: { title: 'Chuyển đổi số', ownerUnit: unit.id, _status: DocStatus.Published, sapo: 'CĐS' },
    overrideAccess: true,
  })
  const seed = async (rows: Seed[]) => {
    const ids: string[] = []
    for (const row of rows) {
      const pub = await payload.create({
        collection: 'publications',
        data: {
          content: { relationTo: 'articles', value: article.id },
          channel: row.held ? held : main,
          scheduledAt: row.nextAttemptAt,
          status: PublicationStatus.Scheduled,
        } as never,
        overrideAccess: true,
        context: { dispatcher: true },
      })
      await payload.db.updateOne({
        collection: 'publications',
        id: pub.id,
        data: stateOf(row),
        returning: false,
      })
      if (row.unlinked)
        await payload.db.updateOne({
          collection: 'publications',
          id: pub.id,
          data: { content: null },
          returning: false,
        })
      ids.push(String(pub.id))
    }
    return ids
  }
  return { payload, heldChannel: held, seed }
}

/** The same publications as MongoDB stores them (depth 0), in mingo's memory. */
async function mingoTarget(): Promise<Target> {
  const payload = mingoPayload()
  let n = 0
  const seed = async (rows: Seed[]) => {
    const ids: string[] = []
    for (const row of rows) {
      const doc = await payload.db.create({
        collection: 'publications',
        data: {
          ...(row.unlinked ? {} : { content: { relationTo: 'articles', value: 'a1' } }),
          channel: row.held ? 'c-held' : 'c-main',
          scheduledAt: row.nextAttemptAt,
          idempotencyKey: `k${++n}`,
          attempts: [],
          ...stateOf(row),
        },
      })
      ids.push(String(doc.id))
    }
    return ids
  }
  return { payload, heldChannel: 'c-held', seed }
}

const TARGETS: [string, () => Promise<Target>][] = [
  [process.env.TEST_MONGODB_URI ? 'MongoDB server' : 'SQLite', realTarget],
  ['MongoDB over mingo', mingoTarget],
]

describe.each(TARGETS)('DispatchOps on %s', (_, start) => {
  let t: Target
  const now = new Date('2026-12-05T01:00:00.000Z')
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString()
  const read = async (id: string) =>
    (await t.payload.db.findOne<{ id: string } & Record<string, any>>({
      collection: 'publications',
      where: { id: { equals: id } },
    }))!
  let ids: Record<string, string>

  beforeAll(async () => {
    t = await start()
    const names = ['due', 'retrying', 'later', 'crashed', 'heldDue', 'unlinked', 'deadLease']
    const seeded = await t.seed([
      { status: PublicationStatus.Scheduled, nextAttemptAt: at(-1) },
      { status: PublicationStatus.Retrying, nextAttemptAt: at(-2) },
      { status: PublicationStatus.Scheduled, nextAttemptAt: at(60) },
      // A worker crashed mid-send and its lease ran out.
      {
        status: PublicationStatus.Sending,
        nextAttemptAt: at(-30),
        leaseUntil: at(-1),
        leaseWorker: 'w-crashed',
        leaseOwner: 'w-crashed:1',
      },
      { status: PublicationStatus.Scheduled, nextAttemptAt: at(-1), held: true },
      { status: PublicationStatus.Scheduled, nextAttemptAt: at(-1), unlinked: true },
      // A worker known dead whose lease has ten minutes to run.
      {
        status: PublicationStatus.Sending,
        nextAttemptAt: at(-5),
        leaseUntil: at(10),
        leaseWorker: 'w-dead',
        leaseOwner: 'w-dead:1',
      },
    ])
    ids = Object.fromEntries(names.map((name, i) => [name, seeded[i]]))
  })

  it('claims what is due once: not later ones, not held channels, not unlinked content; a crashed send is in doubt', async () => {
    const options = { limit: 10, leaseMs: 60_000, now }
    const first = await claimDue(t.payload, { ...options, workerId: 'w1', heldChannels: [t.heldChannel] })
    const claimed = new Map(first.pubs.map((p) => [String(p.id), p]))
    expect([...claimed.keys()].sort()).toEqual([ids.due, ids.retrying, ids.crashed].sort())
    expect(claimed.get(ids.crashed)!.outcomeUnknown).toBe(true)
    expect(claimed.get(ids.due)!.outcomeUnknown).toBeFalsy()
    for (const pub of first.pubs) {
      expect(pub.leaseOwner).toBe(first.token)
      expect(pub.status).toBe(PublicationStatus.Sending)
      expect(pub.content).toMatchObject({ relationTo: 'articles' })
    }
    expect((await read(ids.due)).leaseWorker).toBe('w1')

    // A second worker finds only what the first one could not take: the held channel's.
    const second = await claimDue(t.payload, { ...options, workerId: 'w2', heldChannels: [] })
    expect(second.pubs.map((p) => String(p.id))).toEqual([ids.heldDue])

    // A person cancels one meanwhile: it is no longer the first worker's to send.
    await t.payload.db.updateOne({
      collection: 'publications',
      id: ids.retrying,
      data: { status: PublicationStatus.Cancelled },
      returning: false,
    })
    expect([...(await stillClaimed(t.payload, first.pubs))].sort()).toEqual(
      [ids.due, ids.crashed].sort(),
    )
  })

  it("ends a dead worker's leases, and its claim is taken again in doubt", async () => {
    expect(await takeOverClaims(t.payload, ['w-dead'], now)).toBe(1)
    // Already ended: nothing more to take over.
    expect(await takeOverClaims(t.payload, ['w-dead'], now)).toBe(0)
    const third = await claimDue(t.payload, {
      workerId: 'w3',
      limit: 10,
      leaseMs: 60_000,
      heldChannels: [],
      now,
    })
    expect(third.pubs.map((p) => [String(p.id), !!p.outcomeUnknown])).toEqual([
      [ids.deadLease, true],
    ])
  })

  it('records outcomes under their lease only, with one site-change mark when something went out on the public page', async () => {
    const marks = async () =>
      (await t.payload.db.count({ collection: SITE_CHANGES, where: { source: { equals: 'publications' } } }))
        .totalDocs
    const before = await marks()
    const due = await read(ids.due)
    const crashed = await read(ids.crashed)
    const attempt = (message: string) => ({
      at: now.toISOString(),
      outcome: AttemptOutcome.Success,
      message,
      worker: 'w1',
    })
    const errors: string[] = []
    // A send to a channel other than the dedicated page changes no public page: no mark.
    await recordOutcomes(
      t.payload,
      [
        {
          pub: { id: ids.crashed, leaseOwner: 'someone-else' },
          attempt: attempt('Không được ghi'),
          changes: { status: PublicationStatus.Published },
        },
      ],
      (pub, err) => errors.push(`${pub.id}: ${err.message}`),
      () => false,
    )
    expect(await marks()).toBe(before)
    await recordOutcomes(
      t.payload,
      [
        {
          pub: { id: ids.due, leaseOwner: due.leaseOwner },
          attempt: attempt('Đã đăng'),
          changes: { status: PublicationStatus.Published, remoteId: 'r-1' },
        },
        // A stale lease token: this worker lost the claim, so nothing is written.
        {
          pub: { id: ids.crashed, leaseOwner: 'someone-else' },
          attempt: attempt('Không được ghi'),
          changes: { status: PublicationStatus.Published },
        },
      ],
      (pub, err) => errors.push(`${pub.id}: ${err.message}`),
      () => true,
    )
    expect(errors).toEqual([])
    const published = await read(ids.due)
    expect(published).toMatchObject({
      status: PublicationStatus.Published,
      remoteId: 'r-1',
      leaseOwner: null,
      leaseWorker: null,
      leaseUntil: null,
    })
    expect(published.attempts.map((a: { message: string }) => a.message)).toEqual(['Đã đăng'])
    const untouched = await read(ids.crashed)
    expect(untouched).toMatchObject({ status: PublicationStatus.Sending, leaseOwner: crashed.leaseOwner })
    expect(untouched.attempts ?? []).toEqual([])
    expect((await marks()) - before).toBe(1)
  })
})

/** The removal jobs need no channels nor content: the bare databases. */
const REMOVAL_TARGETS: [string, () => Promise<Payload>][] = [
  [TARGETS[0][0], testPayload],
  ['MongoDB over mingo', async () => mingoPayload()],
]

describe.each(REMOVAL_TARGETS)('DispatchOps.claimRemovals on %s', (_, start) => {
  let payload: Payload
  const now = new Date('2026-12-05T01:00:00.000Z')
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString()
  const ids: Record<string, string> = {}
  const claim = (workerId: string) => claimRemovals(payload, { workerId, limit: 10, leaseMs: 60_000, now })

  beforeAll(async () => {
    payload = await start()
    // Through the adapter, no hooks: the jobs as a withdrawal leaves them, in every state.
    const withdrawal = await payload.db.create({
      collection: 'withdrawals',
      data: { reason: 'Thử', scope: 'content', contentTitle: 'Bài thử' },
    })
    const rows: [string, Record<string, unknown>][] = [
      ['pending', { status: RemovalStatus.Pending, nextAttemptAt: at(0) }],
      ['retryingDue', { status: RemovalStatus.Retrying, nextAttemptAt: at(-1) }],
      ['retryingLater', { status: RemovalStatus.Retrying, nextAttemptAt: at(5) }],
      ['done', { status: RemovalStatus.Done, nextAttemptAt: at(-10) }],
      ['manual', { status: RemovalStatus.Manual, nextAttemptAt: at(-10) }],
      // A worker died mid-removal and its lease ran out.
      [
        'crashed',
        { status: RemovalStatus.Removing, nextAttemptAt: at(-10), leaseUntil: at(-1), leaseWorker: 'w-crashed', leaseOwner: 'w-crashed:1' },
      ],
      // A worker known dead whose lease has ten minutes to run.
      [
        'deadLease',
        { status: RemovalStatus.Removing, nextAttemptAt: at(-10), leaseUntil: at(10), leaseWorker: 'w-dead', leaseOwner: 'w-dead:1' },
      ],
    ]
    for (const [name, state] of rows) {
      const doc = await payload.db.create({
        collection: 'removals',
        data: { withdrawal: withdrawal.id, channelName: name, attemptCount: 1, attempts: [], ...state },
      })
      ids[name] = String(doc.id)
    }
  })

  it('claims what is due once (pending, retrying due, a crashed worker’s), nothing when nothing is due', async () => {
    const first = await claim('w1')
    expect(first.map((j) => j.id).sort()).toEqual([ids.pending, ids.retryingDue, ids.crashed].sort())
    for (const job of first) expect(job).toMatchObject({ leaseOwner: first[0].leaseOwner, attemptCount: 1 })
    const stored = await payload.db.findOne<{ id: string } & Record<string, any>>({
      collection: 'removals',
      where: { id: { equals: ids.pending } },
    })
    expect(stored).toMatchObject({ status: RemovalStatus.Removing, leaseWorker: 'w1' })
    // A second worker finds nothing left.
    expect(await claim('w2')).toEqual([])
  })

  it("ends a dead worker's removal leases, and the job is claimed again", async () => {
    expect(await takeOverClaims(payload, ['w-dead'], now, REMOVAL_JOBS)).toBe(1)
    expect(await takeOverClaims(payload, ['w-dead'], now, REMOVAL_JOBS)).toBe(0)
    expect((await claim('w3')).map((j) => j.id)).toEqual([ids.deadLease])
  })
})
