/**
 * `npm run bench:memory`: what `npm start` holds in memory (issue 26 item 7). `npm start` itself runs
 * on a fresh SQLite file and media folder in a temporary directory, so its first run seeds the demo
 * data as a new installation's does; the bench reads the resident memory (VmRSS, and VmHWM, the
 * peak) from /proc of the web process (the Node process running scripts/start.ts), of any process
 * it starts (the seed's, the heavy-work child's: `children`) and of the launchers in front of it
 * (npm, cross-env, tsx: `launchers`), then drives traffic for BENCH_SECONDS (default 60; the issue's
 * hour is 3600) at about BENCH_RPS requests a second (default 20) over BENCH_CONNECTIONS (default
 * 4): anonymous public pages (the home page, every published article, list pages, a share of
 * addresses with a query string the page cache has not seen), the feeds, an admin's REST reads
 * and admin pages (a demo admin, logged in), and an edit of an article every BENCH_WRITE_MS
 * (default 5000). RSS is sampled every second. After the traffic the web process is sent SIGUSR2
 * and prints its breakdown (src/lib/memoryReport.ts: V8's heap, memory outside it, anonymous and
 * file-backed pages). Same-run baseline: `npm start` again on the same database, which no longer
 * seeds (`restartMb`: the web process idle after a start without the seed).
 * Goal: the web process under 400 MB after the seed (`afterSeedMb`) and after the traffic
 * (`afterTrafficMb`).
 * The last line is JSON.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'

const SECONDS = Number(process.env.BENCH_SECONDS || 60)
const RPS = Number(process.env.BENCH_RPS || 20)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 4)
const WRITE_MS = Number(process.env.BENCH_WRITE_MS || 5000)
const SETTLE_MS = 5000
const GOAL_MB = 400

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-memory-'))
const log = (m: string) => console.error(`[bench] ${m}`)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const round = (n: number) => Math.round(n * 10) / 10

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })

// --- /proc ---------------------------------------------------------------------------------------

type Proc = { pid: number; ppid: number; cmd: string }

function processes(): Proc[] {
  const out: Proc[] = []
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      const cmd = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ').trim()
      out.push({ pid: Number(name), ppid, cmd })
    } catch {
      // gone meanwhile
    }
  }
  return out
}

function descendants(pid: number): Proc[] {
  const all = processes()
  const found: Proc[] = []
  const walk = (p: number) => {
    for (const c of all.filter((x) => x.ppid === p)) {
      found.push(c)
      walk(c.pid)
    }
  }
  walk(pid)
  return found
}

type Status = { rssMb: number; peakMb: number; anonMb: number; fileMb: number; shmemMb: number }

function status(pid: number): Status | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (f: string) => Number(new RegExp(`${f}:\\s+(\\d+) kB`).exec(text)?.[1] ?? 0)
    return {
      rssMb: round(kb('VmRSS') / 1024),
      peakMb: round(kb('VmHWM') / 1024),
      anonMb: round(kb('RssAnon') / 1024),
      fileMb: round(kb('RssFile') / 1024),
      shmemMb: round(kb('RssShmem') / 1024),
    }
  } catch {
    return null
  }
}

/** Which process of the tree: the launchers' own scripts first, as their command lines name start.ts too. */
function short(cmd: string): string {
  const argv0 = cmd.split(' ')[0].split('/').pop()!
  if (argv0 !== 'node' && !argv0.startsWith('node')) return argv0 // sh, npm's own name
  if (/npm-cli|\/npm( |$)/.test(cmd)) return 'npm'
  if (cmd.includes('cross-env')) return 'cross-env'
  if (/\.bin\/tsx |tsx\/dist\/cli/.test(cmd)) return 'tsx'
  if (cmd.includes('scripts/start.ts')) return 'web'
  if (cmd.includes('heavy/child.ts')) return 'heavy'
  if (cmd.includes('scripts/seed.ts') || cmd.includes('seedProcess.ts')) return 'seed'
  return 'node'
}

/** The whole tree under `npm start`: the web process, what it started, and the launchers. */
function tree(npmPid: number) {
  const procs = [processes().find((p) => p.pid === npmPid), ...descendants(npmPid)].filter(
    (p): p is Proc => !!p,
  )
  const web = procs.find((p) => short(p.cmd) === 'web')
  const under = web ? new Set(descendants(web.pid).map((p) => p.pid)) : new Set<number>()
  const launchers: Record<string, number> = {}
  const children: { name: string; pid: number; rssMb: number; peakMb: number }[] = []
  let launchersMb = 0
  for (const p of procs) {
    if (p === web) continue
    const s = status(p.pid)
    if (!s) continue
    if (under.has(p.pid)) children.push({ name: short(p.cmd), pid: p.pid, ...pick(s) })
    else {
      launchers[`${short(p.cmd)}:${p.pid}`] = s.rssMb
      launchersMb += s.rssMb
    }
  }
  return {
    web: web ? { pid: web.pid, ...status(web.pid)! } : null,
    children,
    launchers,
    launchersMb: round(launchersMb),
  }
}
const pick = (s: Status) => ({ rssMb: s.rssMb, peakMb: s.peakMb })

// --- npm start -----------------------------------------------------------------------------------

type Started = {
  child: ChildProcess
  base: string
  password: string | undefined
  memoryLines: Record<string, unknown>[]
  startMs: number
  seeded: boolean
  stdout: string[]
  startupPeaks: Record<string, number>
}

async function npmStart(env: NodeJS.ProcessEnv): Promise<Started> {
  const began = Date.now()
  // A process group of its own, so the whole tree is stopped with one signal at the end.
  const child = spawn('npm', ['start'], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const memoryLines: Record<string, unknown>[] = []
  const stdout: string[] = []
  let password: string | undefined
  let seeded = false
  readline.createInterface({ input: child.stderr! }).on('line', (line) => {
    if (line.startsWith('[memory] ')) memoryLines.push(JSON.parse(line.slice(9)))
    else if (process.env.BENCH_VERBOSE) console.error(`  ${line}`)
  })
  // The tree's largest resident memory per process while it starts (the seed's child among them).
  const startupPeaks: Record<string, number> = {}
  const watch = setInterval(() => {
    for (const p of descendants(child.pid!)) {
      const s = status(p.pid)
      const name = short(p.cmd)
      if (s && ['web', 'seed', 'heavy'].includes(name))
        startupPeaks[name] = Math.max(startupPeaks[name] ?? 0, s.peakMb)
    }
  }, 250)
  const base = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`npm start dừng (mã ${code}):\n${stdout.slice(-20).join('\n')}`)),
    )
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      stdout.push(line)
      if (process.env.BENCH_VERBOSE) console.error(`  ${line}`)
      if (line.includes('Lần chạy đầu')) seeded = true
      const pw = /mật khẩu chung: ([^)]+)\)/.exec(line)
      if (pw) password = pw[1]
      const ready = /Hệ thống đã sẵn sàng: (\S+)/.exec(line)
      if (ready) resolve(ready[1])
    })
  })
  // The logins are printed after the ready line.
  await sleep(500)
  clearInterval(watch)
  const startMs = Date.now() - began
  return { child, base, password, memoryLines, startMs, seeded, stdout, startupPeaks }
}

async function stop(s: Started) {
  const exited = new Promise((r) => s.child.once('exit', r))
  try {
    process.kill(-s.child.pid!, 'SIGTERM')
  } catch {
    return
  }
  await Promise.race([exited, sleep(30_000)])
  if (s.child.exitCode === null && s.child.signalCode === null) {
    try {
      process.kill(-s.child.pid!, 'SIGKILL')
    } catch {
      // gone meanwhile
    }
  }
}

/** SIGUSR2 to the web process: its memoryReport line. */
async function breakdown(s: Started, webPid: number) {
  const before = s.memoryLines.length
  process.kill(webPid, 'SIGUSR2')
  for (let i = 0; i < 50 && s.memoryLines.length === before; i++) await sleep(100)
  return s.memoryLines[before] ?? null
}

// --- traffic -------------------------------------------------------------------------------------

async function traffic(base: string, password: string) {
  const browser = { 'accept-encoding': 'gzip, deflate, br' }
  const login = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.tayninh.vn', password }),
  })
  if (!login.ok) throw new Error(`đăng nhập thất bại: ${login.status}`)
  const { token } = (await login.json()) as { token: string }
  const cookie = `payload-token=${token}`
  const auth = { authorization: `JWT ${token}` }
  const api = async <T>(p: string) =>
    (await (await fetch(`${base}${p}`, { headers: auth })).json()) as T
  const articles = (
    await api<{ docs: { id: string; slug: string }[] }>(
      '/api/articles?limit=200&depth=0&where[_status][equals]=published&select[slug]=true',
    )
  ).docs
  const channels = (
    await api<{ docs: { id: string; kind: string }[] }>(
      '/api/channels?limit=100&depth=0&where[kind][equals]=feed',
    )
  ).docs
  log(`${articles.length} bài đã đăng, ${channels.length} kênh nguồn cấp tin`)
  let n = 0
  const pick = <T>(xs: T[]) => xs[n % xs.length]
  const requests: (() => [string, Record<string, string>])[] = [
    // anonymous pages (the page cache's hits, and misses for addresses it has not seen)
    () => ['/', browser],
    () => ['/', browser],
    () => [`/articles/${pick(articles).slug}`, browser],
    () => [`/articles/${pick(articles).slug}`, browser],
    () => ['/articles', browser],
    () => [`/?utm_source=bench-${n % 2000}`, browser],
    () => [`/articles/${pick(articles).slug}?ref=${n % 2000}`, browser],
    () => [`/khong-co-trang-nay-${n % 500}`, browser],
    // feeds
    () => [`/feeds/${pick(channels).id}/rss.xml`, {}],
    () => [`/feeds/${pick(channels).id}/feed.json`, {}],
    // an admin's REST reads and pages
    () => ['/api/articles?limit=20&depth=1', auth],
    () => ['/api/publications?limit=50&depth=1', auth],
    () => ['/api/media?limit=20', auth],
    () => ['/api/users/me', auth],
    () => [`/api/articles/${pick(articles).id}?depth=2`, auth],
    () => ['/admin', { cookie }],
    () => ['/admin/collections/articles', { cookie }],
    () => [`/admin/collections/articles/${pick(articles).id}`, { cookie }],
  ]
  const statuses: Record<string, number> = {}
  let errors = 0
  let writes = 0
  const until = Date.now() + SECONDS * 1000
  const interval = (1000 * CONNECTIONS) / RPS
  const worker = async (w: number) => {
    await sleep((interval * w) / CONNECTIONS)
    while (Date.now() < until) {
      const started = Date.now()
      const [p, headers] = requests[n++ % requests.length]()
      try {
        const res = await fetch(`${base}${p}`, { headers, redirect: 'manual' })
        await res.arrayBuffer()
        statuses[res.status] = (statuses[res.status] ?? 0) + 1
      } catch {
        errors++
      }
      await sleep(Math.max(0, interval - (Date.now() - started)))
    }
  }
  const writer = async () => {
    while (Date.now() + WRITE_MS < until) {
      await sleep(WRITE_MS)
      const a = pick(articles)
      try {
        const res = await fetch(`${base}/api/articles/${a.id}`, {
          method: 'PATCH',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ sapo: `Tóm tắt cập nhật lần ${++writes} (bench:memory)` }),
        })
        await res.arrayBuffer()
        statuses[`PATCH ${res.status}`] = (statuses[`PATCH ${res.status}`] ?? 0) + 1
      } catch {
        errors++
      }
    }
  }
  await Promise.all([...Array.from({ length: CONNECTIONS }, (_, w) => worker(w)), writer()])
  return { requests: n, writes, statuses, errors }
}

// --- the run -------------------------------------------------------------------------------------

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URI: `file:${path.join(dir, 'bench.db')}`,
  MEDIA_DIR: path.join(dir, 'media'),
  PAYLOAD_SECRET: crypto.randomBytes(16).toString('hex'),
  PORT: String(await freePort()),
  HOST: '127.0.0.1',
  LOG_REQUESTS: 'false',
  SEED_DEMO: 'true',
}
delete env.NODE_OPTIONS

let result: Record<string, unknown> = {}
try {
  log('npm start (lần chạy đầu, dữ liệu mẫu)…')
  const first = await npmStart(env)
  if (!first.seeded || !first.password) throw new Error('npm start không tạo dữ liệu mẫu')
  log(`sẵn sàng sau ${(first.startMs / 1000).toFixed(1)} s tại ${first.base}`)
  const samples: { t: number; web: number; total: number }[] = []
  const began = Date.now()
  const sample = () => {
    const t = tree(first.child.pid!)
    if (!t.web) return t
    const childMb = t.children.reduce((a, c) => a + c.rssMb, 0)
    samples.push({
      t: Math.round((Date.now() - began) / 1000),
      web: t.web.rssMb,
      total: round(t.web.rssMb + childMb),
    })
    return t
  }
  try {
    await sleep(SETTLE_MS)
    const afterSeed = sample()
    if (!afterSeed.web) throw new Error('không thấy tiến trình web (scripts/start.ts)')
    const seedBreakdown = await breakdown(first, afterSeed.web.pid)
    log(`sau khi tạo dữ liệu mẫu: web ${afterSeed.web.rssMb} MB (đỉnh ${afterSeed.web.peakMb} MB)`)
    log(JSON.stringify(seedBreakdown))
    const timer = setInterval(sample, 1000)
    log(`lưu lượng trong ${SECONDS} s (~${RPS} yêu cầu/s)…`)
    const load = await traffic(first.base, first.password)
    clearInterval(timer)
    await sleep(SETTLE_MS)
    const afterTraffic = sample()
    const trafficBreakdown = await breakdown(first, afterTraffic.web!.pid)
    log(`sau lưu lượng: web ${afterTraffic.web!.rssMb} MB (đỉnh ${afterTraffic.web!.peakMb} MB)`)
    log(JSON.stringify(trafficBreakdown))
    const every = Math.max(1, Math.ceil(samples.length / 12))
    result = {
      seconds: SECONDS,
      rps: RPS,
      startMs: first.startMs,
      startupPeaksMb: first.startupPeaks,
      afterSeedMb: afterSeed.web.rssMb,
      afterSeedPeakMb: afterSeed.web.peakMb,
      afterTrafficMb: afterTraffic.web!.rssMb,
      peakMb: afterTraffic.web!.peakMb,
      maxSampledMb: Math.max(...samples.map((s) => s.web)),
      afterSeed,
      afterTraffic,
      breakdown: { afterSeed: seedBreakdown, afterTraffic: trafficBreakdown },
      load,
      series: samples.filter((_, i) => i % every === 0 || i === samples.length - 1),
    }
  } finally {
    await stop(first)
  }

  log('npm start lần hai (cùng cơ sở dữ liệu, không tạo dữ liệu mẫu)…')
  const second = await npmStart(env)
  try {
    await sleep(SETTLE_MS)
    const t = tree(second.child.pid!)
    const b = t.web ? await breakdown(second, t.web.pid) : null
    result.restartMb = t.web?.rssMb ?? null
    result.restart = { ...t, breakdown: b, seeded: second.seeded }
    log(`khởi động lại: web ${t.web?.rssMb} MB`)
  } finally {
    await stop(second)
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true })
}
console.log(
  JSON.stringify({
    ...result,
    goalMb: GOAL_MB,
    goalMet:
      (result.afterSeedMb as number) < GOAL_MB && (result.afterTrafficMb as number) < GOAL_MB,
  }),
)
process.exit(0)
