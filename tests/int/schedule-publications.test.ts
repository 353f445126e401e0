/**
 * `POST /api/schedule-publications`: one content item on several channels in one action, as the
 * requesting user, all or nothing. Driven through the endpoint's logic and its handler with a
 * request built by `createLocalReq`, on this file's fresh SQLite database.
 */
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { calendarRange } from '@/admin/calendar/dates'
import { dueWhere } from '@/dispatch/claim'
import {
  schedulePublications,
  schedulePublicationsEndpoint,
  type ScheduleResult,
} from '@/endpoints/schedulePublications'
import { vnDayKey, vnTime } from '@/lib/time'
import { createUnit, createUser } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

let payload: Payload
const ids: Record<string, string> = {}
const users: Record<string, Record<string, any>> = {}

/** Vietnamese text: at least one letter only Vietnamese uses. */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i

const inOneDay = () => new Date(Date.now() + 24 * 3600_000).toISOString()

const channel = async (name: string, extra: Record<string, unknown> = {}) =>
  String(
    (
      await payload.create({
        collection: 'channels',
        data: { name, kind: 'feed', ...extra } as never,
        overrideAccess: true,
      })
    ).id,
  )

const article = async (title: string, unit: string) =>
  String(
    (
      await payload.create({
        collection: 'articles',
        data: { title, ownerUnit: unit, _status: 'published', sapo: 'Tóm tắt' } as never,
        overrideAccess: true,
      })
    ).id,
  )

const reqAs = (user: Record<string, any> | null, language?: 'en') =>
  createLocalReq({ user: (user ?? undefined) as never }, payload).then(async (req) => {
    if (language) {
      const { initI18n } = await import('@payloadcms/translations')
      req.i18n = await initI18n({ config: payload.config.i18n, context: 'api', language })
      req.t = req.i18n.t
    }
    return req
  })

const run = async (
  user: Record<string, any> | null,
  body: Record<string, unknown>,
  language?: 'en',
) => schedulePublications(await reqAs(user, language), body)

const publicationsOf = async (articleId: string) =>
  (
    await payload.find({
      collection: 'publications',
      where: { 'content.value': { equals: articleId } },
      depth: 0,
      limit: 100,
      overrideAccess: true,
    })
  ).docs as Record<string, any>[]

const errorsOf = (result: ScheduleResult) => {
  expect(result.status, JSON.stringify(result.body)).toBe(400)
  return (result.body as { errors: { channel?: string; channelName?: string; message: string }[] })
    .errors
}

const docsOf = (result: ScheduleResult) => {
  expect(result.status, JSON.stringify(result.body)).toBe(201)
  return (
    result.body as {
      docs: {
        id: string
        channel: string
        status: string
        channelName: string | null
        scheduledAt: string
      }[]
    }
  ).docs
}

beforeAll(async () => {
  payload = await testPayload()
  ids.department = String(
    (await createUnit(payload, 'Sở Thông tin và Truyền thông', 'department')).id,
  )
  ids.newspaper = String((await createUnit(payload, 'Báo Gia Lai')).id)
  users.manager = await createUser(payload, 'campaign-manager', ids.department)
  users.editor = await createUser(payload, 'editor', ids.newspaper)
  users.contributor = await createUser(payload, 'contributor', ids.newspaper)
  users.viewer = await createUser(payload, 'viewer', ids.department)

  ids.own = await channel('Trang tin Báo Gia Lai', { ownerUnit: ids.newspaper })
  ids.portal = await channel('Cổng thông tin tỉnh', { ownerUnit: ids.department })
  ids.page = await channel('Chuyên trang chuyển đổi số', {
    kind: 'web-page',
    ownerUnit: ids.department,
    openToAllUnits: true,
  })
  ids.videoOnly = await channel('Kênh video của tỉnh', {
    ownerUnit: ids.newspaper,
    limits: { acceptedTypes: ['videos'] },
  })
  ids.paused = await channel('Kênh đang tạm dừng', { ownerUnit: ids.newspaper, status: 'disabled' })

  ids.campaign = String(
    (
      await payload.create({
        collection: 'campaigns',
        data: {
          name: 'Tháng cao điểm chuyển đổi số',
          startsOn: '2026-10-01T00:00:00.000Z',
          endsOn: '2026-10-31T00:00:00.000Z',
          leadUnit: ids.department,
        } as never,
        overrideAccess: true,
      })
    ).id,
  )
})

describe('schedule one content item on many channels', () => {
  it('creates one scheduled publication per channel for a campaign manager, with campaign, message and hashtags', async () => {
    const a = await article('Hướng dẫn cài đặt VNeID mức 2', ids.newspaper)
    const at = inOneDay()
    const docs = docsOf(
      await run(users.manager, {
        content: { relationTo: 'articles', value: a },
        channels: [ids.own, ids.portal, ids.own],
        scheduledAt: at,
        message: 'Mời bà con cùng xem hướng dẫn',
        hashtags: ['#chuyendoiso', ' VNeID ', ''],
        campaign: ids.campaign,
      }),
    )
    expect(docs.map((d) => d.channel).sort()).toEqual([ids.own, ids.portal].sort())
    expect(docs.every((d) => d.status === 'scheduled')).toBe(true)
    expect(docs.find((d) => d.channel === ids.portal)?.channelName).toBe('Cổng thông tin tỉnh')

    const stored = await publicationsOf(a)
    expect(stored).toHaveLength(2)
    for (const p of stored) {
      expect(p.status).toBe('scheduled')
      expect(new Date(p.scheduledAt).toISOString()).toBe(at)
      expect(p.nextAttemptAt).toBe(at)
      expect(String(p.campaign)).toBe(ids.campaign)
      expect(p.message).toBe('Mời bà con cùng xem hướng dẫn')
      expect(p.hashtags).toEqual(['#chuyendoiso', 'VNeID'])
      expect(String(p.approval.requestedBy)).toBe(String(users.manager.id))
      expect(String(p.approval.approvedBy)).toBe(String(users.manager.id))
      expect(String(p.ownerUnit)).toBe(ids.newspaper)
    }
  })

  it("puts an editor's publication on another unit's channel up for approval, and schedules the rest", async () => {
    const a = await article('Nông dân bán hàng trên sàn thương mại điện tử', ids.newspaper)
    const docs = docsOf(
      await run(users.editor, {
        content: { relationTo: 'articles', value: a },
        channels: [ids.own, ids.portal, ids.page],
        scheduledAt: inOneDay(),
        // The article is live: a later page time hides it until then, which must be confirmed.
        hideLiveUntilScheduled: true,
      }),
    )
    const status = Object.fromEntries(docs.map((d) => [d.channel, d.status]))
    expect(status).toEqual({
      [ids.own]: 'scheduled',
      [ids.portal]: 'awaiting-approval',
      [ids.page]: 'scheduled',
    })

    const stored = Object.fromEntries((await publicationsOf(a)).map((p) => [String(p.channel), p]))
    expect(stored[ids.portal].approval.required).toBe(true)
    expect(stored[ids.portal].nextAttemptAt ?? null).toBeNull()
    expect(stored[ids.own].approval.required).toBe(false)
    expect(stored[ids.own].nextAttemptAt).toBeTruthy()
  })

  it('publishes now: due at once, on every channel', async () => {
    const a = await article('Thanh toán không dùng tiền mặt ở chợ', ids.newspaper)
    const before = Date.now()
    const docs = docsOf(
      await run(users.manager, {
        content: { relationTo: 'articles', value: a },
        channels: [ids.own, ids.page],
        publishNow: true,
      }),
    )
    expect(docs).toHaveLength(2)
    for (const d of docs) {
      expect(d.status).toBe('scheduled')
      expect(new Date(d.scheduledAt).getTime()).toBeGreaterThanOrEqual(before - 1000)
      expect(new Date(d.scheduledAt).getTime()).toBeLessThanOrEqual(Date.now())
    }
    const due = await payload.count({
      collection: 'publications',
      where: { and: [dueWhere(new Date(), []), { 'content.value': { equals: a } }] },
      overrideAccess: true,
    })
    expect(due.totalDocs).toBe(2)
  })
})

describe('all or nothing', () => {
  it('creates nothing when one channel refuses, and says why in Vietnamese for that channel', async () => {
    const a = await article('Chữ ký số cho hộ kinh doanh', ids.newspaper)
    const total = (await payload.count({ collection: 'publications', overrideAccess: true }))
      .totalDocs
    const errors = errorsOf(
      await run(users.editor, {
        content: { relationTo: 'articles', value: a },
        channels: [ids.own, ids.videoOnly, ids.portal, ids.paused],
        publishNow: true,
      }),
    )
    expect(errors.map((e) => e.channel)).toEqual([ids.videoOnly, ids.paused])
    expect(errors[0].channelName).toBe('Kênh video của tỉnh')
    expect(errors[0].message).toMatch(/không nhận loại nội dung "Tin, bài"/)
    expect(errors[1].message).toMatch(/đang tạm dừng/)
    for (const e of errors) expect(e.message).toMatch(VIETNAMESE)

    // Nothing stored, not even for the channels that accepted, and nothing ever became due.
    expect(await publicationsOf(a)).toHaveLength(0)
    expect(
      (await payload.count({ collection: 'publications', overrideAccess: true })).totalDocs,
    ).toBe(total)
  })

  it('refuses a time in the past on every channel, with the time in Vietnam time', async () => {
    const a = await article('Khám bệnh từ xa ở trạm y tế xã', ids.newspaper)
    const errors = errorsOf(
      await run(users.manager, {
        content: { relationTo: 'articles', value: a },
        channels: [ids.own, ids.portal],
        scheduledAt: '2024-03-05T02:30:00.000Z',
      }),
    )
    expect(errors).toHaveLength(2)
    for (const e of errors) expect(e.message).toMatch(/09:30 05\/03\/2024 đã qua/)
    expect(await publicationsOf(a)).toHaveLength(0)
  })

  it("refuses an editor scheduling another unit's content", async () => {
    const a = await article('Tin của Sở', ids.department)
    const errors = errorsOf(
      await run(users.editor, {
        content: { relationTo: 'articles', value: a },
        channels: [ids.own],
        scheduledAt: inOneDay(),
      }),
    )
    expect(errors[0]).toMatchObject({
      channel: ids.own,
      message: 'Bạn chỉ được lên lịch nội dung của đơn vị mình.',
    })
    expect(await publicationsOf(a)).toHaveLength(0)
  })

  it('refuses contributors and viewers, in Vietnamese', async () => {
    const a = await article('Tin của cộng tác viên', ids.newspaper)
    for (const user of [users.contributor, users.viewer]) {
      const errors = errorsOf(
        await run(user, {
          content: { relationTo: 'articles', value: a },
          channels: [ids.own, ids.page],
          scheduledAt: inOneDay(),
        }),
      )
      expect(errors).toHaveLength(2)
      for (const e of errors) expect(e.message).toMatch(/không có quyền lên lịch đăng/)
    }
    expect(await publicationsOf(a)).toHaveLength(0)
  })

  it('gives field validation messages in Vietnamese even to an English-speaking request', async () => {
    const a = await article('Tin có lời dẫn quá dài', ids.newspaper)
    const errors = errorsOf(
      await run(
        users.manager,
        {
          content: { relationTo: 'articles', value: a },
          channels: [ids.own, ids.portal],
          scheduledAt: inOneDay(),
          message: 'x'.repeat(63_207),
        },
        'en',
      ),
    )
    expect(errors).toHaveLength(2)
    for (const e of errors) expect(e.message).toMatch(/ngắn hơn hoặc bằng 63206 ký tự/)
    expect(await publicationsOf(a)).toHaveLength(0)
  })

  it('reports an unknown channel and creates nothing', async () => {
    const a = await article('Tin gửi kênh không tồn tại', ids.newspaper)
    const errors = errorsOf(
      await run(users.manager, {
        content: { relationTo: 'articles', value: a },
        channels: [ids.own, 'khong-co-kenh-nay'],
        scheduledAt: inOneDay(),
      }),
    )
    expect(errors).toEqual([
      { channel: 'khong-co-kenh-nay', message: 'Kênh "khong-co-kenh-nay" không tồn tại.' },
    ])
    expect(await publicationsOf(a)).toHaveLength(0)
  })
})

describe('the request itself', () => {
  it('refuses an empty channel list, a missing time and a missing content item', async () => {
    const a = await article('Tin thiếu kênh', ids.newspaper)
    const content = { relationTo: 'articles', value: a }
    expect(errorsOf(await run(users.manager, { content, channels: [], publishNow: true }))).toEqual(
      [{ message: 'Cần chọn ít nhất một kênh đăng.' }],
    )
    expect(errorsOf(await run(users.manager, { content, publishNow: true }))).toEqual([
      { message: 'Cần chọn ít nhất một kênh đăng.' },
    ])
    expect(errorsOf(await run(users.manager, { content, channels: [ids.own] }))[0].message).toBe(
      'Cần chọn thời điểm đăng hoặc chọn "Đăng ngay".',
    )
    expect(
      errorsOf(
        await run(users.manager, {
          content: { relationTo: 'pages', value: a },
          channels: [ids.own],
          publishNow: true,
        }),
      )[0].message,
    ).toMatch(/Cần chọn nội dung/)
    expect(
      errorsOf(
        await run(users.manager, {
          content: { relationTo: 'articles', value: 'khong-co' },
          channels: [ids.own],
          publishNow: true,
        }),
      )[0].message,
    ).toBe('Nội dung "khong-co" không tồn tại.')
    expect(await publicationsOf(a)).toHaveLength(0)
  })

  it('answers 401 to an anonymous request, through the handler', async () => {
    const req = (await reqAs(null)) as PayloadRequest
    req.data = {
      content: { relationTo: 'articles', value: 'x' },
      channels: [ids.own],
      publishNow: true,
    }
    const res = await schedulePublicationsEndpoint.handler(req)
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({
      errors: [{ message: 'Bạn cần đăng nhập để lên lịch đăng.' }],
    })
  })

  it('answers 201 with the created publications, and 400 with per-channel errors, through the handler', async () => {
    const a = await article('Tin gửi qua handler', ids.newspaper)
    const ok = (await reqAs(users.editor)) as PayloadRequest
    ok.data = {
      content: { relationTo: 'articles', value: a },
      channels: [ids.own, ids.portal],
      scheduledAt: inOneDay(),
    }
    const created = await schedulePublicationsEndpoint.handler(ok)
    expect(created.status).toBe(201)
    const body = (await created.json()) as {
      docs: { status: string; contentTitle: string; channelName: string }[]
    }
    expect(body.docs.map((d) => d.status).sort()).toEqual(['awaiting-approval', 'scheduled'])
    expect(body.docs.map((d) => d.contentTitle)).toEqual([
      'Tin gửi qua handler',
      'Tin gửi qua handler',
    ])
    expect(body.docs.map((d) => d.channelName).sort()).toEqual([
      'Cổng thông tin tỉnh',
      'Trang tin Báo Gia Lai',
    ])

    const bad = (await reqAs(users.editor)) as PayloadRequest
    bad.data = {
      content: { relationTo: 'articles', value: a },
      channels: [ids.own, ids.videoOnly],
      scheduledAt: inOneDay(),
    }
    const refused = await schedulePublicationsEndpoint.handler(bad)
    expect(refused.status).toBe(400)
    const errors = ((await refused.json()) as { errors: { channel: string; message: string }[] })
      .errors
    expect(errors).toHaveLength(1)
    expect(errors[0].channel).toBe(ids.videoOnly)
    expect(await publicationsOf(a)).toHaveLength(2)
  })
})

describe('calendar days (the /admin/calendar view)', () => {
  it('buckets instants by Vietnam day and time, whatever the server time zone', () => {
    expect(vnDayKey('2026-11-22T16:59:00.000Z')).toBe('2026-11-22')
    expect(vnDayKey('2026-11-22T17:00:00.000Z')).toBe('2026-11-23')
    expect(vnTime('2026-11-22T17:05:00.000Z')).toBe('00:05')
  })

  it('shows whole Monday-to-Sunday weeks around a month, queried from Vietnam midnight', () => {
    const r = calendarRange('month', '2026-11-22')
    expect(r.title).toBe('Tháng 11/2026')
    expect(r.days[0]).toBe('2026-10-26')
    expect(r.days.at(-1)).toBe('2026-12-06')
    expect(r.days).toHaveLength(42)
    expect(r.from.toISOString()).toBe('2026-10-25T17:00:00.000Z')
    expect(r.to.toISOString()).toBe('2026-12-06T17:00:00.000Z')
    expect([r.prev, r.next]).toEqual(['2026-10-01', '2026-12-01'])
    expect(calendarRange('month', '2027-02-10').days).toHaveLength(28)
  })

  it('shows a week from Monday, across a year boundary', () => {
    const r = calendarRange('week', '2027-01-01')
    expect(r.days).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ])
    expect(r.title).toBe('Tuần 28/12/2026 – 03/01/2027')
    expect([r.prev, r.next]).toEqual(['2026-12-21', '2027-01-04'])
  })
})
