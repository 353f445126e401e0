/**
 * Loaded with `--import` into a process the benchmark measures (bench/exportStep.ts): at exit it
 * writes the process's peak resident memory (MB) to the file BENCH_RSS_FILE names. On Linux from
 * VmHWM (/proc/self/status): getrusage's maxRSS carries over the parent's peak through fork and
 * exec (the kernel keeps the old memory's high-water mark at exec), so a child of the 4.8 GB bench
 * would report the bench's memory, not its own.
 */
import fs from 'node:fs'

function peakMb(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))
    if (hwm) return Math.round(Number(hwm[1]) / 1024)
  } catch {
    // not Linux: fall back to getrusage
  }
  return Math.round(process.resourceUsage().maxRSS / 1024)
}

const file = process.env.BENCH_RSS_FILE
if (file) process.on('exit', () => fs.writeFileSync(file, String(peakMb())))
