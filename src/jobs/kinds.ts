import type { Payload } from 'payload'
import { JobKind } from '@/vocabulary'

/** What a running job may tell the runner: where it stands (written to its row while it is still this runner's). */
export type JobContext = {
  id: string
  /** 1 for the first run; more when a worker died under the job and another took it over. */
  attempt: number
  /** Aborted when the runner stops and hands the job back: stop at the next step. */
  signal: AbortSignal
  progress(p: {
    done?: number
    total?: number
    step?: string | null
    result?: unknown
  }): Promise<void>
}

export type JobDefinition<Input> = {
  /** Runs in all (the first and the takeovers after a worker died under it) before it fails for good. */
  maxAttempts: number
  /** Does the work; what it returns is kept as the job's result. A throw fails the job (no retry). */
  run(payload: Payload, input: Input, ctx: JobContext): Promise<unknown>
  /** After the job failed for good, with the message shown: record it where its user looks. */
  onFailed?(payload: Payload, input: Input, message: string): Promise<void>
}

/**
 * Every kind the runner knows. The modules doing the work load when a job first runs, so that
 * importing this list (the runner, the collection's endpoints) pulls nothing in.
 */
export const jobDefinitions: { [K in JobKind]: JobDefinition<never> } = {
  [JobKind.RebuildYear]: {
    maxAttempts: 3,
    run: async (payload, input, ctx) =>
      (await import('@/reporting/rebuildJobs')).runRebuildYear(payload, input, ctx),
  },
  [JobKind.Export]: {
    // An export that freezes a year would freeze it again when rerun: one takeover at most.
    maxAttempts: 2,
    run: async (payload, input) =>
      (await import('@/reporting/export/jobs')).runExportJob(payload, input),
    onFailed: async (payload, input, message) =>
      (await import('@/reporting/export/jobs')).exportFailed(payload, input, message),
  },
}
