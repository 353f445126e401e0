/**
 * `npm run bench:stall`: does the web process stall while the rollup rebuilds a year? The bench's
 * year (bench/lib/benchYear.ts, BENCH_PUBLICATIONS publications, default 1,000,000, as
 * bench:rollup) is written to a fresh SQLite file; then the real server (production build, its own
 * process, a dispatcher in it as `npm start` has) serves the home page to 50 connections sending a
 * browser's Accept-Encoding while an admin starts the full rebuild of 2026 from the reports page
 * (`POST /api/reports/rebuild`), and publications fall due at a steady BENCH_SEND_RATE per second
 * (default 20) to a fake webhook (20 ms latency). Measured for each of BENCH_MODES (default
 * `process,inline`: the rebuild in the heavy-work process, src/heavy, then, as the same-run
 * baseline, in the web process itself, HEAVY_WORK=inline):
 *   p99Ms / p50Ms / maxMs  the home page's latency for requests sent while the rebuild ran;
 *   beforeP99Ms            the same over the seconds before it;
 *   rebuildMs              the job's run (its start and end as the server records them; the
 *                          window of the figures below); answeredMs: from the POST to its end
 *                          as the poll saw it;
 *   sends, sendsPerSec, maxSendGapMs  publications the webhook received during the rebuild, and the
 *                          longest wait between two of them (the edges of the window count).
 *   timeoutsOrErrors       requests of the whole load that timed out (10 s) or failed: no latency.
 * Goal: p99Ms under 100 ms with the rebuild in the heavy-work process, requests answered all along
 * (none timed out), and sends every second.
 * BENCH_DB=<file> runs on a bench year kept from an earlier run instead of writing one (give it a
 * copy: each run adds its own publications and admin). The last line is JSON.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import autocannon from 'autocannon'
import { ensureBuild } from '../scripts/lib/ensureBuild'

const PUBS = Number(process.env.BENCH_PUBLICATIONS || 1_000_000)
const SEND_RATE = Number(process.env.BENCH_SEND_RATE || 20)
const MODES = (process.env.BENCH_MODES || 'process,inline').split(',').map((m) => m.trim())
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 50)
/** Publications scheduled per mode: enough to keep falling due through a long rebuild. */
const PER_MODE = SEND_RATE * Number(process.env.BENCH_SEND_SECONDS || 120)
const BEFORE_MS = 4000
const YEAR = 2026

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-stall-'))
Object.assign(process.env, {
  NODE_ENV: 'production',
  // BENCH_DB: a bench year kept from an earlier run (a copy: the run adds its publications to it).
  DATABASE_URI: `file:${process.env.BENCH_DB ?? path.join(dir, 'bench.db')}`,
  MEDIA_DIR: path.join(dir, 'media'),
  PAYLOAD_SECRET: crypto.randomBytes(16).toString('hex'),
  LOG_REQUESTS: 'false',
  BENCH_STATIC_DIR: dir,
  // The server's own rollup and backup crons are not running; nothing else competes.
})
const log = (m: string) => console.error(`[bench] ${m}`)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0
const round = (n: number) => Math.round(n * 10) / 10

await ensureBuild(root)
const { startPayload } = await import('@/lib/startPayload')
const { writeBenchYear } = await import('./lib/benchYear')
const { startFakeWebhook } = await import('../tests/fakes/webhook')
const { AiringStatus, DocStatus, PublicationStatus, Role } = await import('@/vocabulary')

const payload = await startPayload()
if (!process.env.BENCH_DB) {
  log(`năm của bench: ${PUBS} lịch đăng…`)
  await writeBenchYear(payload, { publications: PUBS })
}
const email = `admin-bench-${crypto.randomBytes(4).toString('hex')}@test.vn`
const password = crypto.randomBytes(12).toString('hex')
await payload.create({
  collection: 'users',
  data: { email, password, fullName: 'Quản trị bench', role: Role.Admin } as never,
  overrideAccess: true,
})
const unit = String(
  (await payload.find({ collection: 'units', limit: 1, depth: 0, overrideAccess: true })).docs[0]
    .id,
)
const secret = 'bench-secret'
const hook = await startFakeWebhook(secret, { latencyMs: 20 })
const channel = await payload.create({
  collection: 'channels',
  data: {
    name: 'Cổng TTĐT tỉnh (bench)',
    kind: 'webhook',
    settings: { url: `${hook.url}/nhan-tin` },
    credentials: { signingSecret: secret },
  } as never,
  overrideAccess: true,
})
const article = await payload.create({
  collection: 'articles',
  data: {
    title: 'Bài gửi trong lúc tổng hợp',
    sapo: 'Tóm tắt',
    ownerUnit: unit,
    _status: DocStatus.Published,
  } as never,
  overrideAccess: true,
})
const far = new Date(Date.now() + 24 * 3600_000).toISOString()
/** Per mode: its publications' ids and idempotency keys, far in the future until its run. */
const batches = MODES.map(() =>
  Array.from({ length: PER_MODE }, () => ({ key: crypto.randomUUID() as string, id: '' })),
)
for (const batch of batches)
  for (const item of batch) {
    const pub = await payload.db.create({
      collection: 'publications',
      data: {
        contentTitle: 'Bài gửi trong lúc tổng hợp',
        channelName: 'Cổng TTĐT tỉnh (bench)',
        content: { relationTo: 'articles', value: article.id },
        channel: channel.id,
        channelKind: 'webhook',
        ownerUnit: unit,
        scheduledAt: far,
        nextAttemptAt: far,
        status: PublicationStatus.Scheduled,
        idempotencyKey: item.key,
        attemptCount: 0,
        approval: { required: false },
        airing: { status: AiringStatus.Pending },
      },
    } as never)
    item.id = String(pub.id)
  }

// The due times are written on a connection of the bench's own with a busy timeout (libsql's
// connection after the data's transaction has lost the adapter's, and the server writes meanwhile).
const { createClient } = await import('@libsql/client')
const scheduler = createClient({ url: process.env.DATABASE_URI! })
await scheduler.execute('PRAGMA busy_timeout = 30000')

async function startServer(mode: string): Promise<{ base: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      // BENCH_SERVER_ARGS: node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
      ...(process.env.BENCH_SERVER_ARGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      '--import',
      './src/preload.ts',
      'bench/webServer.ts',
    ],
    {
      cwd: root,
      env: { ...process.env, HEAVY_WORK: mode, BENCH_DISPATCHER: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const base = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`máy chủ dừng (mã ${code})`)))
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const { url } = JSON.parse(line) as { url?: string }
        if (url) resolve(url)
      } catch {
        // the server's own log lines
      }
    })
  })
  return { base, child }
}

const results: Record<string, unknown>[] = []
try {
  for (const [m, mode] of MODES.entries()) {
    log(`${mode}: khởi động máy chủ…`)
    const { base, child } = await startServer(mode)
    try {
      const browser = { 'accept-encoding': 'gzip, deflate, br' }
      for (let i = 0; i < 3; i++) await fetch(`${base}/`, { headers: browser })
      const login = await fetch(`${base}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      })
      const { token } = (await login.json()) as { token: string }
      const auth = { authorization: `JWT ${token}`, 'content-type': 'application/json' }

      // Publications fall due one after another from now on, SEND_RATE a second.
      const start = Date.now() + 1000
      const keys = new Set(batches[m].map((b) => b.key))
      await scheduler.batch(
        batches[m].map((item, i) => {
          const at = new Date(start + (i * 1000) / SEND_RATE).toISOString()
          return {
            sql: 'UPDATE publications SET scheduled_at = ?, next_attempt_at = ? WHERE id = ?',
            args: [at, at, item.id],
          }
        }),
        'write',
      )

      const responses: { at: number; ms: number }[] = []
      const load = autocannon({
        url: `${base}/`,
        connections: CONNECTIONS,
        duration: 3600,
        headers: browser,
      }) as unknown as Promise<autocannon.Result> & NodeJS.EventEmitter & { stop: () => void }
      load.on('response', (_c: unknown, _s: number, _b: number, ms: number) =>
        responses.push({ at: Date.now(), ms }),
      )
      await sleep(BEFORE_MS)
      const startedAt = Date.now()
      const started = await fetch(`${base}/api/reports/rebuild`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ year: YEAR }),
      })
      const job = (await started.json()) as { id: string; state: string }
      let state = job
      let endedAt = Date.now()
      for (;;) {
        try {
          state = (await (
            await fetch(`${base}/api/reports/rebuild/${job.id}`, { headers: auth })
          ).json()) as typeof job & { finishedAt: string | null; cells: number; error: string | null }
        } catch (err) {
          // Under the load a poll may be reset or time out: what it measures is the rebuild, asked again.
          log(`hỏi tiến độ lỗi (${(err as Error).message}), hỏi lại`)
          await sleep(200)
          continue
        }
        endedAt = Date.now()
        if ((state as { finishedAt?: string | null }).finishedAt) break
        await sleep(200)
      }
      await sleep(1000)
      load.stop()
      // Requests that timed out (autocannon's 10 s) or failed give no response event: counted apart.
      const total = await load

      // The rebuild's own times (the server's clock is this machine's): the POST's answer may come
      // late when the web process stalls, so the window is when the job ran, not when it was seen.
      const postedAt = startedAt
      const ran = state as typeof state & { startedAt: string; finishedAt: string }
      const from = Date.parse(ran.startedAt)
      const to = Date.parse(ran.finishedAt)
      const sent = (r: { at: number; ms: number }) => r.at - r.ms
      const during = responses
        .filter((r) => sent(r) >= from && sent(r) <= to)
        .map((r) => r.ms)
        .sort((a, b) => a - b)
      const before = responses
        .filter((r) => sent(r) >= postedAt - BEFORE_MS + 1000 && sent(r) < postedAt)
        .map((r) => r.ms)
        .sort((a, b) => a - b)
      const sends = [...hook.firstSeen.entries()]
        .filter(([k, t]) => keys.has(k) && t >= from && t <= to)
        .map(([, t]) => t)
        .sort((a, b) => a - b)
      const edges = [from, ...sends, to]
      const maxGap = Math.max(...edges.slice(1).map((t, i) => t - edges[i]))
      const line = {
        mode,
        publications: PUBS,
        rebuildMs: to - from,
        answeredMs: endedAt - postedAt,
        rebuild: state,
        p50Ms: round(percentile(during, 50)),
        p99Ms: round(percentile(during, 99)),
        maxMs: round(during.at(-1) ?? 0),
        requestsDuring: during.length,
        timeoutsOrErrors: total.timeouts + total.errors,
        beforeP99Ms: round(percentile(before, 99)),
        sends: sends.length,
        sendsPerSec: round(sends.length / Math.max(0.001, (to - from) / 1000)),
        sendRate: SEND_RATE,
        maxSendGapMs: maxGap,
      }
      log(JSON.stringify(line))
      results.push(line)
    } finally {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    }
  }
} finally {
  await hook.close()
  scheduler.close()
  await payload.destroy()
  fs.rmSync(dir, { recursive: true, force: true })
}
const process_ = results.find((r) => r.mode === 'process')
const inline = results.find((r) => r.mode === 'inline')
console.log(
  JSON.stringify({
    modes: results,
    p99Ms: process_?.p99Ms ?? null,
    inlineP99Ms: inline?.p99Ms ?? null,
    // No answered request in the window (the process stalled, or requests timed out) is not a pass.
    goalMet: process_
      ? (process_.requestsDuring as number) > 0 &&
        (process_.timeoutsOrErrors as number) === 0 &&
        (process_.p99Ms as number) < 100
      : null,
  }),
)
process.exit(0)
