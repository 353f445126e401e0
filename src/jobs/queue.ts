import type { Payload } from 'payload'
import type { BackgroundJob } from '@/payload-types'
import { JobState, type JobKind } from '@/vocabulary'

// The runners of this process, woken when a job is queued here (on globalThis: the endpoints run
// in Next's copy of this module, the runner in the server's).
const store = globalThis as typeof globalThis & { __jobRunnerKicks?: Set<() => void> }
export const localRunners = (store.__jobRunnerKicks ??= new Set())

export type EnqueueArgs = {
  kind: JobKind
  input: Record<string, unknown>
  title: string
  /** A job of the same key still queued or running is returned instead of a new one. */
  dedupeKey?: string
  total?: number
  requestedBy?: string | null
}

/**
 * Stores a job for the runners (src/jobs/runner.ts) and wakes this process's: it runs in whichever
 * worker claims it first, and survives a restart of the process that asked for it.
 */
export async function enqueue(payload: Payload, args: EnqueueArgs): Promise<BackgroundJob> {
  if (args.dedupeKey) {
    const same = await payload.find({
      collection: 'background-jobs',
      where: {
        and: [
          { dedupeKey: { equals: args.dedupeKey } },
          { state: { in: [JobState.Queued, JobState.Running] } },
        ],
      },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    if (same.docs[0]) return same.docs[0]
  }
  const job = await payload.create({
    collection: 'background-jobs',
    overrideAccess: true,
    data: {
      kind: args.kind,
      title: args.title,
      input: args.input,
      dedupeKey: args.dedupeKey ?? null,
      state: JobState.Queued,
      done: 0,
      total: args.total ?? null,
      attempts: 0,
      requestedBy: args.requestedBy ?? null,
    },
  })
  for (const kick of localRunners) kick()
  return job
}

/** A job by id, or undefined (a malformed id included). */
export async function findJob(payload: Payload, id: string): Promise<BackgroundJob | undefined> {
  const { docs } = await payload.find({
    collection: 'background-jobs',
    where: { id: { equals: id } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[0]
}
