import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Payload } from 'payload'
import { createDispatcher } from '@/dispatch/dispatcher'
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
  ids.channel = (
    await payload.create({
      collection: 'channels',
      data: {
        name: 'Cổng thông tin tỉnh',
        kind: 'webhook',
        settings: { url: `${hook.url}/hook`, timeoutMs: 1000 },
        credentials: { signingSecret: 'bi-mat-ky' },
      } as never,
      overrideAccess: true,
    })
  ).id
  ids.article = (
    await payload.create({
      collection: 'articles',
      data: {
        title: 'Tin thử gửi webhook',
        ownerUnit: unit.id,
        _status: 'published',
        sapo: 'Tóm tắt',
      } as never,
      overrideAccess: true,
    })
  ).id
})

afterAll(async () => {
  await hook.close()
})

const schedule = (extra: Record<string, unknown> = {}) =>
  payload.create({
    collection: 'publications',
    data: {
      content: { relationTo: 'articles', value: ids.article },
      channel: ids.channel,
      publishNow: true,
      ...extra,
    } as never,
    user: ids.manager,
    overrideAccess: false,
  })

describe('dispatcher with a webhook channel', () => {
  it('sends a due publication once, signed, and records the remote id', async () => {
    const pub = await schedule()
    expect(pub.status).toBe('scheduled')
    const d = createDispatcher(payload, { workerId: 'test-1', log: console.log })
    expect(await d.drain()).toBe(1)
    const after = await payload.findByID({
      collection: 'publications',
      id: pub.id,
      overrideAccess: true,
    })
    expect(after.status).toBe('published')
    expect(after.remoteId).toMatch(/^wh-/)
    expect(after.attempts?.[0]?.outcome).toBe('success')
    expect(hook.keys.get(pub.idempotencyKey as string)).toBe(1)
    expect(await d.drain()).toBe(0)
  })
})

/** The error's message and its field messages (where the Vietnamese text of a ValidationError is). */
async function failureOf(work: Promise<unknown>): Promise<string> {
  try {
    await work
  } catch (err) {
    const e = err as { message: string; data?: { errors?: { message: string }[] } }
    return [e.message, ...(e.data?.errors ?? []).map((x) => x.message)].join(' | ')
  }
  throw new Error('expected a refusal, but it succeeded')
}

describe('scheduling rules and fire-time re-checks', () => {
  const drain = () => createDispatcher(payload, { workerId: 'test-2', log: () => {} }).drain()
  const count = async () =>
    (await payload.count({ collection: 'publications', overrideAccess: true })).totalDocs
  let editor: any
  let otherChannel: string
  let ownChannel: string

  beforeAll(async () => {
    const station = await createUnit(payload, 'Đài Phát thanh và Truyền hình', 'radio-tv')
    editor = await createUser(payload, 'editor', station.id)
    ids.stationArticle = (
      await payload.create({
        collection: 'articles',
        data: {
          title: 'Phóng sự chuyển đổi số ở xã',
          ownerUnit: station.id,
          _status: 'published',
          sapo: 'Tóm tắt ngắn',
        } as never,
        overrideAccess: true,
      })
    ).id
    // The province portal belongs to another unit: the station's editor needs approval there.
    otherChannel = String(ids.channel)
    ownChannel = String(
      (
        await payload.create({
          collection: 'channels',
          data: {
            name: 'Webhook của Đài',
            kind: 'webhook',
            ownerUnit: station.id,
            settings: { url: `${hook.url}/dai` },
            credentials: { signingSecret: 'bi-mat-ky' },
            limits: { textMaxLength: 40 },
          } as never,
          overrideAccess: true,
        })
      ).id,
    )
  })

  const asEditor = (data: Record<string, unknown>) =>
    payload.create({
      collection: 'publications',
      data: {
        content: { relationTo: 'articles', value: ids.stationArticle },
        publishNow: true,
        ...data,
      } as never,
      user: editor,
      overrideAccess: false,
    })

  it("holds an editor's publication on another unit's channel for approval, and sends it once approved", async () => {
    const pub = await asEditor({ channel: otherChannel })
    expect(pub.status).toBe('awaiting-approval')
    expect(await drain()).toBe(0)
    expect(
      await failureOf(
        payload.update({
          collection: 'publications',
          id: pub.id,
          data: { status: 'scheduled' } as never,
          user: editor,
          overrideAccess: false,
        }),
      ),
    ).toMatch(/cần quản lý chiến dịch.*duyệt/)
    const approved = await payload.update({
      collection: 'publications',
      id: pub.id,
      data: { status: 'scheduled' } as never,
      user: ids.manager,
      overrideAccess: false,
    })
    expect(approved.approval?.approvedBy).toBeTruthy()
    expect(await drain()).toBe(1)
    const sent = await payload.findByID({
      collection: 'publications',
      id: pub.id,
      overrideAccess: true,
    })
    expect(sent.status).toBe('published')
  })

  const approvedAnHourAhead = async () => {
    const pub = await asEditor({
      channel: otherChannel,
      scheduledAt: new Date(Date.now() + 3600_000).toISOString(),
      publishNow: false,
    })
    await payload.update({
      collection: 'publications',
      id: pub.id,
      data: { status: 'scheduled' } as never,
      user: ids.manager,
      overrideAccess: false,
    })
    return pub
  }
  const statusOf = async (id: string) =>
    payload.findByID({ collection: 'publications', id, overrideAccess: true, depth: 0 })

  it('sends an approved publication back for approval as soon as the published content is edited, but not for a draft save', async () => {
    const pub = await approvedAnHourAhead()
    await payload.update({
      collection: 'articles',
      id: ids.stationArticle,
      data: { sapo: 'Bản nháp chưa xuất bản' } as never,
      draft: true,
      user: editor,
      overrideAccess: false,
    })
    expect((await statusOf(pub.id)).status).toBe('scheduled')

    await payload.update({
      collection: 'articles',
      id: ids.stationArticle,
      data: { sapo: 'Tóm tắt đã sửa sau khi duyệt', _status: 'published' } as never,
      user: editor,
      overrideAccess: false,
    })
    const reopened = await statusOf(pub.id)
    expect(reopened.status).toBe('awaiting-approval')
    expect(reopened.approval).toMatchObject({ approvedAt: null, approvedBy: null, required: true })
    expect(reopened.attempts?.at(-1)).toMatchObject({
      outcome: 'held',
      message: expect.stringMatching(/sửa sau khi duyệt/),
    })
    // Approving again records what the manager saw now, and it stays approved.
    await payload.update({
      collection: 'publications',
      id: pub.id,
      data: { status: 'scheduled' } as never,
      user: ids.manager,
      overrideAccess: false,
    })
    expect((await statusOf(pub.id)).approval?.approvedAt).toBeTruthy()
  })

  it('still catches, at fire time, a change that did not pass through the save hook', async () => {
    const pub = await approvedAnHourAhead()
    // A direct database write skips hooks, like a change to something the content only points to.
    await payload.db.updateOne({
      collection: 'articles',
      id: ids.stationArticle,
      data: { sapo: 'Sửa thẳng trong cơ sở dữ liệu' },
    } as never)
    expect((await statusOf(pub.id)).status).toBe('scheduled')
    // Make it due now, as time passing would.
    await payload.db.updateOne({
      collection: 'publications',
      id: pub.id,
      data: { nextAttemptAt: new Date(Date.now() - 1000).toISOString() },
    } as never)
    const before = hook.requests.length
    expect(await drain()).toBe(1)
    const held = await statusOf(pub.id)
    expect(held.status).toBe('awaiting-approval')
    expect(held.attempts?.at(-1)?.message).toMatch(/sửa sau khi duyệt/)
    expect(hook.requests.length).toBe(before)
  })

  it('does not send a cancelled publication', async () => {
    const pub = await asEditor({ channel: ownChannel, message: 'Ngắn' })
    expect(pub.status).toBe('scheduled')
    await payload.update({
      collection: 'publications',
      id: pub.id,
      data: { status: 'cancelled' } as never,
      user: editor,
      overrideAccess: false,
    })
    const before = hook.requests.length
    await drain()
    expect(
      (await payload.findByID({ collection: 'publications', id: pub.id, overrideAccess: true }))
        .status,
    ).toBe('cancelled')
    expect(hook.requests.length).toBe(before)
  })

  it('leaves a publication alone while its content link is not yet written, and sends it once it is', async () => {
    // SQLite writes a publication's row first and its content link (a separate table) just after;
    // a worker claiming in between must wait for the link, not call the content deleted.
    const pub = await asEditor({ channel: ownChannel, message: 'Nửa chừng' })
    const { sql } = await import('@payloadcms/db-sqlite')
    await (payload.db as any).drizzle.run(
      sql`DELETE FROM publications_rels WHERE parent_id = ${pub.id} AND path = 'content'`,
    )
    await drain()
    const waiting = await payload.findByID({
      collection: 'publications',
      id: pub.id,
      overrideAccess: true,
      depth: 0,
    })
    expect(waiting.status).toBe('scheduled')
    expect(waiting.attempts ?? []).toEqual([])
    await (payload.db as any).drizzle.run(
      sql`INSERT INTO publications_rels (parent_id, path, "order", articles_id) VALUES (${pub.id}, 'content', 1, ${ids.stationArticle})`,
    )
    await drain()
    const sent = await payload.findByID({
      collection: 'publications',
      id: pub.id,
      overrideAccess: true,
      depth: 0,
    })
    expect(sent.status).toBe('published')
    expect(sent.attempts?.map((a) => a.outcome)).toEqual(['success'])
  })

  it('retries, rather than fails, a claimed publication whose content link is missing when it fires', async () => {
    const { dispatchOne } = await import('@/dispatch/dispatchOne')
    const recorded: [Record<string, unknown>, Record<string, unknown>][] = []
    const pub = {
      id: 'x',
      status: 'sending',
      leaseOwner: 't',
      channel: ownChannel,
      content: null,
      scheduledAt: new Date().toISOString(),
      nextAttemptAt: new Date().toISOString(),
      idempotencyKey: 'k',
      attemptCount: 0,
    }
    const outcome = await dispatchOne(
      {
        payload,
        workerId: 'test-3',
        channel: (id) =>
          payload.findByID({ collection: 'channels', id, depth: 0, overrideAccess: true }) as never,
        content: async () => null,
        record: (_pub, attempt, changes) => void recorded.push([attempt, changes]),
      },
      pub as never,
    )
    expect(outcome).toBe('retrying')
    expect(recorded[0][0]).toMatchObject({
      outcome: 'retry',
      message: 'Lịch đăng không còn liên kết tới nội dung nào.',
    })
    expect(recorded[0][1]).toMatchObject({ status: 'retrying', attemptCount: 1 })
  })

  it('cancels the pending publications of deleted content, saying why, and leaves published ones as they are', async () => {
    const article = await payload.create({
      collection: 'articles',
      data: {
        title: 'Bài sẽ bị xóa',
        ownerUnit: editor.unit,
        _status: 'published',
        sapo: 'Tạm',
      } as never,
      overrideAccess: true,
    })
    const on = (extra: Record<string, unknown>) =>
      asEditor({
        channel: ownChannel,
        content: { relationTo: 'articles', value: article.id },
        ...extra,
      })
    const sent = await on({ message: 'Đã gửi' })
    await drain()
    const later = await on({
      publishNow: false,
      scheduledAt: new Date(Date.now() + 3600_000).toISOString(),
    })
    await payload.delete({ collection: 'articles', id: article.id, overrideAccess: true })

    const cancelled = await payload.findByID({
      collection: 'publications',
      id: later.id,
      overrideAccess: true,
      depth: 0,
    })
    expect(cancelled.status).toBe('cancelled')
    expect(cancelled.attempts?.at(-1)?.message).toMatch(/Nội dung "Bài sẽ bị xóa" đã bị xóa/)
    const kept = await payload.findByID({
      collection: 'publications',
      id: sent.id,
      overrideAccess: true,
      depth: 0,
    })
    expect(kept.status).toBe('published')
  })

  it('takes over a claim whose worker died, once its lease has expired', async () => {
    const pub = await asEditor({ channel: ownChannel, message: 'Gửi lại' })
    // A worker claimed it and died: "sending", lease already over.
    await payload.db.updateOne({
      collection: 'publications',
      id: pub.id,
      data: {
        status: 'sending',
        leaseOwner: 'dead-worker:1',
        leaseUntil: new Date(Date.now() - 1000).toISOString(),
      },
    } as never)
    expect(await drain()).toBe(1)
    const done = await payload.findByID({
      collection: 'publications',
      id: pub.id,
      overrideAccess: true,
    })
    expect(done.status).toBe('published')
    expect(hook.keys.get(done.idempotencyKey as string)).toBe(1)
  })

  it('leaves a live lease alone', async () => {
    const pub = await asEditor({ channel: ownChannel, message: 'Đang gửi' })
    await payload.db.updateOne({
      collection: 'publications',
      id: pub.id,
      data: {
        status: 'sending',
        leaseOwner: 'live-worker:1',
        leaseUntil: new Date(Date.now() + 60_000).toISOString(),
      },
    } as never)
    expect(await drain()).toBe(0)
    expect(
      (await payload.findByID({ collection: 'publications', id: pub.id, overrideAccess: true }))
        .status,
    ).toBe('sending')
  })

  it('sweeps overdue publications when a worker starts', async () => {
    const pub = await asEditor({ channel: ownChannel, message: 'Quá hạn' })
    await payload.db.updateOne({
      collection: 'publications',
      id: pub.id,
      data: { nextAttemptAt: new Date(Date.now() - 3600_000).toISOString() },
    } as never)
    const d = createDispatcher(payload, { workerId: 'sweeper', log: () => {}, lookaheadMs: 0 })
    d.start()
    try {
      await vi.waitFor(
        async () => {
          expect(
            (
              await payload.findByID({
                collection: 'publications',
                id: pub.id,
                overrideAccess: true,
              })
            ).status,
          ).toBe('published')
        },
        { timeout: 10_000, interval: 100 },
      )
    } finally {
      await d.stop()
    }
    const beat = await payload.find({
      collection: 'worker-heartbeats',
      where: { workerId: { equals: 'sweeper' } },
      overrideAccess: true,
    })
    expect(beat.docs[0]?.state).toBe('Đã dừng')
  })

  it.each([
    [
      'a time in the past',
      { channel: 'own', publishNow: false, scheduledAt: '2020-01-01T08:00:00+07:00' },
      /đã qua/,
    ],
    [
      'text longer than the channel allows',
      { channel: 'own', message: 'Một lời dẫn rất dài vượt quá giới hạn bốn mươi ký tự của kênh' },
      /vượt giới hạn 40 ký tự/,
    ],
    [
      'an unknown channel',
      { channel: '01a20000-0000-7000-8000-000000000000' },
      /Kênh .* không tồn tại/,
    ],
    [
      'unknown content',
      {
        channel: 'own',
        content: { relationTo: 'articles', value: '01a20000-0000-7000-8000-000000000001' },
      },
      /Nội dung .* không tồn tại/,
    ],
  ])('refuses %s with a clear message and saves nothing', async (_what, data, message) => {
    const before = await count()
    const { channel, ...rest } = data as Record<string, unknown>
    expect(
      await failureOf(asEditor({ ...rest, channel: channel === 'own' ? ownChannel : channel })),
    ).toMatch(message)
    expect(await count()).toBe(before)
  })

  it('refuses content the channel does not take', async () => {
    const radio = await payload.create({
      collection: 'channels',
      data: {
        name: 'Phát thanh tỉnh',
        kind: 'radio',
        ownerUnit: editor.unit,
        limits: { acceptedTypes: ['videos'] },
      } as never,
      overrideAccess: true,
    })
    const before = await count()
    expect(await failureOf(asEditor({ channel: radio.id }))).toMatch(
      /không nhận loại nội dung "Tin, bài"/,
    )
    expect(await count()).toBe(before)
  })
})
