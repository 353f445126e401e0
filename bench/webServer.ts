/**
 * The server bench:web measures, in its own process (so the load generator does not share its
 * event loop): the real Express + Next + Payload server on loopback, plus the static baseline,
 * files served by express.static where the page cache sits, behind the same middleware. Prints
 * `{"url": …}` on stdout once it listens. BENCH_DISPATCHER=1 (bench:stall) runs a dispatcher in it
 * too, as `npm start` does; HEAVY_WORK says where long database work runs (src/heavy).
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
const dispatcher =
  process.env.BENCH_DISPATCHER === '1'
    ? (await import('@/dispatch/dispatcher')).createDispatcher(running.payload)
    : undefined
dispatcher?.start()
console.log(JSON.stringify({ url: running.url }))
for (const signal of ['SIGTERM', 'SIGINT'] as const)
  process.once(signal, async () => {
    await dispatcher?.stop()
    await running.close()
    process.exit(0)
  })
