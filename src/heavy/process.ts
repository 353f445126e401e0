import { fork, type ChildProcess } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { heavyStore, type HeavyWork, type Reply } from '.'
import type { HeavyResult } from './jobs'

// Apart from index.ts: only the server and the worker start the child, and Next's bundler, which
// takes in index.ts through the endpoints, would read fork's path as a module to bundle.

/**
 * Whether the server or worker starts the child: `HEAVY_WORK=process`. `npm start` sets it unless
 * told otherwise (scripts/start.ts): with the rebuild of a million-publication year in the child,
 * the home page's p99 under 50 connections stayed in the hundreds of milliseconds and sends went
 * on at their rate, against seconds and a stalled dispatcher inline (bench:stall,
 * docs/performance.md). Inline elsewhere by default (tests, `npm run worker`): the child is a
 * second Payload in memory.
 */
export const heavyProcessWanted = (choice?: 'process' | 'inline') =>
  (choice ?? process.env.HEAVY_WORK ?? 'inline') === 'process'

/** The child's nice value (`HEAVY_NICE`, 0-19; default 10): lower priority than the web process. */
const heavyNice = () => {
  const n = Number(process.env.HEAVY_NICE ?? 10)
  return Number.isInteger(n) && n >= 0 && n <= 19 ? n : 10
}

/** Starts handing heavy work to a child process (its Payload starts with the first job). */
export function startHeavyProcess(options: { idleMs?: number } = {}): HeavyWork {
  if (heavyStore.__heavyWork) return heavyStore.__heavyWork
  const idleMs = options.idleMs ?? Number(process.env.HEAVY_IDLE_MS || 10 * 60_000)
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  let child: ChildProcess | undefined
  let ready: Promise<ChildProcess> | undefined
  let nextId = 1
  let idle: NodeJS.Timeout | undefined
  let stopping = false
  const inflight = new Set<Promise<unknown>>()

  const failAll = (message: string) => {
    for (const [id, p] of pending) {
      pending.delete(id)
      p.reject(new Error(message))
    }
  }

  const spawnChild = () =>
    new Promise<ChildProcess>((resolve, reject) => {
      const proc = fork(path.join(root, 'src/heavy/child.ts'), [], {
        cwd: root,
        execArgv: ['--import', 'tsx', '--import', path.join(root, 'src/preload.ts')],
        env: { ...process.env, HEAVY_CHILD: '1' },
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      })
      child = proc
      // Background priority: the child's work can wait, the web process's requests cannot, and
      // on two cores a rebuild otherwise takes the core they need (bench:stall).
      if (proc.pid) {
        try {
          os.setPriority(proc.pid, heavyNice())
        } catch {
          // Not allowed here: the child runs at the parent's priority.
        }
      }
      proc.on('message', (msg: Reply | { ready: true }) => {
        if ('ready' in msg) return resolve(proc)
        const p = pending.get(msg.id)
        if (!p) return
        pending.delete(msg.id)
        if (msg.ok) p.resolve(msg.value)
        else {
          const err = new Error(msg.error.message)
          err.name = msg.error.name
          if (msg.error.stack)
            err.stack = `${msg.error.stack}\n    (trong tiến trình xử lý nền ${proc.pid})`
          p.reject(err)
        }
        armIdle()
      })
      proc.once('exit', (code, signal) => {
        if (child === proc) {
          child = undefined
          ready = undefined
        }
        const why = `Tiến trình xử lý nền dừng đột ngột (${signal ?? `mã ${code}`}); việc đang làm dở không xong, hãy thử lại.`
        reject(new Error(why))
        failAll(why)
      })
    })

  function armIdle() {
    clearTimeout(idle)
    if (pending.size || !child) return
    const proc = child
    idle = setTimeout(() => {
      if (!pending.size && child === proc) void shutdown(proc)
    }, idleMs)
    idle.unref()
  }

  /** Asks the child to close its database and leave; forces it after 30 s. */
  async function shutdown(proc: ChildProcess) {
    if (child === proc) {
      child = undefined
      ready = undefined
    }
    if (proc.exitCode !== null || proc.signalCode !== null) return
    const exited = new Promise((r) => proc.once('exit', r))
    proc.disconnect()
    const force = setTimeout(() => proc.kill('SIGKILL'), 30_000)
    await exited
    clearTimeout(force)
  }

  const work: HeavyWork = {
    run: async (kind, args) => {
      if (stopping) throw new Error('Máy chủ đang dừng: không nhận việc nền mới.')
      clearTimeout(idle)
      ready ??= spawnChild()
      const proc = await ready
      const id = nextId++
      const result = new Promise<HeavyResult<typeof kind>>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
        proc.send({ id, kind, args })
      })
      inflight.add(result)
      void result.catch(() => {}).finally(() => inflight.delete(result))
      return result
    },
    pid: () => child?.pid,
    stop: async () => {
      stopping = true
      clearTimeout(idle)
      // Work under way is finished first (a backup or a rebuild cut short would be lost).
      await Promise.allSettled([...inflight])
      if (child) await shutdown(child)
      if (heavyStore.__heavyWork === work) delete heavyStore.__heavyWork
    },
  }
  heavyStore.__heavyWork = work
  return work
}
