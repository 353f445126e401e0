import crypto from 'node:crypto'
import os from 'node:os'

// One token per process (on globalThis: Next may load this module twice in one process), so that
// a process that reuses a dead one's pid (a container's pid 1) is still told apart from it.
const store = globalThis as typeof globalThis & { __jobProcessToken?: string }
const token = (store.__jobProcessToken ??= crypto.randomUUID().slice(0, 8))

/** This process as a job's owner: host, pid and the process's token. */
export const processOwner = () => `${os.hostname()}:${process.pid}:${token}`

/**
 * Whether the process that owns a job (`host:pid:token[:runner]`) is surely gone: it ran on this host and its pid is no
 * longer alive, or is this process's pid under another token. A job of another host is only
 * taken over when its lease runs out.
 */
export function ownerIsGone(owner: string | null | undefined): boolean {
  if (!owner) return true
  const [host, pidText, ownerToken] = owner.split(':')
  const pid = Number(pidText)
  if (host !== os.hostname() || !Number.isInteger(pid) || pid <= 0) return false
  if (pid === process.pid) return ownerToken !== token
  try {
    process.kill(pid, 0)
    return false
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH'
  }
}
