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
import { readiness } from './lib/readiness'
import { defaultLanguage } from './lib/defaultLanguage'
import { feedsRouter } from './feeds/router'
import { rundownsRouter } from './rundowns/router'
import { publicPagePolicy, securityHeaders } from './security/headers'
import { rateLimits, trustProxy } from './security/rateLimits'
import { createPageCache, pageCacheSettings, type PageCache } from './web/pageCache'
import { onLocalSiteChange, pollSiteChanges } from './web/siteChanges'

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
  /** Routes mounted where the page cache sits, behind the same middleware (bench:web's static baseline). */
  beforePages?: (app: express.Express) => void
}

/** Express in front of Next.js and Payload: health, readiness, headers, compression, logs, then Next. */
export async function createServer(options: ServerOptions = {}): Promise<RunningServer> {
  const port = options.port ?? Number(process.env.PORT || 3000)
  const host = options.host ?? process.env.HOST ?? '0.0.0.0'
  const dev = options.dev ?? process.env.NODE_ENV === 'development'

  const payload = await startPayload()
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
  app.use(publicPagePolicy([payload.config.routes.admin, payload.config.routes.api, '/_next']))
  options.beforePages?.(app)

  // Anonymous pages from memory, emptied on every content change: this process's at once, any
  // process's (a worker publishing) through the database's change marks, read every second.
  const { pollMs, ...limits } = pageCacheSettings()
  const pageCache = createPageCache({
    // /next: the draft-mode (preview) routes of the public page.
    skip: [
      payload.config.routes.admin,
      payload.config.routes.api,
      '/_next',
      '/next',
      '/feeds',
      '/rundowns',
    ],
    privateCookies: [
      `${payload.config.cookiePrefix}-token`,
      '__prerender_bypass',
      '__next_preview_data',
    ],
    previewParams: ['draft', 'preview', 'previewSecret', 'secret', 'token', 'livePreview'],
    ...limits,
  })
  const stopLocal = onLocalSiteChange(() => pageCache.clear())
  const changes = await pollSiteChanges(
    payload,
    { onChange: () => pageCache.clear(), onHealth: (ok) => pageCache.setEnabled(ok) },
    { intervalMs: pollMs },
  )
  app.use(pageCache.middleware)
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
      const done = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      // In-flight requests get a bounded time to finish; then remaining sockets are dropped.
      const timer = setTimeout(() => server.closeAllConnections(), 10_000)
      await done
      clearTimeout(timer)
      await nextApp.close?.()
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
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, async () => {
      console.log(
        `Nhận ${signal}: dừng nhận yêu cầu mới, chờ các yêu cầu đang xử lý rồi đóng cơ sở dữ liệu…`,
      )
      await running.close()
      process.exit(0)
    })
  }
}
