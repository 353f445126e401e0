import type { Payload } from 'payload'
import { heavyJobs, type HeavyArgs, type HeavyKind, type HeavyResult } from './jobs'

/**
 * Long database work off the web process's event loop. SQLite's driver (libsql) runs its calls on
 * the event loop of the process that makes them, so while the rollup rebuilds a year, folds the
 * minute's changes, or a backup or an export runs, a process doing it serves no page and sends no
 * publication. The web process (and `npm run worker`) therefore hands that work to a child process
 * of its own, with its own Payload and database connection (SQLite in WAL mode: readers and the
 * one writer share the file; MongoDB: another client): `startHeavyProcess()` (process.ts) at start-up, then
 * `heavyWork(payload).run(kind, args)` wherever the work is started. Without it (the command-line
 * tools, the tests that do not ask for it, the child itself) the same job runs in the caller's
 * process, so the code that starts work does not depend on where it runs.
 *
 * The child is started at the first job and stopped after `HEAVY_IDLE_MS` without one (default
 * 10 minutes; the rollup's minute fold keeps it alive in `npm start`). A job's error comes back
 * as an Error with its message; if the child dies, every job it held fails with a Vietnamese
 * message, and the next job starts a new child.
 */
export type HeavyWork = {
  run: <K extends HeavyKind>(kind: K, args: HeavyArgs<K>) => Promise<HeavyResult<K>>
  /** The child's process id while it runs (undefined: none now, or the work runs inline). */
  pid: () => number | undefined
  stop: () => Promise<void>
}

export type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { message: string; name: string; stack?: string } }

// On globalThis: Next may load this module apart from the server's copy, and the endpoints it runs
// (the reports page's rebuild, exports) must find the process the server started.
export const heavyStore = globalThis as typeof globalThis & { __heavyWork?: HeavyWork }

const inline = (payload: Payload): HeavyWork => ({
  run: (kind, args) =>
    (heavyJobs[kind] as (p: Payload, a: unknown) => Promise<never>)(payload, args),
  pid: () => undefined,
  stop: async () => {},
})

/** Where this process's heavy work runs: its heavy-work process when one was started, else here. */
export const heavyWork = (payload: Payload): HeavyWork => heavyStore.__heavyWork ?? inline(payload)
