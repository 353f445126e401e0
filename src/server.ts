import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import compression from 'compression'
import express from 'express'
import next from 'next'
import type { Payload } from 'payload'
import { pinoHttp } from 'pino-http'
import { CLIENT_ADDRESS_HEADER } from './audit/record'
import { startPayload } from './lib/startPayload'
import type { HeavyWork } from './heavy'
import { heavyProcessWanted, startHeavyProcess } from './heavy/process'
import { startJobRunner } from './jobs/runner'
import { readiness } from './lib/readiness'
import { onShutdownSignal } from './lib/shutdown'
import { defaultLanguage } from './lib/defaultLanguage'
import { feedsRouter } from './feeds/router'
import { rundownsRouter } from './rundowns/router'
import { publicPagePolicy, securityHeaders } from './security/headers'
import { publicFormLimiter, rateLimits, trustProxy } from './security/rateLimits'
import { checkInRouter } from './checkIn/router'
import { CHECK_IN_PATH } from './checkIn/paths'
import { surveyRouter } from './surveys/router'
import { SURVEY_PATH } from './surveys/paths'
import { refusalPage } from './publicForms/page'
import { plainNotFound } from './web/notFoundPage'
import { createPageCache, pageCacheSettings, type PageCache } from './web/pageCache'
import { onLocalSiteChange, pollSiteChanges } from './web/siteChanges'
import { withdrawnPages } from './web/withdrawn'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export type RunningServer = {
  url: string
  port: number
  payload: Payload
  http: http.Server
  /** Anonymous visitors' pages kept in memory (src/web/pageCache.ts). */
  pageCache: PageCache
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  close: () => Promise<void>
}

export type ServerOptions = {
  port?: number
  host?: string
  dev?: boolean
  logRequests?: boolean
  /**
   * Where long database work runs (src/heavy): 'process' a child process of its own; 'inline'
   * (the default, see heavyProcessWanted) in this process. HEAVY_WORK sets the default.
   */
  heavyWork?: 'process' | 'inline'
  /** Routes mounted where the page cache sits, behind the same middleware (bench:web's static baseline). */
  beforePages?: (app: express.Express) => void
}

/** Express in front of Next.js and Payload: health, readiness, headers, compression, logs, then Next. */
export async function createServer(options: ServerOptions = {}): Promise<RunningServer> {
  const port = options.port ?? Number(process.env.PORT || 3000)
  const host = options.host ?? process.env.HOST ?? '0.0.0.0'
  const dev = options.dev ?? process.env.NODE_ENV === 'development'

  const payload = await startPayload()
  const heavy: HeavyWork | undefined = heavyProcessWanted(options.heavyWork)
    ? startHeavyProcess()
    : undefined
  // Rebuilds and exports asked for in the admin run as background jobs (src/jobs), here and in
  // every `npm run worker`.
  const jobs = startJobRunner(payload)
  const nextApp = next({ dev, dir: root, hostname: host === '0.0.0.0' ? 'localhost' : host, port })
  await nextApp.prepare()
  const handle = nextApp.getRequestHandler()

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', trustProxy())
  // The client's address as resolved behind the trusted proxy, for the audit trail; a client's own value is overwritten.
  app.use((req, _res, next) => {
    req.headers[CLIENT_ADDRESS_HEADER] = req.ip ?? ''
    next()
  })
  if (options.logRequests ?? process.env.LOG_REQUESTS !== 'false') {
    app.use(
      pinoHttp({
        autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
        quietReqLogger: true,
        // One short line per request: the full header dump would drown the log.
        serializers: {
          req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        },
      }),
    )
  }
  app.use(securityHeaders())

  // Anonymous pages from memory, emptied on every content change: this process's at once, any
  // process's (a worker publishing) through the database's change marks, read every second.
  // A hit is answered here, already compressed, before the rest of the chain (compression too);
  // a miss goes on to Next, and the middleware just before it keeps a copy.
  const notPages = [payload.config.routes.admin, payload.config.routes.api, '/_next']
  const pagePolicy = publicPagePolicy(notPages)
  const { pollMs, ...limits } = pageCacheSettings()
  const pageCache = createPageCache({
    // /next: the draft-mode (preview) routes of the public page.
    skip: [...notPages, '/next', '/feeds', '/rundowns', CHECK_IN_PATH],
    privateCookies: [
      `${payload.config.cookiePrefix}-token`,
      '__prerender_bypass',
      '__next_preview_data',
    ],
    previewParams: ['draft', 'preview', 'previewSecret', 'secret', 'token', 'livePreview'],
    beforeHit: pagePolicy,
    ...limits,
  })
  const withdrawn = withdrawnPages(payload)
  app.use(withdrawn.middleware)
  app.use(pageCache.hit)
  app.use(compression())

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' })
  })
  app.get('/readyz', async (_req, res) => {
    const state = await readiness(payload)
    res.status(state.ready ? 200 : 503).json(state.body)
  })

  app.use(rateLimits(payload))
  app.use('/feeds', feedsRouter(payload))
  app.use('/rundowns', rundownsRouter(payload))

  app.use(defaultLanguage)
  app.use(pagePolicy)
  options.beforePages?.(app)
  // The public forms (plain HTML, no Next): one per-address limit shared by all of them.
  const formLimiter = publicFormLimiter(refusalPage)
  app.use(CHECK_IN_PATH, checkInRouter(payload, { limiter: formLimiter }))
  app.use(SURVEY_PATH, surveyRouter(payload, { limiter: formLimiter }))

  // A withdrawn item's page answers 410 (src/web/withdrawn.ts); mounted before the cache's hits.
  const forget = () => {
    pageCache.clear()
    withdrawn.clear()
  }
  const stopLocal = onLocalSiteChange(forget)
  const changes = await pollSiteChanges(
    payload,
    { onChange: forget, onHealth: (ok) => pageCache.setEnabled(ok) },
    { intervalMs: pollMs },
  )
  app.use(pageCache.middleware)
  // After the cache, so that the page it stores for a 404 is this one.
  app.use(plainNotFound({ skip: notPages }))
  app.all('/{*splat}', (req, res) => handle(req, res))

  const server = http.createServer(app)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const actualPort = (server.address() as { port: number }).port
  const shownHost = host === '0.0.0.0' ? 'localhost' : host

  let closing: Promise<void> | undefined
  const close = () =>
    (closing ??= (async () => {
      changes.stop()
      stopLocal()
      // No new connections from here on.
      const done = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      // In-flight requests get a bounded time to finish; then remaining sockets are dropped.
      const timer = setTimeout(() => server.closeAllConnections(), 10_000)
      // The job runner stops meanwhile, before Next and Payload close under its polls.
      await jobs.stop()
      await done
      clearTimeout(timer)
      await nextApp.close?.()
      await heavy?.stop()
      await payload.destroy()
    })())

  return {
    url: `http://${shownHost}:${actualPort}`,
    port: actualPort,
    payload,
    http: server,
    pageCache,
    close,
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  await import('dotenv/config')
  const running = await createServer()
  console.log(`Máy chủ đang chạy tại ${running.url} (quản trị: ${running.url}/admin)`)
  onShutdownSignal(async (signal) => {
    console.log(
      `Nhận ${signal}: dừng nhận yêu cầu mới, chờ các yêu cầu đang xử lý rồi đóng cơ sở dữ liệu…`,
    )
    await running.close()
  })
}
