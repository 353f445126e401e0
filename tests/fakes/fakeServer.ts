import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** A failure the next request(s) will meet, as a real remote API can fail. */
export type Injected =
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'timeout' } // accepts the request and never answers
  | { kind: 'reset' } // drops the connection mid-request

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
  /** The next `times` requests meet this failure instead of the handler. */
  inject: (failure: Injected, times?: number) => void
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
  const queue: Injected[] = []
  const hanging = new Set<http.ServerResponse>()
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
      const failure = queue.shift()
      if (failure?.kind === 'reset') {
        req.socket.destroy()
        return
      }
      requests.push(recorded)
      if (failure?.kind === 'timeout') {
        hanging.add(res)
        return
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    inject: (failure, times = 1) => {
      for (let i = 0; i < times; i++) queue.push(failure)
    },
    close: async () => {
      for (const res of hanging) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
