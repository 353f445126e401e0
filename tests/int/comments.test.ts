/**
 * Comments on documents through the Local API and the thread endpoint's logic: threaded replies,
 * mentions stored as relations (only of people who may read the document), stamps, the version
 * of the document each comment was written on, append-only (no edit, no delete), and who may read
 * and write: whoever may read the document inside the admin. Also the access matrix's comment
 * cells that the hook decides (an editor commenting on another unit's draft).
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { commentMentionEvents } from '@/comments/events'
import type { Comment } from '@/payload-types'
import {
  attempt,
  expectForbidden,
  hookMatrixCells,
  idOf,
  loose,
  runMatrixCell,
  type Actor,
  type Doc,
  type LooseApi,
  type MatrixRow,
} from '../helpers/accessMatrix'
import { createUnit, createUser } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

let payload: Payload
let api: LooseApi
const f: Record<string, string> = {}
const u: Record<string, Doc> = {}
const users: Partial<Record<Actor, Doc>> = {}

const draft = async (unit: string, title = 'Bản nháp') =>
  String(
    (
      await api.create({
        collection: 'articles',
        overrideAccess: true,
        data: { title, ownerUnit: unit, _status: 'draft' },
      })
    ).id,
  )

beforeAll(async () => {
  payload = await testPayload()
  api = loose(payload)
  f.a = String((await createUnit(payload, 'Báo Tây Ninh', 'newspaper')).id)
  f.b = String((await createUnit(payload, 'Đài PT-TH Tây Ninh', 'radio-tv')).id)
  for (const role of ['admin', 'campaign-manager', 'editor', 'contributor', 'viewer'] as const)
    users[role] = (await createUser(payload, role, f.a)) as unknown as Doc
  u.editorA = users.editor!
  u.writerA = users.contributor!
  u.manager = users['campaign-manager']!
  u.viewer = users.viewer!
  u.editorB = (await createUser(payload, 'editor', f.b)) as unknown as Doc
  f.article = await draft(f.a, 'Chuyển đổi số ở xã')
})

const as = (user: Doc) => ({ user, overrideAccess: false, depth: 0 })
const comment = (by: Doc, data: Record<string, unknown>) =>
  api.create({
    collection: 'comments',
    ...as(by),
    data: { doc: { relationTo: 'articles', value: f.article }, ...data },
  }) as Promise<Comment>
const message = (r: { ok: boolean; error?: unknown }) =>
  r.ok ? '' : String((r.error as Error).message)

describe('a thread on a document', () => {
  it('stores the writer, their name, the document unit and its version; mentions as relations', async () => {
    const versions = await payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: f.article } },
      sort: '-updatedAt',
      limit: 1,
    })
    const c = await comment(u.writerA, {
      body: '  @Người dùng editor xem giúp đoạn mở đầu  ',
      mentions: [u.editorA.id, u.editorA.id],
      author: u.manager.id,
      ownerUnit: f.b,
    })
    expect(c.body).toBe('@Người dùng editor xem giúp đoạn mở đầu')
    expect(idOf(c.author)).toBe(String(u.writerA.id))
    expect(c.authorName).toBe('Người dùng contributor')
    expect(idOf(c.ownerUnit)).toBe(f.a)
    expect(c.docVersion).toBe(String(versions.docs[0].id))
    expect((c.mentions ?? []).map(idOf)).toEqual([String(u.editorA.id)])
    expect(commentMentionEvents(c)).toEqual([
      {
        type: 'comment-mention',
        key: `comment-mention:${c.id}:${u.editorA.id}`,
        comment: String(c.id),
        doc: { relationTo: 'articles', value: f.article },
        to: { user: String(u.editorA.id) },
        by: String(u.writerA.id),
      },
    ])
  })

  it('a reply names its parent; a reply to a comment of another document is refused', async () => {
    const root = await comment(u.editorA, { body: 'Cần thêm số liệu năm 2025.' })
    const reply = await comment(u.manager, { body: 'Đã bổ sung.', parent: root.id })
    expect(idOf(reply.parent)).toBe(String(root.id))
    const other = await draft(f.a, 'Bài khác')
    const elsewhere = await attempt(() =>
      api.create({
        collection: 'comments',
        ...as(u.editorA),
        data: { doc: { relationTo: 'articles', value: other }, body: 'Lạc chỗ', parent: root.id },
      }),
    )
    expect(message(elsewhere)).toBe('Bình luận được trả lời không thuộc tài liệu này.')
  })

  it('mentions only people who may read the document; an empty comment is refused', async () => {
    const before = (await api.count({ collection: 'comments', overrideAccess: true })).totalDocs
    const wrong = await attempt(() =>
      comment(u.editorA, { body: 'Nhờ Đài xem', mentions: [u.editorB.id] }),
    )
    expect(message(wrong)).toBe(
      'Chỉ nhắc được người xem được tài liệu này (cùng đơn vị hoặc Sở TT&TT).',
    )
    const empty = await attempt(() => comment(u.editorA, { body: '   ' }))
    expect(message(empty)).toBe('Nội dung bình luận đang trống.')
    expect((await api.count({ collection: 'comments', overrideAccess: true })).totalDocs).toBe(
      before,
    )
  })

  it('is append-only: nobody edits or deletes a comment, an admin neither', async () => {
    const c = await comment(u.editorA, { body: 'Bản đầu tiên' })
    for (const who of [u.editorA, users.admin!]) {
      expectForbidden(
        await attempt(() =>
          api.update({ collection: 'comments', id: c.id, data: { body: 'Sửa lại' }, ...as(who) }),
        ),
      )
      expectForbidden(
        await attempt(() => api.delete({ collection: 'comments', id: c.id, ...as(who) })),
      )
    }
    const stored = await api.findByID({ collection: 'comments', id: c.id, overrideAccess: true })
    expect(stored.body).toBe('Bản đầu tiên')
  })
})

describe('who reads and writes', () => {
  it("another unit's editor neither reads nor writes on the draft; a viewer reads, does not write", async () => {
    const c = await comment(u.editorA, { body: 'Nội bộ Báo' })
    const seen = async (who: Doc) =>
      (
        await api.find({
          collection: 'comments',
          where: { id: { equals: c.id } },
          ...as(who),
        })
      ).docs.length
    expect(await seen(u.writerA)).toBe(1)
    expect(await seen(u.manager)).toBe(1)
    expect(await seen(u.viewer)).toBe(1)
    expect(await seen(u.editorB)).toBe(0)
    const foreign = await attempt(() => comment(u.editorB, { body: 'Góp ý từ Đài' }))
    expect(message(foreign)).toBe('Bạn không xem được tài liệu này nên không bình luận được.')
    expectForbidden(await attempt(() => comment(u.viewer, { body: 'Người xem' })))
  })

  it('comments on a publication follow the publication', async () => {
    const channel = await api.create({
      collection: 'channels',
      overrideAccess: true,
      data: { name: 'Chuyên trang', kind: 'web-page', ownerUnit: f.a, status: 'active' },
    })
    const pub = await api.create({
      collection: 'publications',
      overrideAccess: true,
      data: {
        content: { relationTo: 'articles', value: f.article },
        channel: channel.id,
        scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    })
    const c = (await api.create({
      collection: 'comments',
      ...as(u.editorA),
      data: { doc: { relationTo: 'publications', value: pub.id }, body: 'Giờ đăng ổn chưa?' },
    })) as Comment
    expect(idOf(c.ownerUnit)).toBe(f.a)
    expect(c.docVersion ?? null).toBeNull()
    const foreign = await attempt(() =>
      api.create({
        collection: 'comments',
        ...as(u.editorB),
        data: { doc: { relationTo: 'publications', value: pub.id }, body: 'Đài góp ý' },
      }),
    )
    expect(message(foreign)).toBe('Bạn không xem được tài liệu này nên không bình luận được.')
  })
})

const ROWS: MatrixRow[] = [
  {
    collection: 'comments',
    op: 'create',
    what: "a comment on own unit's draft",
    fixture: async () => ({ id: f.article }),
    data: () => ({ doc: { relationTo: 'articles', value: f.article }, body: 'Góp ý' }),
  },
  {
    collection: 'comments',
    op: 'create',
    what: "a comment on another unit's draft",
    fixture: async () => ({ id: f.b }),
    data: () => ({ doc: { relationTo: 'articles', value: f.draftB }, body: 'Góp ý' }),
  },
]

describe('access matrix: comments, the cells the hook decides', () => {
  beforeAll(async () => {
    f.draftB = await draft(f.b, 'Bản nháp của Đài')
  })
  const cells = hookMatrixCells(ROWS, (row, actor) => runMatrixCell(api, users, row, actor))
  it.each(cells)('$name', ({ run }) => run())
})
