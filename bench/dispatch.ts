/**
 * `npm run bench:dispatch`: 2,000 publications due in the same second, N worker processes, a fake
 * webhook with 20 ms latency. Measures the lag from the scheduled time to the webhook receiving each
 * item, throughput, duplicates and losses; and, as a baseline in the same run, the throughput of
 * sending the same 2,000 signed requests straight to the fake with no database at all.
 * The last line of output is JSON.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { AiringStatus, DocStatus, PublicationStatus } from '@/vocabulary'

const DUE = Number(process.env.BENCH_DUE || 2000)
// Two worker processes by default: one per core of the reference machine (2 cores).
const WORKERS = Number(process.env.BENCH_WORKERS || 2)
const LATENCY_MS = 20
const LEAD_MS = Number(process.env.BENCH_LEAD_MS || 5000)

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-dispatch-'))
Object.assign(process.env, {
  DATABASE_URI: `file:${path.join(dir, 'bench.db')}`,
  MEDIA_DIR: path.join(dir, 'media'),
  PAYLOAD_SECRET: crypto.randomBytes(16).toString('hex'),
})

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const { startPayload } = await import('@/lib/startPayload')
const { startFakeWebhook } = await import('../tests/fakes/webhook')
const { sign } = await import('@/channels/webhook')
const { request } = await import('@/channels/http')

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
const log = (m: string) => console.error(`[bench] ${m}`)

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number) {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (await check()) return true
    await new Promise((r) => setTimeout(r, 50))
  }
  return false
}

/** The same signed requests through the same HTTP client, from one process, with no database: what the network path alone allows. */
async function baseline(secret: string, concurrency: number): Promise<number> {
  const hook = await startFakeWebhook(secret, { latencyMs: LATENCY_MS })
  const started = Date.now()
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < DUE) {
        const i = next++
        const body = JSON.stringify({ type: 'publication', n: i })
        await request(`${hook.url}/nhan-tin`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': `baseline-${i}`,
            'x-signature-sha256': `sha256=${sign(secret, body)}`,
          },
          body,
        })
      }
    }),
  )
  const seconds = (Date.now() - started) / 1000
  await hook.close()
  return DUE / seconds
}

const payload = await startPayload()
const secret = 'bench-secret'
const hook = await startFakeWebhook(secret, { latencyMs: LATENCY_MS })
const unit = await payload.create({
  collection: 'units',
  data: { name: 'Báo Tây Ninh', kind: 'newspaper' } as never,
  overrideAccess: true,
})
const channel = await payload.create({
  collection: 'channels',
  data: {
    name: 'Cổng TTĐT tỉnh',
    kind: 'webhook',
    settings: { url: `${hook.url}/nhan-tin` },
    credentials: { signingSecret: secret },
  } as never,
  overrideAccess: true,
})
const articles: string[] = []
for (let i = 0; i < 20; i++) {
  const a = await payload.create({
    collection: 'articles',
    data: {
      title: `Bài tuyên truyền chuyển đổi số ${i + 1}`,
      sapo: 'Tóm tắt',
      ownerUnit: unit.id,
      _status: DocStatus.Published,
    } as never,
    overrideAccess: true,
  })
  articles.push(String(a.id))
}

// Publications far in the future first; the workers start; then all of them become due at T at once.
log(`tạo ${DUE} lịch đăng…`)
const far = new Date(Date.now() + 3600_000).toISOString()
const keyToPub = new Map<string, string>()
for (let i = 0; i < DUE; i++) {
  const key = crypto.randomUUID()
  const pub = await payload.db.create({
    collection: 'publications',
    data: {
      contentTitle: `Bài tuyên truyền chuyển đổi số ${(i % articles.length) + 1}`,
      channelName: 'Cổng TTĐT tỉnh',
      content: { relationTo: 'articles', value: articles[i % articles.length] },
      channel: channel.id,
      channelKind: 'webhook',
      ownerUnit: unit.id,
      scheduledAt: far,
      nextAttemptAt: far,
      status: PublicationStatus.Scheduled,
      idempotencyKey: key,
      attemptCount: 0,
      approval: { required: false },
      airing: { status: AiringStatus.Pending },
    },
  } as never)
  keyToPub.set(key, String(pub.id))
}

log(`khởi động ${WORKERS} worker…`)
const workers: ChildProcess[] = Array.from({ length: WORKERS }, () =>
  spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE_DIR
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
        : []),
      '--import',
      'tsx',
      '--import',
      './src/preload.ts',
      'src/worker.ts',
    ],
    {
      cwd: root,
      env: process.env,
      stdio: ['ignore', 'ignore', process.env.DISPATCH_DEBUG ? 'inherit' : 'ignore'],
    },
  ),
)
const ready = await waitFor(
  async () =>
    (await payload.count({ collection: 'worker-heartbeats', overrideAccess: true })).totalDocs >=
    WORKERS,
  120_000,
)
if (!ready) throw new Error('worker không khởi động kịp')

const T = new Date(Date.now() + LEAD_MS)
T.setMilliseconds(0)
const due = T.toISOString()
// One statement moves every publication to T (SQLite: a single UPDATE … WHERE).
await payload.db.updateOne({
  collection: 'publications',
  where: { status: { equals: PublicationStatus.Scheduled } },
  data: { scheduledAt: due, nextAttemptAt: due },
  options: { atomic: true },
} as never)
log(`tất cả đến hạn lúc ${due}; chờ gửi…`)

const done = await waitFor(() => hook.effects() >= DUE, 180_000)
await new Promise((r) => setTimeout(r, 1000)) // late duplicates, if any, would arrive now
const lags = [...hook.firstSeen.values()].map((t) => t - T.getTime()).sort((a, b) => a - b)
const last = lags[lags.length - 1] ?? 0
const result = {
  due: DUE,
  workers: WORKERS,
  p50LagMs: percentile(lags, 50),
  p99LagMs: percentile(lags, 99),
  maxLagMs: last,
  throughputPerSec: Math.round(DUE / Math.max(0.001, last / 1000)),
  duplicates: hook.duplicates(),
  lost: DUE - hook.effects(),
  completed: done,
} as Record<string, unknown>

for (const w of workers) w.kill('SIGTERM')
await Promise.all(
  workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.once('exit', r)))),
)
await hook.close()

log('đường cơ sở: gửi thẳng cùng số yêu cầu, không qua cơ sở dữ liệu…')
const base = await baseline(secret, WORKERS * Number(process.env.DISPATCH_CONCURRENCY || 32))
result.baselineThroughputPerSec = Math.round(base)
result.throughputVsBaseline = Math.round(((result.throughputPerSec as number) / base) * 100) / 100
await payload.destroy()
fs.rmSync(dir, { recursive: true, force: true })
console.log(JSON.stringify(result))
process.exit(0)
