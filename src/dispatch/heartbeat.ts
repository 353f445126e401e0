import os from 'node:os'
import type { Payload } from 'payload'
import { dueWhere, oldestDue } from './claim'

/** Every 10 s: often enough that a silent worker is noticed well within the liveness window, cheap enough to cost nothing. */
export const HEARTBEAT_INTERVAL_S = 10
export const HEARTBEAT_SCHEDULE = `*/${HEARTBEAT_INTERVAL_S} * * * * *`
/** Three missed heartbeats: a worker silent this long is taken for dead (its claims are taken over, it gets no share of a burst). */
export const LIVENESS_WINDOW_MS = 3 * HEARTBEAT_INTERVAL_S * 1000

/** Who a dispatcher process is, as its heartbeat row records it. */
export type WorkerIdentity = { workerId: string; hostname: string; pid: number; startedAt: string }

export type HeartbeatRow = {
  workerId: string
  hostname?: string | null
  pid?: number | null
  startedAt?: string | null
  lastTickAt?: string | null
  stoppedAt?: string | null
}

export const identify = (
  workerId: string,
  startedAt = new Date().toISOString(),
): WorkerIdentity => ({ workerId, hostname: os.hostname(), pid: process.pid, startedAt })

/** Whether a process with this pid exists on this machine (EPERM: it exists, it is another user's). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH'
  }
}

/**
 * Whether the worker behind a heartbeat row is known to be dead, so its claims need not wait for
 * their lease. A clean stop (`stoppedAt`) gave its claims back already and is not "dead". Dead:
 * silent for longer than the liveness window; or, on this machine, its process is gone; or it has
 * our own pid under another id and started before this process did (a restarted container reuses
 * the dead one's pid; a second dispatcher in this same process started after it). Workers sharing a
 * hostname must share a process namespace (each container its own hostname, the default).
 */
export function knownDead(
  row: HeartbeatRow,
  self: WorkerIdentity,
  now = Date.now(),
  alive = pidAlive,
  processStartedAt = PROCESS_STARTED_AT,
): boolean {
  if (row.workerId === self.workerId || row.stoppedAt) return false
  const last = row.lastTickAt ? Date.parse(row.lastTickAt) : Number.NaN
  if (Number.isNaN(last) || now - last > LIVENESS_WINDOW_MS) return true
  if (row.hostname !== self.hostname || typeof row.pid !== 'number') return false
  if (row.pid === self.pid) return !!row.startedAt && Date.parse(row.startedAt) < processStartedAt
  return !alive(row.pid)
}

/** When this process started: a heartbeat with our pid from before then is another, dead process's. */
const PROCESS_STARTED_AT = Date.now() - process.uptime() * 1000

export type WorkerSurvey = { live: number; dead: string[] }

/**
 * The workers that may still hold claims: not stopped cleanly, heard from within `lookbackMs` (a
 * worker silent for longer has no lease left). How many of them are alive, and which are known dead.
 */
export async function surveyWorkers(
  payload: Payload,
  self: WorkerIdentity,
  lookbackMs: number,
  now = Date.now(),
): Promise<WorkerSurvey> {
  const rows = await payload.find({
    collection: 'worker-heartbeats',
    where: {
      and: [
        { lastTickAt: { greater_than: new Date(now - lookbackMs).toISOString() } },
        { stoppedAt: { exists: false } },
      ],
    },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: {
      workerId: true,
      hostname: true,
      pid: true,
      startedAt: true,
      lastTickAt: true,
      stoppedAt: true,
    },
  })
  const dead: string[] = []
  let live = 0
  for (const row of rows.docs as unknown as HeartbeatRow[]) {
    if (knownDead(row, self, now)) dead.push(row.workerId)
    else live++
  }
  return { live, dead }
}

/**
 * Writes this worker's heartbeat row: alive now, queue depth and oldest overdue item (the admin
 * dashboard shows them), what it sent. The row's id is remembered, so a beat is one write after the first.
 */
export function createHeartbeat(
  payload: Payload,
  self: WorkerIdentity,
  stats: () => { sent: number; failed: number; stopping: boolean },
) {
  let rowId: string | undefined
  return async function heartbeat(): Promise<void> {
    const now = new Date()
    const [depth, oldest] = await Promise.all([
      payload.count({ collection: 'publications', where: dueWhere(now, []), overrideAccess: true }),
      oldestDue(payload, now),
    ])
    const { sent, failed, stopping } = stats()
    const data = {
      ...self,
      lastTickAt: new Date().toISOString(),
      queueDepth: depth.totalDocs,
      oldestOverdueAt: oldest,
      sent,
      failed,
      stoppedAt: stopping ? new Date().toISOString() : null,
    }
    if (rowId) {
      try {
        await payload.update({
          collection: 'worker-heartbeats',
          id: rowId,
          data,
          overrideAccess: true,
        })
        return
      } catch (err) {
        // An admin deleted the row meanwhile: write a new one.
        if ((err as { status?: number }).status !== 404) throw err
      }
    }
    const existing = await payload.find({
      collection: 'worker-heartbeats',
      where: { workerId: { equals: self.workerId } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    if (existing.docs[0]) {
      rowId = String(existing.docs[0].id)
      await payload.update({
        collection: 'worker-heartbeats',
        id: rowId,
        data,
        overrideAccess: true,
      })
    } else {
      rowId = String(
        (await payload.create({ collection: 'worker-heartbeats', data, overrideAccess: true })).id,
      )
    }
  }
}
