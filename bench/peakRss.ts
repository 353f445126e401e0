/**
 * Loaded with `--import` into a process the benchmark measures (bench/exportStep.ts): at exit it
 * writes the process's peak resident memory (MB) to the file BENCH_RSS_FILE names. On Linux from
 * VmHWM (/proc/self/status): getrusage's maxRSS carries over the parent's peak through fork and
 * exec (the kernel keeps the old memory's high-water mark at exec), so a child of the 4.8 GB bench
 * would report the bench's memory, not its own. A second line says what the resident memory was
 * made of at its largest sample (every 100 ms): anonymous (heaps), file-backed (mapped files:
 * code, a memory-mapped database) and shared (SQLite's WAL index), to tell a heap from a mapping.
 */
import fs from 'node:fs'

const status = () => {
  try {
    return fs.readFileSync('/proc/self/status', 'utf8')
  } catch {
    return null // not Linux
  }
}
const kb = (text: string, field: string) =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(text)?.[1] ?? 0)

function peakMb(): number {
  const text = status()
  if (text) return Math.round(kb(text, 'VmHWM') / 1024)
  return Math.round(process.resourceUsage().maxRSS / 1024)
}

let largest = { rss: 0, anon: 0, file: 0, shmem: 0 }
const sample = () => {
  const text = status()
  if (!text) return
  const now = {
    rss: kb(text, 'VmRSS'),
    anon: kb(text, 'RssAnon'),
    file: kb(text, 'RssFile'),
    shmem: kb(text, 'RssShmem'),
  }
  if (now.rss > largest.rss) largest = now
}

const file = process.env.BENCH_RSS_FILE
if (file) {
  setInterval(sample, 100).unref()
  process.on('exit', () => {
    sample()
    const mb = (v: number) => Math.round(v / 1024)
    fs.writeFileSync(
      file,
      `${peakMb()}\n${JSON.stringify({ rssMb: mb(largest.rss), anonMb: mb(largest.anon), fileMb: mb(largest.file), shmemMb: mb(largest.shmem) })}\n`,
    )
  })
}
