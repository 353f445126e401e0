import crypto from 'node:crypto'
import { startFakeServer, type FakeServer } from './fakeServer'

export type FakeWebhook = FakeServer & {
  /** How many times each Idempotency-Key arrived. The receiver acts on the first only. */
  keys: Map<string, number>
  /** Items the receiver created: one per distinct key, as an idempotent receiver does. */
  effects: () => number
  /** First arrival time of each key, for lag measurements. */
  firstSeen: Map<string, number>
  duplicates: () => number
}

/**
 * A portal receiving the CMS's webhook: it checks the HMAC-SHA256 signature of the raw body
 * (401 when wrong), requires an Idempotency-Key (400 without), and answers with an id.
 */
export async function startFakeWebhook(
  secret: string,
  options: { latencyMs?: number } = {},
): Promise<FakeWebhook> {
  const keys = new Map<string, number>()
  const firstSeen = new Map<string, number>()
  const created = new Map<string, { id: string; url: string }>()
  let n = 0
  const server = await startFakeServer((req) => {
    const expected = `sha256=${crypto.createHmac('sha256', secret).update(req.body).digest('hex')}`
    const given = String(req.headers['x-signature-sha256'] ?? '')
    if (
      given.length !== expected.length ||
      !crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected))
    ) {
      return { status: 401, body: { error: 'invalid signature' } }
    }
    const key = req.headers['idempotency-key']
    if (typeof key !== 'string' || !key)
      return { status: 400, body: { error: 'Idempotency-Key required' } }
    keys.set(key, (keys.get(key) ?? 0) + 1)
    // A repeated key gets the first answer again and creates nothing (the Idempotency-Key contract).
    const known = created.get(key)
    if (known) return { status: 200, body: known }
    firstSeen.set(key, req.at)
    const id = `wh-${++n}`
    const body = { id, url: `https://portal.example/tin/${id}` }
    created.set(key, body)
    return { status: 201, body }
  }, options)
  return {
    ...server,
    keys,
    firstSeen,
    effects: () => created.size,
    duplicates: () => [...keys.values()].reduce((sum, c) => sum + (c - 1), 0),
  }
}
