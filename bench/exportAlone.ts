/**
 * The bench's last step alone, against a database kept from `npm run bench:rollup` (BENCH_KEEP=1):
 * `BENCH_DB=/tmp/copy/bench.db npm run bench:export` freezes the year again (a new snapshot in that
 * file) and exports it to XLSX in a process of its own, as bench/exportStep.ts does inside the
 * bench, and prints the same JSON last. Use a copy: it writes a snapshot into the file.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'

const file = process.env.BENCH_DB
if (!file || !fs.existsSync(file)) {
  console.error(
    'Lỗi: đặt BENCH_DB là đường dẫn một bản sao bench.db (npm run bench:rollup, BENCH_KEEP=1).',
  )
  process.exit(1)
}
const year = Number(process.env.BENCH_YEAR || 2026)
Object.assign(process.env, {
  DATABASE_URI: `file:${file}`,
  PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || crypto.randomBytes(16).toString('hex'),
})
const { startPayload } = await import('@/lib/startPayload')
const { measureExport } = await import('./exportStep')
const payload = await startPayload()
const result = await measureExport(payload, year)
await payload.destroy()
console.log(JSON.stringify({ year, ...result }))
process.exit(0)
