/**
 * The heavy-work process (src/heavy/index.ts): its own Payload and database connection, running
 * the jobs its parent sends one message at a time, in order, and answering each. It leaves when
 * the parent disconnects (closing its database first) or dies.
 */
import { startPayload } from '@/lib/startPayload'
import { heavyJobs, type HeavyKind } from './jobs'

type Message = { id: number; kind: HeavyKind; args: unknown }

// The parent may be gone by the time a job ends (it stopped, or died): nobody to answer then.
const answer = (reply: object) => {
  if (process.connected) process.send!(reply)
}

// As in the web process (scripts/start.ts): Node would keep every loaded file's source map
// (~140 MB); SOURCE_MAPS=true keeps them for readable stack traces.
if (process.env.SOURCE_MAPS !== 'true') process.setSourceMapsEnabled(false)
const payload = await startPayload()
let queue: Promise<unknown> = Promise.resolve()

process.on('message', (msg: Message) => {
  queue = queue.then(async () => {
    try {
      const job = heavyJobs[msg.kind] as
        ((p: typeof payload, a: unknown) => Promise<unknown>) | undefined
      if (!job) throw new Error(`Không có việc nền "${String(msg.kind)}".`)
      answer({ id: msg.id, ok: true, value: await job(payload, msg.args) })
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err))
      answer({
        id: msg.id,
        ok: false,
        error: { message: e.message, name: e.name, stack: e.stack },
      })
    }
  })
})
process.once('disconnect', () => {
  void queue.finally(async () => {
    await payload.destroy()
    process.exit(0)
  })
})
process.send!({ ready: true })
