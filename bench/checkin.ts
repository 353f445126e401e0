/**
 * `npm run bench:checkin`: a hall checking in at once. The real server (production build, a fresh
 * SQLite file, one event open for check-in whose organiser chose the check-ins, so every one also
 * marks the rollup) runs in its own process on loopback; this process posts the check-in form at a
 * steady rate (open loop: a slow answer does not slow the sending), each from a new phone (no
 * cookie) at its own address (X-Forwarded-For, trusted from loopback), as a crowd on mobile data.
 * Afterwards the rows are counted in the database: `lost` is every check-in sent that is not there.
 * Goal: 200 per second for 30 s, all counted, p95 under 300 ms. The last line is JSON:
 *   {"perSecond":…,"p95Ms":…,"lost":…, …}
 *
 * BENCH_RATE (default 200 per second) and BENCH_SECONDS (default 30), or `-- --rate N --seconds N`.
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { parseArgs } from 'node:util'
import { Agent } from 'undici'
import { ensureBuild } from '../scripts/lib/ensureBuild'

const { values: args } = parseArgs({
  options: { rate: { type: 'string' }, seconds: { type: 'string' } },
  allowPositionals: true,
})
const RATE = Number(args.rate ?? process.env.BENCH_RATE ?? 200)
const SECONDS = Number(args.seconds ?? process.env.BENCH_SECONDS ?? 30)

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-checkin-'))
Object.assign(process.env, {
  NODE_ENV: 'production',
  DATABASE_URI: `file:${path.join(dir, 'bench.db')}`,
  MEDIA_DIR: path.join(dir, 'media'),
  PAYLOAD_SECRET: crypto.randomBytes(16).toString('hex'),
  LOG_REQUESTS: 'false',
  // bench/webServer.ts serves a static folder beside the pages (bench:web's baseline); unused here.
  BENCH_STATIC_DIR: dir,
})
const log = (m: string) => console.error(`[bench] ${m}`)
const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0
const round = (n: number, digits = 1) => Number(n.toFixed(digits))

await ensureBuild(root)

log('tạo sự kiện và xã, phường…')
const { startPayload } = await import('@/lib/startPayload')
// Kept open (idle) for counting the rows afterwards: a second start in one process is not supported.
const payload = await startPayload()
const organiser = await payload.create({
  collection: 'units',
  data: { name: 'Sở Khoa học và Công nghệ', kind: 'department', active: true } as never,
  overrideAccess: true,
})
const communes: string[] = []
for (let i = 1; i <= 40; i++)
  communes.push(
    String(
      (
        await payload.create({
          collection: 'units',
          data: { name: `Xã thử nghiệm số ${i}`, kind: 'commune', active: true } as never,
          overrideAccess: true,
        })
      ).id,
    ),
  )
const event = await payload.create({
  collection: 'events',
  data: {
    title: 'Ngày Chuyển đổi số tỉnh (đo tải điểm danh)',
    kind: 'dx-day',
    startsAt: new Date(Date.now() - 3_600_000).toISOString(),
    endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    status: 'held',
    ownerUnit: organiser.id,
    checkIn: { marginMinutes: 30, participantsSource: 'check-in' },
  } as never,
  overrideAccess: true,
})
const code = event.checkIn!.code!

log('khởi động máy chủ…')
const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--import', './src/preload.ts', 'bench/webServer.ts'],
  { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'inherit'] },
)
const base = await new Promise<string>((resolve, reject) => {
  child.once('exit', (c) => reject(new Error(`máy chủ dừng (mã ${c})`)))
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      const { url } = JSON.parse(line) as { url?: string }
      if (url) resolve(url)
    } catch {
      // the server's own log lines
    }
  })
})

const dispatcher = new Agent({ connections: 256, pipelining: 1 })
const groups = ['leaders', 'dxSpecialists', 'civilServants', 'citizens', 'students']
const times: number[] = []
const statuses: Record<string, number> = {}
let sent = 0

async function checkIn(i: number) {
  const body = new URLSearchParams({
    audienceGroup: groups[i % groups.length],
    commune: communes[i % communes.length],
    ...(i % 3 ? { ageBand: '25-39' } : {}),
  }).toString()
  const started = performance.now()
  try {
    const res = await fetch(`${base}/diem-danh/${code}`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        // A phone of its own on its own address (10.x.y.z).
        'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      },
      // @ts-expect-error undici's dispatcher option of Node's fetch
      dispatcher,
    })
    await res.arrayBuffer()
    statuses[res.status] = (statuses[res.status] ?? 0) + 1
  } catch {
    statuses.error = (statuses.error ?? 0) + 1
  }
  times.push(performance.now() - started)
}

// A short warm-up (compiled routes, caches), not counted in the figures but in the rows.
log('khởi động nóng…')
const warm = 20
await Promise.all(Array.from({ length: warm }, (_, i) => checkIn(1_000_000 + i)))
times.length = 0
for (const k of Object.keys(statuses)) delete statuses[k]

log(`gửi ${RATE} lượt điểm danh mỗi giây trong ${SECONDS} giây…`)
const total = RATE * SECONDS
const inFlight: Promise<void>[] = []
const t0 = performance.now()
await new Promise<void>((resolve) => {
  const tick = setInterval(() => {
    const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * RATE))
    while (sent < due) inFlight.push(checkIn(sent++))
    if (sent >= total) {
      clearInterval(tick)
      resolve()
    }
  }, 2)
})
const sendSeconds = (performance.now() - t0) / 1000
await Promise.all(inFlight)
const elapsed = (performance.now() - t0) / 1000

child.kill('SIGTERM')
await new Promise((r) => child.once('exit', r))
const stored = (
  await payload.count({
    collection: 'event-check-ins',
    where: { event: { equals: event.id } },
    overrideAccess: true,
  })
).totalDocs
await payload.destroy()
await dispatcher.close()
fs.rmSync(dir, { recursive: true, force: true })

const counted = stored - warm
const sorted = [...times].sort((a, b) => a - b)
const result = {
  bench: 'checkin',
  targetPerSecond: RATE,
  seconds: SECONDS,
  sent: total,
  counted,
  lost: total - counted,
  perSecond: round(counted / sendSeconds),
  drainedSeconds: round(elapsed, 2),
  statuses,
  p50Ms: round(percentile(sorted, 50)),
  p95Ms: round(percentile(sorted, 95)),
  p99Ms: round(percentile(sorted, 99)),
  maxMs: round(sorted[sorted.length - 1] ?? 0),
  ok: total === counted && percentile(sorted, 95) < 300,
}
console.log(JSON.stringify(result))
process.exit(0)
