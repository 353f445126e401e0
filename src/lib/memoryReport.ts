import fs from 'node:fs'
import v8 from 'node:v8'

const MB = 1024 * 1024
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10

/** The resident memory's makeup from /proc/self/status (Linux), in MB; null elsewhere. */
function residentParts(): Record<string, number> | null {
  let text: string
  try {
    text = fs.readFileSync('/proc/self/status', 'utf8')
  } catch {
    return null
  }
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(text)?.[1] ?? 0)
  return {
    rssMb: mb(kb('VmRSS') * 1024),
    peakMb: mb(kb('VmHWM') * 1024),
    anonMb: mb(kb('RssAnon') * 1024),
    fileMb: mb(kb('RssFile') * 1024),
    shmemMb: mb(kb('RssShmem') * 1024),
  }
}

/** What this process's memory is made of, in MB: V8's heap, memory outside it, and the kernel's view. */
export function memoryReport(label: string): Record<string, unknown> {
  const usage = process.memoryUsage()
  const heap = v8.getHeapStatistics()
  const spaces = Object.fromEntries(
    v8
      .getHeapSpaceStatistics()
      .filter((s) => s.space_size > MB)
      .map((s) => [s.space_name, mb(s.space_size)]),
  )
  return {
    label,
    pid: process.pid,
    uptimeS: Math.round(process.uptime()),
    rssMb: mb(usage.rss),
    heapUsedMb: mb(usage.heapUsed),
    heapTotalMb: mb(usage.heapTotal),
    externalMb: mb(usage.external),
    arrayBuffersMb: mb(usage.arrayBuffers),
    // What V8 has malloc'ed for itself (compiler zones and the like), apart from its heap.
    v8MallocedMb: mb(heap.malloced_memory),
    // Resident but neither V8's heap nor its own mallocs: native modules' memory (libsql, sharp,
    // zlib), glibc's arenas and their free space, the code of node and its libraries.
    outsideHeapMb: mb(usage.rss - usage.heapTotal - heap.malloced_memory),
    nativeContexts: heap.number_of_native_contexts,
    spacesMb: spaces,
    resident: residentParts(),
  }
}

/**
 * On SIGUSR2, one line to stderr: `[memory] {…}` (memoryReport). Nothing is served over HTTP and
 * nothing changes in the process; bench:memory sends the signal to read what the server holds.
 * (Node keeps SIGUSR1 for the inspector; SIGUSR2 is otherwise unused here.)
 */
export function reportMemoryOnSignal(label: string): void {
  process.on('SIGUSR2', () => {
    console.error(`[memory] ${JSON.stringify(memoryReport(label))}`)
  })
}
