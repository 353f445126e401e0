import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'
import { createDispatcher } from '../../src/dispatch/dispatcher'
import { startFakeWebhook, type FakeWebhook } from '../fakes/webhook'
import { createUnit, createUser } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

process.env.DISPATCH_BACKOFF_BASE_MS = '50'
process.env.DISPATCH_BACKOFF_CAP_MS = '200'

let payload: Payload
let hook: FakeWebhook
const ids: Record<string, any> = {}

beforeAll(async () => {
  payload = await testPayload()
  hook = await startFakeWebhook('bi-mat-ky')
  const unit = await createUnit(payload, 'Sở Thông tin và Truyền thông', 'department')
  ids.unit = unit.id
  ids.manager = await createUser(payload, 'campaign-manager', unit.id)
  ids.channel = (await payload.create({
    collection: 'channels',
    data: { name: 'Cổng thông tin tỉnh', kind: 'webhook', settings: { url: `${hook.url}/hook`, timeoutMs: 1000 }, credentials: { signingSecret: 'bi-mat-ky' } } as never,
    overrideAccess: true,
  })).id
  ids.article = (await payload.create({
    collection: 'articles',
    data: { title: 'Tin thử gửi webhook', ownerUnit: unit.id, _status: 'published', sapo: 'Tóm tắt' } as never,
    overrideAccess: true,
  })).id
})

afterAll(async () => {
  await hook.close()
})

const schedule = (extra: Record<string, unknown> = {}) =>
  payload.create({
    collection: 'publications',
    data: { content: { relationTo: 'articles', value: ids.article }, channel: ids.channel, publishNow: true, ...extra } as never,
    user: ids.manager,
    overrideAccess: false,
  })

describe('dispatcher with a webhook channel', () => {
  it('sends a due publication once, signed, and records the remote id', async () => {
    const pub = await schedule()
    expect(pub.status).toBe('scheduled')
    const d = createDispatcher(payload, { workerId: 'test-1', log: console.log })
    expect(await d.drain()).toBe(1)
    const after = await payload.findByID({ collection: 'publications', id: pub.id, overrideAccess: true })
    expect(after.status).toBe('published')
    expect(after.remoteId).toMatch(/^wh-/)
    expect(after.attempts?.[0]?.outcome).toBe('success')
    expect(hook.keys.get(pub.idempotencyKey as string)).toBe(1)
    expect(await d.drain()).toBe(0)
  })
})
