/**
 * The server bench:web measures, in its own process (so the load generator does not share its
 * event loop): the real Express + Next + Payload server on loopback, plus the static baseline,
 * files served by express.static where the page cache sits, behind the same middleware. Prints
 * `{"url": …}` on stdout once it listens.
 */
import express from 'express'

const { createServer } = await import('@/server')
const running = await createServer({
  port: 0,
  host: '127.0.0.1',
  dev: false,
  logRequests: false,
  beforePages: (app) => app.use('/bench-static', express.static(process.env.BENCH_STATIC_DIR!)),
})
console.log(JSON.stringify({ url: running.url }))
for (const signal of ['SIGTERM', 'SIGINT'] as const)
  process.once(signal, async () => {
    await running.close()
    process.exit(0)
  })
