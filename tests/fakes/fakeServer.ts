import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** A failure the next request(s) will meet, as a real remote API can fail. */
export type Injected =
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'timeout' } // accepts the request and never answers
  | { kind: 'reset' } // drops the connection mid-request
  // Failing after accepting: the handler runs (the remote keeps the post), and then the answer
  // never comes (`hold`: until the server closes), the connection is dropped (`drop`), or the
  // answer comes `delayMs` late (`late`: after the client's time-out).
  | { kind: 'hold' }
  | { kind: 'drop' }
  | { kind: 'late'; delayMs: number }

export type RecordedRequest = {
  method: string
  path: string
  headers: http.IncomingHttpHeaders
  body: string
  /** The body's bytes as received (binary uploads). */
  raw: Buffer
  at: number
}

export type Handler = (req: RecordedRequest) => {
  status: number
  body: unknown
  headers?: Record<string, string>
}

export type FakeServer = {
  url: string
  requests: RecordedRequest[]
  /** The next `times` requests (whose "METHOD /path" contains `path`, if given) meet this failure. */
  inject: (failure: Injected, times?: number, path?: string) => void
  /** Requests accepted but not (yet) answered: `hold` ones, and `late` ones until they answer. */
  unanswered: () => number
  close: () => Promise<void>
}

/**
 * A loopback HTTP server for channel contract tests: a handler that speaks the remote's contract,
 * optional latency, and failure injection (HTTP errors, Retry-After, timeouts, reset connections).
 */
export async function startFakeServer(
  handler: Handler,
  options: { latencyMs?: number } = {},
): Promise<FakeServer> {
  const requests: RecordedRequest[] = []
  const queue: { failure: Injected; path?: string }[] = []
  const hanging = new Set<http.ServerResponse>()
  let unanswered = 0
  const next = (path: string) => {
    const i = queue.findIndex((q) => !q.path || path.includes(q.path))
    return i < 0 ? undefined : queue.splice(i, 1)[0].failure
  }
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', async () => {
      const raw = Buffer.concat(chunks)
      const recorded: RecordedRequest = {
        method: req.method!,
        path: req.url!,
        headers: req.headers,
        body: raw.toString('utf8'),
        raw,
        at: Date.now(),
      }
      const failure = next(`${req.method} ${new URL(recorded.path, 'http://fake').pathname}`)
      if (failure?.kind === 'reset') {
        req.socket.destroy()
        return
      }
      requests.push(recorded)
      if (failure?.kind === 'timeout') {
        hanging.add(res)
        return
      }
      if (failure?.kind === 'hold' || failure?.kind === 'drop' || failure?.kind === 'late') {
        const reply = handler(recorded)
        if (failure.kind === 'drop') return void req.socket.destroy()
        unanswered++
        if (failure.kind === 'hold') return void hanging.add(res)
        await new Promise((r) => setTimeout(r, failure.delayMs))
        unanswered--
        if (res.destroyed || res.writableEnded) return
        res.writeHead(reply.status, {
          'content-type': 'application/json',
          ...(reply.headers ?? {}),
        })
        return void res.end(JSON.stringify(reply.body))
      }
      if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs))
      const reply =
        failure?.kind === 'status'
          ? {
              status: failure.status,
              body: failure.body ?? { error: `HTTP ${failure.status}` },
              headers: failure.headers,
            }
          : handler(recorded)
      res.writeHead(reply.status, { 'content-type': 'application/json', ...(reply.headers ?? {}) })
      res.end(JSON.stringify(reply.body))
    })
  })
  // Node closes an idle keep-alive socket after 5 s; a client reusing it at that moment meets
  // ECONNRESET. A test that spends a few seconds between two calls is not testing that race.
  server.keepAliveTimeout = 120_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    inject: (failure, times = 1, path) => {
      for (let i = 0; i < times; i++) queue.push({ failure, path })
    },
    unanswered: () => unanswered,
    close: async () => {
      for (const res of hanging) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
