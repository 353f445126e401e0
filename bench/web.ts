/**
 * `npm run bench:web`: the public pages under load, as browsers fetch them. The real server
 * (production build, demo data, a fresh SQLite file) runs in its own process on loopback;
 * autocannon loads each route with 50 concurrent connections sending the Accept-Encoding a browser
 * sends (`gzip, deflate, br`), and, in the same run:
 * - the same route without Accept-Encoding (`identity`), and a static file of the same size served
 *   by the same Express server behind the same middleware (express.static where the page cache
 *   sits), the baseline of earlier runs (`ratio`);
 * - nginx serving the same page from a file, pre-compressed (`gzip_static`, gzip -9), where
 *   Debian's nginx is installed (`nginx`; otherwise `nginx.skipped` says why), with one worker
 *   process as the server has one event loop (BENCH_NGINX_WORKERS to change).
 * Goals: with the browser's Accept-Encoding, at least 0.1 of nginx's throughput (`vsNginx`) and a
 * p99 under 50 ms; uncompressed, 0.8 of the static file's throughput (it must reach 0.5). The last
 * lines are JSON, one per route:
 *   {"route":"/","encoding":"gzip","rps":…,"p99Ms":…,"vsNginx":…,"nginx":{…},"identity":{…},…}
 *
 * BENCH_ROUTES: comma-separated paths (default: the home page and the first published article at
 * the URL the channels send, /articles/<slug>); BENCH_SECONDS: per measurement (default 10);
 * BENCH_CONNECTIONS (default 50). PAGE_CACHE_MB=0 measures without the page cache.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import zlib from 'node:zlib'
import autocannon from 'autocannon'
import { ensureBuild } from '../scripts/lib/ensureBuild'

const SECONDS = Number(process.env.BENCH_SECONDS || 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 50)
const WARMUP_SECONDS = 2
const NGINX_WORKERS = Number(process.env.BENCH_NGINX_WORKERS || 1)
/** What Chromium and Firefox send. */
const BROWSER = { 'accept-encoding': 'gzip, deflate, br' }

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-web-'))
const staticDir = path.join(dir, 'static')
fs.mkdirSync(staticDir)
// nginx's worker runs as nobody: it must be able to read the files.
fs.chmodSync(dir, 0o755)
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

type Measure = {
  p95Ms: number
  p99Ms: number
  rps: number
  statuses: Record<string, number>
  errors: number
}

async function load(
  url: string,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<Measure> {
  const times: number[] = []
  // Without a callback autocannon returns its event emitter, which is also a promise of the result.
  const run = autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers,
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
    p99Ms: round(percentile(times, 99)),
    rps: round(result.requests.total / (result.duration || seconds), 1),
    statuses,
    errors: result.errors + result.timeouts,
  }
}

async function measure(url: string, headers: Record<string, string> = {}): Promise<Measure> {
  await load(url, WARMUP_SECONDS, headers)
  return load(url, SECONDS, headers)
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })

/** Debian's nginx over the static folder with gzip_static, or why it cannot run here. */
async function startNginx(): Promise<{ base: string; proc: ChildProcess } | { skipped: string }> {
  const bin = spawnSync('sh', ['-c', 'command -v nginx']).stdout.toString().trim()
  if (!bin) return { skipped: 'nginx is not installed (apt-get install nginx-light)' }
  const port = await freePort()
  const conf = path.join(dir, 'nginx.conf')
  const tmp = (name: string) => path.join(dir, `nginx-${name}`)
  fs.writeFileSync(
    conf,
    `worker_processes ${NGINX_WORKERS};
daemon off;
pid ${tmp('pid')};
error_log ${tmp('error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${tmp('body')};
  proxy_temp_path ${tmp('proxy')};
  fastcgi_temp_path ${tmp('fastcgi')};
  uwsgi_temp_path ${tmp('uwsgi')};
  scgi_temp_path ${tmp('scgi')};
  default_type text/html;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  gzip_static on;
  gzip_vary on;
  server {
    listen 127.0.0.1:${port};
    root ${staticDir};
  }
}
`,
  )
  const proc = spawn(bin, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  proc.stderr!.on('data', (c: Buffer) => (stderr += c.toString()))
  for (let i = 0; i < 50; i++) {
    if (proc.exitCode !== null) return { skipped: `nginx exited: ${stderr.trim()}` }
    try {
      await fetch(`http://127.0.0.1:${port}/`)
      return { base: `http://127.0.0.1:${port}`, proc }
    } catch {
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  proc.kill('SIGTERM')
  return { skipped: `nginx did not answer: ${stderr.trim()}` }
}

const lines: Record<string, unknown>[] = []
const nginx = await startNginx()
if ('skipped' in nginx) log(`nginx: ${nginx.skipped}`)
try {
  for (const [i, route] of routes.entries()) {
    const first = await fetch(`${base}${route}`, { headers: { 'accept-encoding': 'identity' } })
    const body = Buffer.from(await first.arrayBuffer())
    // The baselines: a file of exactly the page's size (the page itself), from the same server
    // and from nginx, which has it pre-compressed beside it.
    fs.writeFileSync(path.join(staticDir, `${i}.html`), body)
    fs.writeFileSync(path.join(staticDir, `${i}.html.gz`), zlib.gzipSync(body, { level: 9 }))
    for (const f of fs.readdirSync(staticDir)) fs.chmodSync(path.join(staticDir, f), 0o644)
    fs.chmodSync(staticDir, 0o755)
    // What a browser gets: the form, its size on the wire (the cache's forms are ready by now).
    await fetch(`${base}${route}`, { headers: BROWSER })
    const sample = await new Promise<{ encoding: string; bytes: number }>((resolve, reject) =>
      http
        .get(`${base}${route}`, { headers: BROWSER }, (res) => {
          let bytes = 0
          res.on('data', (c: Buffer) => (bytes += c.length))
          res.on('end', () =>
            resolve({ encoding: String(res.headers['content-encoding'] ?? 'identity'), bytes }),
          )
        })
        .on('error', reject),
    )
    log(
      `${route}: ${first.status}, ${body.length} byte, ${sample.encoding} ${sample.bytes} byte; trình duyệt…`,
    )
    const page = await measure(`${base}${route}`, BROWSER)
    let nginxLine: Record<string, unknown>
    if ('skipped' in nginx) nginxLine = { skipped: nginx.skipped }
    else {
      log(`${route}: nginx gzip_static…`)
      const still = await measure(`${nginx.base}/${i}.html`, BROWSER)
      const check = await fetch(`${nginx.base}/${i}.html`, { headers: BROWSER })
      nginxLine = {
        rps: still.rps,
        p99Ms: still.p99Ms,
        p95Ms: still.p95Ms,
        encoding: check.headers.get('content-encoding') ?? 'identity',
        workers: NGINX_WORKERS,
        errors: still.errors,
      }
    }
    log(`${route}: không nén…`)
    const identity = await measure(`${base}${route}`)
    log(`${route}: tệp tĩnh…`)
    const still = await measure(`${base}/bench-static/${i}.html`)
    const line = {
      route,
      encoding: sample.encoding,
      wireBytes: sample.bytes,
      rps: page.rps,
      p95Ms: page.p95Ms,
      p99Ms: page.p99Ms,
      vsNginx: typeof nginxLine.rps === 'number' ? round(page.rps / nginxLine.rps, 3) : null,
      nginx: nginxLine,
      identity: { rps: identity.rps, p95Ms: identity.p95Ms, p99Ms: identity.p99Ms },
      staticP95Ms: still.p95Ms,
      staticRps: still.rps,
      ratio: round(identity.rps / still.rps, 3),
      p95VsStatic: round(identity.p95Ms / still.p95Ms, 2),
      status: first.status,
      bytes: body.length,
      pageCache: (process.env.PAGE_CACHE_MB ?? '') !== '0',
      statuses: page.statuses,
      errors: page.errors + identity.errors + still.errors,
    }
    log(JSON.stringify(line))
    lines.push(line)
  }
} finally {
  if (!('skipped' in nginx) && nginx.proc.exitCode === null) {
    const exited = new Promise((r) => nginx.proc.once('exit', r))
    nginx.proc.kill('SIGQUIT')
    await exited
  }
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    await exited
  }
  fs.rmSync(dir, { recursive: true, force: true })
}
for (const line of lines) console.log(JSON.stringify(line))
process.exit(0)
