/**
 * Loaded with `--import` into a process the benchmark measures (bench/exportStep.ts): at exit it
 * writes the process's peak resident memory (MB) to the file BENCH_RSS_FILE names.
 */
import fs from 'node:fs'

const file = process.env.BENCH_RSS_FILE
if (file)
  process.on('exit', () =>
    fs.writeFileSync(file, String(Math.round(process.resourceUsage().maxRSS / 1024))),
  )
