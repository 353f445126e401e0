import type { Payload } from 'payload'
import type { Window } from '@/reporting/window'
import type { runExport } from '@/reporting/export/jobs'

/**
 * The long database work a web process hands to its heavy-work process (src/heavy/index.ts), by
 * name: each takes the process's own Payload and plain data, and answers plain data (what a
 * process boundary carries). The modules are loaded when a job first runs, so that importing this
 * list (the export jobs and the rollup's do) pulls nothing in.
 */
export const heavyJobs = {
  /** The rollup's full rebuild of a year (the nightly run, `npm run report -- --rebuild`). */
  rebuildYear: async (payload: Payload, { year }: { year: number }) =>
    (await import('@/reporting/engine')).rebuildYear(payload, year),

  /** The minute's fold of the months marked stale. */
  refreshDirty: async (payload: Payload, options: { year?: number } = {}) => {
    const r = await (await import('@/reporting/engine')).refreshDirty(payload, options)
    return {
      folded: r.folded,
      marks: r.marks,
      ms: r.ms,
      changedAt: Object.fromEntries(r.changedAt),
    }
  },

  /** A window's cells of some sources (by name): the reports page's rebuild, one source a step. */
  recompute: async (
    payload: Payload,
    { window, sources }: { window: Window; sources: string[] },
  ) => {
    const [{ recompute }, { SOURCES }] = await Promise.all([
      import('@/reporting/engine'),
      import('@/reporting/sources'),
    ])
    const chosen = SOURCES.filter((s) => sources.includes(s.name))
    if (chosen.length !== sources.length)
      throw new Error(
        `Nguồn số liệu không có: ${sources.filter((n) => !chosen.some((s) => s.name === n)).join(', ')}`,
      )
    return recompute(payload, window, chosen)
  },

  /** A backup of the running database (`VACUUM INTO`), its outcome written for the dashboard. */
  backup: async (payload: Payload, { dir }: { dir?: string } = {}) => {
    const { backupDir } = await import('@/backup/backup')
    const { backupWithStatus } = await import('@/backup/status')
    return backupWithStatus(payload, dir ?? backupDir())
  },

  /** An export job the admin asked for (its freezes included); it records its own outcome. */
  export: async (
    payload: Payload,
    { id, job }: { id: string; job: Parameters<typeof runExport>[2] },
  ) => (await import('@/reporting/export/jobs')).runExport(payload, id, job),

  /** Which process runs the heavy work (the tests ask; so may a health check). */
  processId: async () => process.pid,
}

export type HeavyJobs = typeof heavyJobs
export type HeavyKind = keyof HeavyJobs
export type HeavyArgs<K extends HeavyKind> = Parameters<HeavyJobs[K]>[1]
export type HeavyResult<K extends HeavyKind> = Awaited<ReturnType<HeavyJobs[K]>>
