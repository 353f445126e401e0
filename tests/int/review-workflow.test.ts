/**
 * The unit's review before publishing (collections/content/hooks/reviewWorkflow.ts), through the
 * Local API as each role (access rules and hooks on): every state (draft → in review → changes
 * requested → in review → approved, and published directly where no review is needed) and who may
 * take each step, with the notifications each step writes and the database left as it was after a
 * refusal. Unit A's publishing needs review (reviewer: a flagged editor); unit B's does not.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { settleNotifications } from '@/notifications/notify'
import type { User } from '@/payload-types'
import { Role } from '@/vocabulary'
import { createUnit, createUser } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

let payload: Payload
const unit: Record<'A' | 'B', string> = { A: '', B: '' }
const u: Record<string, User> = {}

beforeAll(async () => {
  payload = await testPayload()
  unit.A = String((await createUnit(payload, 'Báo Tây Ninh')).id)
  unit.B = String((await createUnit(payload, 'Đài PT-TH Tây Ninh')).id)
  await payload.update({
    collection: 'units',
    id: unit.A,
    data: { reviewRequired: true },
    overrideAccess: true,
  })
  u.contributor = (await createUser(payload, Role.Contributor, unit.A)) as User
  u.editor = (await createUser(payload, Role.Editor, unit.A)) as User
  u.reviewer = (await payload.update({
    collection: 'users',
    id: (await createUser(payload, Role.Editor, unit.A)).id,
    data: { reviewer: true },
    overrideAccess: true,
  })) as User
  u.manager = (await createUser(payload, Role.CampaignManager, null)) as User
  u.editorB = (await createUser(payload, Role.Editor, unit.B)) as User
  u.contributorB = (await createUser(payload, Role.Contributor, unit.B)) as User
  u.reviewerB = (await payload.update({
    collection: 'users',
    id: (await createUser(payload, Role.Editor, unit.B)).id,
    data: { reviewer: true },
    overrideAccess: true,
  })) as User
}, 60_000)

afterAll(async () => settleNotifications())

const create = (user: User, data: Record<string, unknown>, draft = true) =>
  payload.create({
    collection: 'articles',
    user,
    overrideAccess: false,
    draft,
    data: { title: 'Bài về chuyển đổi số', ...data } as never,
  })
const update = (user: User, id: string, data: Record<string, unknown>, draft = true) =>
  payload.update({
    collection: 'articles',
    id,
    user,
    overrideAccess: false,
    draft,
    data: data as never,
  })
/** The latest version, as the admin's list shows it (draft: true). */
const latest = (id: string) =>
  payload.findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: true })
const published = (id: string) =>
  payload.findByID({ collection: 'articles', id, depth: 0, overrideAccess: true })
const inbox = async (user: User) =>
  (
    await payload.find({
      collection: 'notifications',
      user,
      overrideAccess: false,
      depth: 0,
      sort: 'createdAt',
    })
  ).docs.map((n) => `${n.event}|${n.title}`)
const refused = (p: Promise<unknown>) => p.then(() => null).catch((e: Error) => e.message)

describe('a unit whose publishing needs review', () => {
  let id: string

  it('starts a contributor’s draft as a draft', async () => {
    id = String((await create(u.contributor, { ownerUnit: unit.A })).id)
    expect((await latest(id)).reviewState).toBe('draft')
  })

  it('refuses an editor who is not a reviewer publishing, on create and on update, and saves nothing', async () => {
    expect(
      await refused(create(u.editor, { ownerUnit: unit.A, _status: 'published' }, false)),
    ).toMatch(/Đơn vị của bạn đăng bài cần duyệt: hãy bấm "Gửi duyệt"/)
    expect((await payload.count({ collection: 'articles', overrideAccess: true })).totalDocs).toBe(
      1,
    )
    expect(await refused(update(u.editor, id, { _status: 'published' }, false))).toMatch(
      /cần duyệt/,
    )
    expect((await latest(id))._status).toBe('draft')
  })

  it('refuses a client writing the review fields itself', async () => {
    await update(u.contributor, id, {
      title: 'Bài về chuyển đổi số (sửa)',
      reviewedBy: u.reviewer.id,
      reviewComment: 'tự viết',
    })
    const doc = await latest(id)
    expect([doc.reviewState, doc.reviewedBy, doc.reviewComment]).toEqual(['draft', null, null])
    expect(await refused(update(u.contributor, id, { reviewState: 'approved' }))).toMatch(
      /Duyệt bài là xuất bản/,
    )
  })

  it('sends it for review: in review, by whom, and the unit’s reviewer (only) is told', async () => {
    await update(u.contributor, id, { reviewState: 'in-review' })
    const doc = await latest(id)
    expect(doc.reviewState).toBe('in-review')
    expect(doc.reviewRequestedBy).toBe(u.contributor.id)
    expect(await inbox(u.reviewer)).toEqual([
      'review-requested|Bài chờ duyệt: Bài về chuyển đổi số (sửa)',
    ])
    expect(await inbox(u.editor)).toEqual([])
    expect(await inbox(u.reviewerB)).toEqual([])
  })

  it('lets only the unit’s reviewer send it back, with a comment', async () => {
    expect(
      await refused(update(u.editor, id, { reviewState: 'changes-requested', reviewComment: 'x' })),
    ).toMatch(/Chỉ người duyệt bài/)
    expect(await refused(update(u.reviewer, id, { reviewState: 'changes-requested' }))).toMatch(
      /Hãy ghi ý kiến/,
    )
    expect((await latest(id)).reviewState).toBe('in-review')
    await update(u.reviewer, id, {
      reviewState: 'changes-requested',
      reviewComment: 'Bổ sung số liệu năm 2025.',
    })
    const doc = await latest(id)
    expect([doc.reviewState, doc.reviewComment, doc.reviewedBy]).toEqual([
      'changes-requested',
      'Bổ sung số liệu năm 2025.',
      u.reviewer.id,
    ])
    expect(await inbox(u.contributor)).toEqual([
      'changes-requested|Bài cần sửa: Bài về chuyển đổi số (sửa)',
    ])
  })

  it('refuses a request for changes on what is not in review', async () => {
    const draft = String((await create(u.contributor, { ownerUnit: unit.A })).id)
    expect(
      await refused(
        update(u.reviewer, draft, { reviewState: 'changes-requested', reviewComment: 'y' }),
      ),
    ).toMatch(/Chỉ yêu cầu sửa được bài đang chờ duyệt \(bài này: Bản nháp\)/)
    expect((await latest(draft)).reviewState).toBe('draft')
  })

  it('is sent again, and the reviewer approves it: published, approved, the author told', async () => {
    await update(u.contributor, id, { reviewState: 'in-review' })
    expect(await refused(update(u.editor, id, { _status: 'published' }, false))).toMatch(
      /cần duyệt/,
    )
    await update(u.reviewer, id, { _status: 'published', reviewState: 'approved' }, false)
    const doc = await published(id)
    expect([doc._status, doc.reviewState, doc.reviewedBy, doc.reviewComment]).toEqual([
      'published',
      'approved',
      u.reviewer.id,
      null,
    ])
    expect((await inbox(u.contributor)).at(-1)).toBe(
      'approved|Bài đã được duyệt và xuất bản: Bài về chuyển đổi số (sửa)',
    )
    // Sent twice, told twice: each request is its own event.
    expect(await inbox(u.reviewer)).toHaveLength(2)
  })

  it('starts a draft saved over the live item again at draft; the live one stays approved', async () => {
    await update(u.editor, id, { title: 'Bài về chuyển đổi số (bản mới)' })
    expect((await latest(id)).reviewState).toBe('draft')
    expect((await published(id)).reviewState).toBe('approved')
  })

  it('lets Sở TT&TT publish directly, and the author withdraw a submission', async () => {
    const other = String((await create(u.contributor, { ownerUnit: unit.A })).id)
    await update(u.contributor, other, { reviewState: 'in-review' })
    await update(u.contributor, other, { reviewState: 'draft' })
    expect((await latest(other)).reviewState).toBe('draft')
    await update(u.manager, other, { _status: 'published' }, false)
    expect((await published(other)).reviewState).toBe('published')
  })

  it('keeps another unit’s reviewer out', async () => {
    expect(await refused(update(u.reviewerB, id, { _status: 'published' }, false))).toBeTruthy()
  })
})

describe('a unit that publishes directly (the default)', () => {
  it('lets an editor publish without review, and keeps contributors from publishing', async () => {
    const doc = await create(u.editorB, { ownerUnit: unit.B, _status: 'published' }, false)
    expect([doc._status, doc.reviewState]).toEqual(['published', 'published'])
    expect(
      await refused(create(u.contributorB, { ownerUnit: unit.B, _status: 'published' }, false)),
    ).toMatch(/Cộng tác viên không có quyền xuất bản/)
  })

  it('still lets a contributor send a draft, which the unit’s reviewer approves', async () => {
    const id = String((await create(u.contributorB, { ownerUnit: unit.B })).id)
    await update(u.contributorB, id, { reviewState: 'in-review' })
    expect(await inbox(u.reviewerB)).toEqual([
      'review-requested|Bài chờ duyệt: Bài về chuyển đổi số',
    ])
    // Any editor of the unit may publish there; the reviewer's approval is recorded as such.
    await update(u.editorB, id, { _status: 'published' }, false)
    expect((await published(id)).reviewState).toBe('approved')
  })
})

describe('scheduling onto the dedicated page, which publishes a draft at its time', () => {
  it('is refused for an unapproved draft of a reviewed unit, unless a reviewer schedules it', async () => {
    const page = await payload.create({
      collection: 'channels',
      data: { name: 'Chuyên trang CĐS', kind: 'web-page', openToAllUnits: true } as never,
      overrideAccess: true,
    })
    const draft = String((await create(u.editor, { ownerUnit: unit.A })).id)
    const schedule = (user: User) =>
      payload.create({
        collection: 'publications',
        user,
        overrideAccess: false,
        data: {
          channel: page.id,
          content: { relationTo: 'articles', value: draft },
          scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
        } as never,
      })
    expect(await refused(schedule(u.editor))).toMatch(
      /bài chưa được duyệt nên chưa lên lịch đăng lên chuyên trang/,
    )
    expect(
      (await payload.count({ collection: 'publications', overrideAccess: true })).totalDocs,
    ).toBe(0)
    expect((await schedule(u.reviewer)).status).toBe('scheduled')
  })
})
