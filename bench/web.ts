/**
 * `npm run bench:web`: the public pages under load. The real server (production build, demo data,
 * a fresh SQLite file) runs in its own process on loopback; autocannon loads each route with 50
 * concurrent connections, and, as the baseline in the same run, a static file of the same size
 * served by the same Express server behind the same middleware (express.static where the page
 * cache sits). Goal: a page reaches 0.8 of the static throughput (it must reach 0.5), with a p95
 * at most 1.5× the static p95. The last lines are JSON, one per route:
 *   {"route":"/","p95Ms":…,"rps":…,"staticP95Ms":…,"staticRps":…,"ratio":…, …}
 *
 * BENCH_ROUTES: comma-separated paths (default: the home page and the first published article at
 * the URL the channels send, /articles/<slug>); BENCH_SECONDS: per measurement (default 10);
 * BENCH_CONNECTIONS (default 50). PAGE_CACHE_MB=0 measures without the page cache.
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import autocannon from 'autocannon'
import { ensureBuild } from '../scripts/lib/ensureBuild'

const SECONDS = Number(process.env.BENCH_SECONDS || 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 50)
const WARMUP_SECONDS = 2

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-web-'))
const staticDir = path.join(dir, 'static')
fs.mkdirSync(staticDir)
Object.assign(process.env, {
  NODE_ENV: 'production',
  DATABASE_URI: `file:${path.join(dir, 'bench.db')}`,
  MEDIA_DIR: path.join(dir, 'media'),
  PAYLOAD_SECRET: crypto.randomBytes(16).toString('hex'),
  LOG_REQUESTS: 'false',
  BENCH_STATIC_DIR: staticDir,
})
const log = (m: string) => console.error(`[bench] ${m}`)

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0
const round = (n: number, digits = 2) => Number(n.toFixed(digits))

await ensureBuild(root)

// Demo data, then the slug of an article the pages show.
log('tạo dữ liệu mẫu…')
const { startPayload } = await import('@/lib/startPayload')
const { seed } = await import('../scripts/seed')
const payload = await startPayload()
await seed(payload)
const article = await payload.find({
  collection: 'articles',
  where: { _status: { equals: 'published' } },
  sort: '-publishedAt',
  limit: 1,
  depth: 0,
  overrideAccess: true,
})
await payload.destroy()
const routes = (process.env.BENCH_ROUTES || `/,/articles/${article.docs[0]?.slug ?? 'khong-co'}`)
  .split(',')
  .map((r) => r.trim())
  .filter(Boolean)

log('khởi động máy chủ…')
const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--import', './src/preload.ts', 'bench/webServer.ts'],
  { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'inherit'] },
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

type Measure = { p95Ms: number; rps: number; statuses: Record<string, number>; errors: number }

async function load(url: string, seconds: number): Promise<Measure> {
  const times: number[] = []
  // Without a callback autocannon returns its event emitter, which is also a promise of the result.
  const run = autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
  }) as unknown as Promise<autocannon.Result> & NodeJS.EventEmitter
  run.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) =>
    times.push(ms),
  )
  const result = await run
  times.sort((a, b) => a - b)
  const statuses: Record<string, number> = {}
  for (const key of ['1xx', '2xx', '3xx', '4xx', '5xx'] as const)
    if (result[key]) statuses[key] = result[key]
  return {
    p95Ms: round(percentile(times, 95)),
    rps: round(result.requests.total / (result.duration || seconds), 1),
    statuses,
    errors: result.errors + result.timeouts,
  }
}

async function measure(url: string): Promise<Measure> {
  await load(url, WARMUP_SECONDS)
  return load(url, SECONDS)
}

const lines: Record<string, unknown>[] = []
try {
  for (const [i, route] of routes.entries()) {
    const first = await fetch(`${base}${route}`, { headers: { 'accept-encoding': 'identity' } })
    const body = Buffer.from(await first.arrayBuffer())
    // The baseline: a file of exactly the page's size (the page itself), from the same server.
    fs.writeFileSync(path.join(staticDir, `${i}.html`), body)
    log(`${route}: ${first.status}, ${body.length} byte; tĩnh…`)
    const still = await measure(`${base}/bench-static/${i}.html`)
    log(`${route}: trang…`)
    const page = await measure(`${base}${route}`)
    const line = {
      route,
      p95Ms: page.p95Ms,
      rps: page.rps,
      staticP95Ms: still.p95Ms,
      staticRps: still.rps,
      ratio: round(page.rps / still.rps, 3),
      p95VsStatic: round(page.p95Ms / still.p95Ms, 2),
      status: first.status,
      bytes: body.length,
      pageCache: (process.env.PAGE_CACHE_MB ?? '') !== '0',
      statuses: page.statuses,
      errors: page.errors + still.errors,
    }
    log(JSON.stringify(line))
    lines.push(line)
  }
} finally {
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    await exited
  }
  fs.rmSync(dir, { recursive: true, force: true })
}
for (const line of lines) console.log(JSON.stringify(line))
process.exit(0)
