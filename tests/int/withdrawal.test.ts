/**
 * Withdrawing content ("gỡ bài", issue 27 item 3) against the platforms' loopback fakes, with the
 * real dispatcher: each platform's post removed (Facebook deleted, Zalo OA article removed, YouTube
 * video made private), TikTok handed to a person, a platform that refuses for good, a platform down
 * then back (retries with backoff); feeds drop the item and its page answers 410 (and the page
 * cache forgets the page it held); the audit trail says who and why; who may withdraw.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { loadFeedEntries } from '@/feeds/data'
import { createPageCache } from '@/web/pageCache'
import { onLocalSiteChange } from '@/web/siteChanges'
import { withdrawnPages } from '@/web/withdrawn'
import { graphError, startFakeFacebook, type FakeFacebook } from '../fakes/facebook'
import { startFakeTikTok, type FakeTikTok } from '../fakes/tiktok'
import { startFakeYoutube, type FakeYoutube } from '../fakes/youtube'
import { startFakeZalo, type FakeZalo } from '../fakes/zalo'
import { matrixRow } from '../helpers/accessSpec'
import { createUnit, createUser } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'
import {
  CHANNEL_TIMEOUT_MS,
  createArticle,
  createChannel,
  createEnv,
  createVideo,
  drain,
  readPub,
  schedule,
  untilDue,
  type Env,
} from './channels-harness'

vi.hoisted(() => {
  process.env.DISPATCH_BACKOFF_BASE_MS = '200'
  process.env.DISPATCH_BACKOFF_CAP_MS = '400'
  process.env.DISPATCH_MAX_ATTEMPTS = '3'
})

type Doc = Record<string, any>

const FB_TOKEN = 'EAAGtrangTinh1'
const ZALO_TOKEN = 'zalo-oa-token-1'
const YT_TOKEN = 'ya29.kenh-dai-tinh'
const VIDEO_ID = 'dQw4w9WgXcQ'

let payload: Payload
let env: Env
let fb: FakeFacebook
let zalo: FakeZalo
let yt: FakeYoutube
let tiktok: FakeTikTok
const ch: Record<string, string> = {}
let editor: Doc

beforeAll(async () => {
  payload = await testPayload()
  env = await createEnv(payload)
  editor = await createUser(payload, 'editor', env.unit.id)
  fb = await startFakeFacebook({ token: FB_TOKEN })
  zalo = await startFakeZalo({ token: ZALO_TOKEN })
  yt = await startFakeYoutube({ token: YT_TOKEN, videoIds: [VIDEO_ID] })
  tiktok = await startFakeTikTok()
  const make = async (data: Record<string, unknown>) => String((await createChannel(env, data)).id)
  const timeout = { timeoutMs: CHANNEL_TIMEOUT_MS }
  ch.fb = await make({
    name: 'Fanpage Chuyển đổi số',
    kind: 'facebook-page',
    settings: { apiBaseUrl: fb.apiBaseUrl, pageId: fb.pageId, ...timeout },
    credentials: { accessToken: FB_TOKEN },
  })
  ch.zalo = await make({
    name: 'Zalo OA Sở TT&TT',
    kind: 'zalo-oa',
    settings: { apiBaseUrl: zalo.apiBaseUrl, oaId: '4318029871234567890', ...timeout },
    credentials: { accessToken: ZALO_TOKEN },
  })
  ch.yt = await make({
    name: 'Kênh YouTube Đài tỉnh',
    kind: 'youtube',
    settings: {
      apiBaseUrl: yt.apiBaseUrl,
      youtubeChannelId: 'UCfakeChannel0000000000',
      ...timeout,
    },
    credentials: { accessToken: YT_TOKEN },
  })
  ch.tiktok = await make({
    name: 'TikTok Sở TT&TT',
    kind: 'tiktok',
    settings: {
      apiBaseUrl: tiktok.apiBaseUrl,
      oauthBaseUrl: tiktok.apiBaseUrl,
      tiktokPrivacyLevel: 'PUBLIC_TO_EVERYONE',
      ...timeout,
    },
    credentials: {
      accessToken: tiktok.token,
      clientId: tiktok.clientKey,
      clientSecret: tiktok.clientSecret,
      refreshToken: tiktok.refreshToken,
    },
  })
  ch.feed = await make({ name: 'Nguồn tin Chuyển đổi số', kind: 'feed' })
  ch.web = await make({ name: 'Chuyên trang Chuyển đổi số', kind: 'web-page' })
})

afterAll(async () => {
  await Promise.all([fb.close(), zalo.close(), yt.close(), tiktok.close()])
})

/** Publishes `content` on these channels through the real dispatcher; returns the publications by channel key. */
async function publishOn(content: { relationTo: string; value: string }, keys: string[]) {
  const pubs: Record<string, Doc> = {}
  for (const key of keys) pubs[key] = await schedule(env, ch[key], content)
  await drain(env)
  for (const key of keys) {
    pubs[key] = await readPub(env, pubs[key].id)
    expect(pubs[key].status, key).toBe('published')
  }
  return pubs
}

const withdraw = (data: Record<string, unknown>, user: Doc = editor) =>
  payload.create({
    collection: 'withdrawals',
    data: data as never,
    user,
    overrideAccess: false,
    depth: 0,
  }) as Promise<Doc>

const removalsOf = async (withdrawal: string) => {
  const found = await payload.find({
    collection: 'removals',
    where: { withdrawal: { equals: withdrawal } },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
  })
  return found.docs as Doc[]
}
const byChannel = (removals: Doc[]) =>
  Object.fromEntries(
    removals.map((r) => [Object.keys(ch).find((k) => ch[k] === r.channel), r]),
  ) as Record<string, Doc>

describe('withdrawing an item from every channel', () => {
  let content: { relationTo: string; value: string }
  let pubs: Record<string, Doc>
  let w: Doc
  let slug: string

  beforeAll(async () => {
    content = await createArticle(env, { image: true })
    slug = (await payload.findByID({ collection: 'articles', id: content.value, depth: 0 })).slug!
    pubs = await publishOn(content, ['fb', 'zalo', 'feed', 'web'])
    expect(fb.posts.filter((p) => !p.deleted)).toHaveLength(1)
  })

  it('is refused without a reason, and nothing changes', async () => {
    await expect(withdraw({ content, reason: '   ' })).rejects.toThrow('Cần nêu lý do gỡ bài.')
    expect(
      (await payload.count({ collection: 'withdrawals', overrideAccess: true })).totalDocs,
    ).toBe(0)
    expect((await readPub(env, pubs.fb.id)).withdrawnAt ?? null).toBeNull()
  })

  it('takes the item off the page at once, and the dispatcher removes each platform post', async () => {
    const reason = 'Số liệu trong bài chưa được Sở kiểm chứng'
    w = await withdraw({ content, reason })
    expect(w).toMatchObject({ scope: 'content', reason, contentSlug: slug })
    const item = await payload.findByID({ collection: 'articles', id: content.value, depth: 0 })
    expect(item._status).toBe('draft')
    const pending = byChannel(await removalsOf(w.id))
    expect(Object.keys(pending).sort()).toEqual(['fb', 'feed', 'web', 'zalo'])
    expect(Object.values(pending).map((r) => r.status)).toEqual([
      'pending',
      'pending',
      'pending',
      'pending',
    ])

    expect(await drain(env)).toBe(4)
    const done = byChannel(await removalsOf(w.id))
    for (const key of ['fb', 'zalo', 'feed', 'web']) expect(done[key].status, key).toBe('done')
    expect(done.fb.message).toBe(`Đã xóa bài ${pubs.fb.remoteId} trên trang Facebook.`)
    expect(fb.posts.find((p) => p.postId === pubs.fb.remoteId)!.deleted).toBe(true)
    expect(zalo.articles.find((a) => a.id === pubs.zalo.remoteId)!.removed).toBe(true)
    expect(done.fb.attempts).toHaveLength(1)
    expect(done.fb.attempts[0]).toMatchObject({ outcome: 'success' })
    // The publications keep their history ("published": they did go out), marked withdrawn.
    const fbPub = await readPub(env, pubs.fb.id)
    expect(fbPub.status).toBe('published')
    expect(fbPub.withdrawnAt).toBeTruthy()
  })

  it('is gone from the feed', async () => {
    const feed = { id: ch.feed, name: 'Nguồn tin', updatedAt: new Date().toISOString() }
    const ids = (await loadFeedEntries(payload, feed)).map((e) => e.item.id)
    expect(ids).not.toContain(content.value)
  })

  it('leaves an audit entry: who withdrew what, and why', async () => {
    const entries = await payload.find({
      collection: 'audit-log',
      where: { action: { equals: 'withdraw' } },
      depth: 0,
      overrideAccess: true,
    })
    const entry = entries.docs.find((e) => e.documentId === String(w.id))!
    expect(entry).toMatchObject({
      user: editor.id,
      documentCollection: 'withdrawals',
      summary: `Gỡ "${w.contentTitle}" trên mọi kênh. Lý do: Số liệu trong bài chưa được Sở kiểm chứng`,
    })
  })

  it('cannot be withdrawn twice', async () => {
    await expect(withdraw({ content, reason: 'Lần nữa' })).rejects.toThrow(
      'Nội dung chưa được đăng ở đâu nên không có gì để gỡ.',
    )
  })
})

describe('the public page of a withdrawn item', () => {
  it('answers 410, and the page cache forgets the page it held', async () => {
    const content = await createArticle(env)
    const slug = (await payload.findByID({ collection: 'articles', id: content.value, depth: 0 }))
      .slug!
    // Express as src/server.ts wires it: 410s, then the page cache, then the pages ("Next" here).
    const app = express()
    const pageCache = createPageCache({
      skip: ['/admin', '/api'],
      privateCookies: [],
      previewParams: [],
      maxBytes: 1_000_000,
      maxEntryBytes: 100_000,
      ttlMs: 60_000,
    })
    const gone = withdrawnPages(payload)
    const stop = onLocalSiteChange(() => {
      pageCache.clear()
      gone.clear()
    })
    let rendered = 0
    app.use(gone.middleware)
    app.use(pageCache.middleware)
    app.get('/{*splat}', (_req, res) => {
      rendered++
      res.type('html').send('<p>bài viết</p>')
    })
    const server = http.createServer(app).listen(0, '127.0.0.1')
    await new Promise((r) => server.once('listening', r))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const page = `${base}/articles/${slug}`
      expect((await fetch(page)).status).toBe(200)
      expect((await fetch(page)).status).toBe(200)
      expect(rendered).toBe(1) // the second came from the cache

      await withdraw({ content, reason: 'Bài đăng nhầm' })
      const res = await fetch(page)
      expect(res.status).toBe(410)
      expect(await res.text()).toContain('đã được gỡ khỏi chuyên trang')
      expect(rendered).toBe(1)
      // Another page is served as before.
      expect((await fetch(`${base}/articles/mot-bai-khac`)).status).toBe(200)

      // Republished: its page is served again.
      await payload.update({
        collection: 'articles',
        id: content.value,
        data: { _status: 'published' } as never,
        overrideAccess: true,
      })
      expect((await fetch(page)).status).toBe(200)
    } finally {
      stop()
      await new Promise((r) => server.close(r))
    }
  })
})

describe('one publication, per platform', () => {
  it('YouTube: the video is made private, nothing else is touched', async () => {
    const content = await createVideo(env, VIDEO_ID)
    const pubs = await publishOn(content, ['yt', 'fb'])
    expect(yt.videos.get(VIDEO_ID)!.status.privacyStatus).toBe('public')
    const w = await withdraw({ publication: pubs.yt.id, reason: 'Video cần cắt lại đoạn cuối' })
    expect(w.scope).toBe('publication')
    await drain(env)
    const [removal] = await removalsOf(w.id)
    expect(removal).toMatchObject({ status: 'done', channel: ch.yt })
    expect(yt.videos.get(VIDEO_ID)!.status.privacyStatus).toBe('private')
    // The item and its Facebook post stay.
    expect(fb.posts.find((p) => p.postId === pubs.fb.remoteId)!.deleted).toBeFalsy()
    const item = await payload.findByID({ collection: 'videos', id: content.value, depth: 0 })
    expect(item._status).toBe('published')
    // A publication already withdrawn cannot be again.
    await expect(withdraw({ publication: pubs.yt.id, reason: 'Lần nữa' })).rejects.toThrow(
      'Lịch đăng này đã được gỡ.',
    )
  })

  it('TikTok: no API to remove a post, so it is marked for a person', async () => {
    const content = await createVideo(env, VIDEO_ID)
    // Sent as TikTok would have it (its publish flow is channels-tiktok's): published with a post id.
    const pub = await payload.create({
      collection: 'publications',
      data: { content, channel: ch.tiktok, scheduledAt: new Date().toISOString() } as never,
      overrideAccess: true,
      context: { dispatcher: true },
    })
    await payload.db.updateOne({
      collection: 'publications',
      id: pub.id,
      data: { status: 'published', remoteId: '7312345678901234567' },
      returning: false,
    })
    const before = tiktok.requests.length
    const w = await withdraw({ publication: pub.id, reason: 'Clip dùng nhạc chưa có bản quyền' })
    await drain(env)
    const [removal] = await removalsOf(w.id)
    expect(removal).toMatchObject({ status: 'manual', channelName: 'TikTok Sở TT&TT' })
    expect(removal.message).toBe(
      'TikTok không cho ứng dụng xóa hay ẩn bài qua API: cần người gỡ bài 7312345678901234567 trong ứng dụng TikTok của tài khoản "TikTok Sở TT&TT".',
    )
    expect(removal.attempts.map((a: Doc) => a.outcome)).toEqual(['manual'])
    expect(tiktok.requests.length).toBe(before)
  })

  it('a platform that refuses for good: marked for a person, with its reason, after one try', async () => {
    const content = await createArticle(env)
    const pubs = await publishOn(content, ['fb'])
    const w = await withdraw({ publication: pubs.fb.id, reason: 'Sai tên đơn vị' })
    fb.inject({
      kind: 'status',
      status: 400,
      body: graphError(100, '(#100) This post was shared to a group and cannot be deleted'),
    })
    await drain(env)
    const [removal] = await removalsOf(w.id)
    expect(removal.status).toBe('manual')
    expect(removal.message).toContain(
      'Nền tảng từ chối gỡ: cần người gỡ bài trên kênh "Fanpage Chuyển đổi số".',
    )
    expect(removal.attempts).toHaveLength(1)
    expect(removal.attempts[0]).toMatchObject({ outcome: 'manual', httpStatus: 400 })
    expect(fb.posts.find((p) => p.postId === pubs.fb.remoteId)!.deleted).toBeFalsy()
  })

  it('a platform that is down, then back: retried with backoff until removed', async () => {
    const content = await createArticle(env, { image: true })
    const pubs = await publishOn(content, ['zalo'])
    const w = await withdraw({ publication: pubs.zalo.id, reason: 'Ảnh minh họa sai' })
    zalo.inject({ kind: 'status', status: 503, body: 'Service Unavailable' }, 2)
    await drain(env)
    let [removal] = await removalsOf(w.id)
    expect(removal).toMatchObject({ status: 'retrying', attemptCount: 1 })
    expect(removal.message).toMatch(/Sẽ thử gỡ lại sau \d+ giây\.$/)
    // The first backoff: 200 ms (DISPATCH_BACKOFF_BASE_MS) ± 20 %, counted from the try.
    const waited = Date.parse(removal.nextAttemptAt) - Date.parse(removal.attempts[0].at)
    expect(waited).toBeGreaterThanOrEqual(160)
    await untilDue(removal)
    await drain(env)
    ;[removal] = await removalsOf(w.id)
    expect(removal).toMatchObject({ status: 'retrying', attemptCount: 2 })
    expect(zalo.articles.find((a) => a.id === pubs.zalo.remoteId)!.removed).toBeFalsy()
    await untilDue(removal)
    await drain(env)
    ;[removal] = await removalsOf(w.id)
    expect(removal).toMatchObject({ status: 'done', attemptCount: 3 })
    expect(removal.attempts.map((a: Doc) => a.outcome)).toEqual(['retry', 'retry', 'success'])
    expect(zalo.articles.find((a) => a.id === pubs.zalo.remoteId)!.removed).toBe(true)
  })

  it('a publication still being sent is removed once it has gone out', async () => {
    const content = await createArticle(env)
    const pubs = await publishOn(content, ['fb'])
    // As if a worker held it mid-send when the withdrawal came.
    await payload.db.updateOne({
      collection: 'publications',
      id: pubs.fb.id,
      data: {
        status: 'sending',
        leaseOwner: 'w:1',
        leaseUntil: new Date(Date.now() + 60_000).toISOString(),
      },
      returning: false,
    })
    const w = await withdraw({ publication: pubs.fb.id, reason: 'Đăng nhầm trang' })
    await drain(env)
    let [removal] = await removalsOf(w.id)
    expect(removal.status).toBe('retrying')
    expect(removal.attempts.map((a: Doc) => a.outcome)).toEqual(['held'])
    expect(removal.attemptCount).toBe(0)
    // The send is recorded; the removal, due again, takes the post down.
    await payload.db.updateOne({
      collection: 'publications',
      id: pubs.fb.id,
      data: { status: 'published', leaseOwner: null, leaseUntil: null },
      returning: false,
    })
    await payload.db.updateOne({
      collection: 'removals',
      id: removal.id,
      data: { nextAttemptAt: new Date().toISOString() },
      returning: false,
    })
    await drain(env)
    ;[removal] = await removalsOf(w.id)
    expect(removal.status).toBe('done')
    expect(fb.posts.find((p) => p.postId === pubs.fb.remoteId)!.deleted).toBe(true)
  })
})

describe('who may withdraw', () => {
  let other: Doc
  let otherEditor: Doc
  let child: Doc

  beforeAll(async () => {
    other = await createUnit(payload, 'Báo Tây Ninh')
    otherEditor = await createUser(payload, 'editor', other.id)
    child = await payload.create({
      collection: 'units',
      data: { name: 'Trung tâm Văn hóa huyện', kind: 'newspaper', parent: env.unit.id } as never,
      overrideAccess: true,
    })
  })

  const published = async (unit: string) => {
    const content = await createArticle(env)
    await payload.update({
      collection: 'articles',
      id: content.value,
      data: { ownerUnit: unit } as never,
      overrideAccess: true,
    })
    return content
  }
  const count = async () =>
    (await payload.count({ collection: 'withdrawals', overrideAccess: true })).totalDocs

  it("an editor of another unit is refused (the matrix's hook cell), and nothing changes", async () => {
    const row = matrixRow('withdrawals', 'create', "another unit's content")
    expect(row.expect.editor).toBe('hook')
    const content = await published(String(env.unit.id))
    const before = await count()
    await expect(
      withdraw({ content, reason: 'Không phải bài của tôi' }, otherEditor),
    ).rejects.toThrow('Bạn chỉ được gỡ bài của đơn vị mình.')
    expect(await count()).toBe(before)
    const item = await payload.findByID({ collection: 'articles', id: content.value, depth: 0 })
    expect(item._status).toBe('published')
  })

  it('the unit manager of the item’s unit may; of the unit above, may not', async () => {
    const own = await createUser(payload, 'unit-manager', env.unit.id)
    const above = await createUser(payload, 'unit-manager', env.unit.id)
    const content = await published(String(env.unit.id))
    const childContent = await published(String(child.id))
    await expect(
      withdraw({ content, reason: 'Lãnh đạo đơn vị yêu cầu gỡ' }, own),
    ).resolves.toMatchObject({
      scope: 'content',
    })
    await expect(
      withdraw({ content: childContent, reason: 'Bài của đơn vị cấp dưới' }, above),
    ).rejects.toThrow('Bạn chỉ được gỡ bài của đơn vị mình.')
  })

  it('a campaign manager may withdraw any unit’s item; contributors and viewers may not', async () => {
    const content = await published(String(other.id))
    for (const role of ['contributor', 'viewer'] as const) {
      const user = await createUser(payload, role, other.id)
      await expect(withdraw({ content, reason: 'Thử' }, user)).rejects.toThrow(/quyền|Forbidden/i)
    }
    await expect(
      withdraw({ content, reason: 'Sở TT&TT yêu cầu gỡ' }, env.manager),
    ).resolves.toMatchObject({
      ownerUnit: other.id,
    })
  })
})
