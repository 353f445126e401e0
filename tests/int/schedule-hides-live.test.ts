/**
 * Scheduling a live item onto the dedicated page for a later time would hide it until then
 * (src/content/visibility.ts). The schedule refuses that with a Vietnamese reason unless the editor
 * confirms (`hideLiveUntilScheduled`): over the REST route handler, the Local API and the
 * multi-channel schedule endpoint; and nothing is written nor hidden by a refused request.
 */
import configPromise from '@payload-config'
import { REST_POST } from '@payloadcms/next/routes'
import { createLocalReq, type Payload, ValidationError } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { publicWhere } from '@/content/visibility'
import { schedulePublications } from '@/endpoints/schedulePublications'
import { HIDES_LIVE_CONTENT, Role } from '@/vocabulary'
import { createUnit, createUser, PASSWORD } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

let payload: Payload
const ids: Record<string, string> = {}
let editor: Record<string, any>
const HOUR = 3_600_000
const later = (hours = 6) => new Date(Date.now() + hours * HOUR).toISOString()
const WARNING = /đang hiện trên chuyên trang: lên lịch đăng lên chuyên trang lúc .* sẽ ẩn nó/

const article = async (title: string, status: 'published' | 'draft' = 'published') =>
  String(
    (
      await payload.create({
        collection: 'articles',
        data: { title, ownerUnit: ids.unit, _status: status } as never,
        draft: status === 'draft',
        overrideAccess: true,
      })
    ).id,
  )

/** Whether an anonymous reader sees the item (the page's, the API's and the feeds' rule). */
const isPublic = async (id: string) =>
  (
    await payload.count({
      collection: 'articles',
      where: { and: [{ id: { equals: id } }, publicWhere()] },
      overrideAccess: true,
    })
  ).totalDocs === 1

const countOf = async (id: string) =>
  (
    await payload.count({
      collection: 'publications',
      where: { contentId: { equals: id } },
      overrideAccess: true,
    })
  ).totalDocs

/** The editor's create, as the admin's edit form and a REST client do it (access rules and hooks on). */
const schedule = (id: string, channel: string, extra: Record<string, unknown> = {}) =>
  payload.create({
    collection: 'publications',
    user: editor,
    overrideAccess: false,
    data: {
      channel,
      content: { relationTo: 'articles', value: id },
      scheduledAt: later(),
      ...extra,
    } as never,
  })

beforeAll(async () => {
  payload = await testPayload()
  ids.unit = String((await createUnit(payload, 'Báo Tây Ninh')).id)
  editor = await createUser(payload, Role.Editor, ids.unit)
  const channel = async (name: string, kind: string) =>
    String(
      (
        await payload.create({
          collection: 'channels',
          data: { name, kind, openToAllUnits: true } as never,
          overrideAccess: true,
        })
      ).id,
    )
  ids.page = await channel('Chuyên trang Chuyển đổi số', 'web-page')
  ids.feed = await channel('Nguồn tin RSS', 'feed')
})

describe('a web-page time ahead for an item already live', () => {
  it('is refused in Vietnamese, on its own field, and nothing is written or hidden', async () => {
    const id = await article('Tin đã lên chuyên trang sáng nay')
    expect(await isPublic(id)).toBe(true)
    const err = await schedule(id, ids.page).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ValidationError)
    const v = err as ValidationError
    expect(v.message).toMatch(/^"Tin đã lên chuyên trang sáng nay" đang hiện trên chuyên trang/)
    expect(v.message).toMatch(WARNING)
    expect(v.data.errors.map((e) => e.path)).toEqual(['hideLiveUntilScheduled'])
    expect(await countOf(id)).toBe(0)
    expect(await isPublic(id)).toBe(true)
  })

  it('once confirmed, is scheduled and hides the item until its time', async () => {
    const id = await article('Tin lỡ đăng sớm, giữ đến 6 giờ')
    const at = later(6)
    const pub = await schedule(id, ids.page, { scheduledAt: at, hideLiveUntilScheduled: true })
    expect(pub.status).toBe('scheduled')
    expect(await isPublic(id)).toBe(false)
    const doc = await payload.findByID({ collection: 'articles', id, overrideAccess: true })
    expect(new Date(doc.webVisibleFrom!).toISOString()).toBe(at)
  })

  it('moving a live item’s page time later is refused too; a draft, another channel or an earlier page publication need no confirmation', async () => {
    // A draft is not on the page: nothing to hide.
    const draft = await article('Bản nháp lên lịch chuyên trang', 'draft')
    await expect(schedule(draft, ids.page)).resolves.toMatchObject({ status: 'scheduled' })
    // Another channel never holds an item back.
    const live = await article('Tin gửi thêm lên RSS')
    await expect(schedule(live, ids.feed)).resolves.toMatchObject({ status: 'scheduled' })
    expect(await isPublic(live)).toBe(true)
    // On the page now ("publish now"), then a second, later page publication: it stays visible.
    const shown = await article('Tin đã có lịch chuyên trang')
    const now = await schedule(shown, ids.page, { publishNow: true })
    expect(await isPublic(shown)).toBe(true)
    await expect(schedule(shown, ids.page)).resolves.toMatchObject({ status: 'scheduled' })
    expect(await isPublic(shown)).toBe(true)
    // Moving the only page publication of a live item to a later time would hide it: refused.
    const err = await payload
      .update({
        collection: 'publications',
        id: now.id,
        user: editor,
        overrideAccess: false,
        data: { scheduledAt: later(30) },
      })
      .catch((e: unknown) => e)
    // The second publication (6 h ahead) is the earliest other one: the item would hide, so refused.
    expect((err as Error).message).toMatch(WARNING)
    expect(await isPublic(shown)).toBe(true)
  })
})

describe('over REST and the schedule form’s endpoint', () => {
  it('REST POST /api/publications: 400 with the Vietnamese reason; 201 with hideLiveUntilScheduled', async () => {
    const id = await article('Tin đăng qua API')
    const { token } = await payload.login({
      collection: 'users',
      data: { email: editor.email, password: PASSWORD },
    })
    const post = (body: Record<string, unknown>) =>
      REST_POST(configPromise)(
        new Request('http://localhost:3000/api/publications', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'accept-language': 'vi',
            authorization: `JWT ${token}`,
          },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({ slug: ['publications'] }) },
      )
    const body = {
      channel: ids.page,
      content: { relationTo: 'articles', value: id },
      scheduledAt: later(),
    }
    const refused = await post(body)
    expect(refused.status).toBe(400)
    const json = (await refused.json()) as { errors: { message: string; data?: any }[] }
    expect(json.errors[0].message).toMatch(WARNING)
    expect(await countOf(id)).toBe(0)
    expect(await isPublic(id)).toBe(true)
    const accepted = await post({ ...body, hideLiveUntilScheduled: true })
    expect(accepted.status).toBe(201)
    expect(await countOf(id)).toBe(1)
    expect(await isPublic(id)).toBe(false)
  })

  it('the schedule endpoint marks the page channel’s refusal as one to confirm, creates nothing, then schedules both once confirmed', async () => {
    const id = await article('Tin lên lịch nhiều kênh')
    const req = await createLocalReq({ user: editor as never }, payload)
    const input = {
      content: { relationTo: 'articles', value: id },
      channels: [ids.feed, ids.page],
      scheduledAt: later(),
    }
    const refused = await schedulePublications(req, input)
    expect(refused.status).toBe(400)
    const errors = (refused.body as { errors: Record<string, string>[] }).errors
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ channel: ids.page, code: HIDES_LIVE_CONTENT })
    expect(errors[0].message).toMatch(WARNING)
    expect(await countOf(id)).toBe(0)
    expect(await isPublic(id)).toBe(true)
    const done = await schedulePublications(
      await createLocalReq({ user: editor as never }, payload),
      {
        ...input,
        hideLiveUntilScheduled: true,
      },
    )
    expect(done.status).toBe(201)
    expect(await countOf(id)).toBe(2)
    expect(await isPublic(id)).toBe(false)
  })
})
