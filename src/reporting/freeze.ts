import crypto from 'node:crypto'
import os from 'node:os'
import { APIError, type Payload, type PayloadRequest } from 'payload'
import { LEASE } from './cron'
import { refreshDirty, yearChangedAt } from './engine'
import { releaseLease, tryLease } from './lease'

const env = (name: string, fallback: number) => Number(process.env[name] || fallback)

/** A freeze that could not take the rollup's lease in time: a Vietnamese message, nothing frozen. */
export class FreezeBusyError extends APIError {
  constructor(message: string) {
    super(message, 409, undefined, true)
  }
}

/** What a freeze folded before copying the cells, and the newest change the snapshot includes. */
export type Folded = { marks: number; months: number; changedAt: string | null }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Takes the rollup's lease for a freeze, waiting for a run in progress (a rebuild, the minute's
 * fold) up to ROLLUP_FREEZE_WAIT_MS (default 60 s); refuses after that. The lease is held
 * for ROLLUP_LEASE_MS like the jobs', so a crashed freeze frees it in time.
 */
export async function takeFreezeLease(payload: Payload): Promise<string> {
  const owner = `freeze:${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`
  const deadline = Date.now() + env('ROLLUP_FREEZE_WAIT_MS', 60_000)
  for (;;) {
    if (await tryLease(payload, LEASE, owner, env('ROLLUP_LEASE_MS', 10 * 60_000))) return owner
    if (Date.now() >= deadline)
      throw new FreezeBusyError(
        'Số liệu đang được tổng hợp (một lần tổng hợp lại đang chạy); chưa chốt được. Vui lòng thử lại sau ít phút.',
      )
    await sleep(250)
  }
}

export const releaseFreezeLease = (payload: Payload, owner: string) =>
  releaseLease(payload, LEASE, owner)

/**
 * Folds the year's pending changes (its `rollup-dirty` marks) into its cells, so the snapshot taken
 * next holds every change saved before the freeze. Call it holding the lease.
 */
export async function foldYear(payload: Payload, year: number): Promise<Folded> {
  const r = await refreshDirty(payload, { year })
  return {
    marks: r.marks,
    months: r.folded.reduce((n, f) => n + f.months.length, 0),
    changedAt: r.changedAt.get(year) ?? (await yearChangedAt(payload, year)),
  }
}

/** The newest change to the year's figures: folded into its cells, or still pending. */
export async function latestChangeOf(payload: Payload, year: number): Promise<string | null> {
  const pending = await payload.find({
    collection: 'rollup-dirty',
    where: { year: { equals: year } },
    sort: '-createdAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const folded = await yearChangedAt(payload, year)
  const waiting = pending.docs[0]?.createdAt ?? null
  return !folded ? waiting : !waiting ? folded : waiting > folded ? waiting : folded
}

/** "Đã cập nhật 3 thay đổi (2 tháng) trước khi chốt." or that nothing was pending. */
export const foldedMessage = (f: Pick<Folded, 'marks' | 'months'>) =>
  f.marks
    ? `Đã cập nhật ${f.marks} thay đổi còn chờ (${f.months} tháng) vào số liệu trước khi chốt.`
    : 'Không có thay đổi nào còn chờ tổng hợp: số liệu đã mới nhất khi chốt.'

/** The request context key under which a snapshot being created holds its lease and fold. */
export const FREEZE_CONTEXT = 'rollupFreeze'
export type FreezeContext = { owner: string; folded: Folded }
export const freezeContextOf = (req: PayloadRequest) =>
  req.context?.[FREEZE_CONTEXT] as FreezeContext | undefined

/**
 * Freezes a year through the Local API: the snapshot's hooks take the lease, fold the pending
 * changes and copy the cells (collections/RollupSnapshots.ts). If the create fails after the lease
 * was taken (the Local API calls no afterError hook), the lease is given back here.
 */
export async function freezeYear(
  payload: Payload,
  year: number,
  options: { note?: string; user?: Record<string, unknown> | null } = {},
) {
  const context: Record<string, unknown> = {}
  try {
    const snapshot = await payload.create({
      collection: 'rollup-snapshots',
      overrideAccess: true,
      ...(options.user ? { user: options.user } : {}),
      context,
      data: { year, ...(options.note ? { note: options.note } : {}) },
    })
    return snapshot
  } finally {
    const held = context[FREEZE_CONTEXT] as FreezeContext | undefined
    if (held) await releaseFreezeLease(payload, held.owner)
  }
}

/**
 * How a snapshot stands against the live data: the newest change it includes (`dataAsOf`; older
 * snapshots, taken before it was recorded, count from their freeze time) and the newest change to
 * the year now. `stale`: a change arrived after the freeze.
 */
export async function freshnessOf(
  payload: Payload,
  snapshot: { year: number; dataAsOf?: string | null; takenAt?: string | null },
) {
  const latest = await latestChangeOf(payload, snapshot.year)
  const asOf = snapshot.dataAsOf ?? snapshot.takenAt ?? null
  return {
    dataAsOf: snapshot.dataAsOf ?? null,
    latestChange: latest,
    stale: !!latest && (!asOf || latest > asOf),
  }
}
