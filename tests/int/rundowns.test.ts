import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { createLocalReq, handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import config from '@payload-config'
import { confirmAiring } from '../../collections/Publications/endpoints/confirmAiring'
import { rundownDay } from '@/channels/broadcast'
import { flagUnconfirmedAirings } from '@/dispatch/airings'
import { createDispatcher } from '@/dispatch/dispatcher'
import { rundownsRouter } from '@/rundowns/router'
import { createUnit, createUser, PASSWORD } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

type Doc = Record<string, any>

let payload: Payload
let server: http.Server
let base: string
const ids: Record<string, any> = {}
const users: Record<string, Doc> = {}
const tokens: Record<string, string> = {}
const pubs: Record<string, string> = {}

const DAY_MS = 24 * 3600 * 1000
/** The rundown day under test, a few days ahead so the slots can be scheduled in the future. */
const D = rundownDay(new Date(Date.now() + 3 * DAY_MS).toISOString())
const NEXT = rundownDay(new Date(Date.now() + 4 * DAY_MS).toISOString())
const TODAY = () => rundownDay(new Date().toISOString())
/** An instant given in Vietnam time. */
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`).toISOString()
const vnDate = (day: string) => day.split('-').reverse().join('/')

const TRICKY_TITLE = 'Chuyển đổi số: "Người dân & <chính quyền>" cùng làm'
const RADIO_NAME = 'Đài Phát thanh tỉnh'

const schedule = (channel: string, content: Doc, extra: Record<string, unknown> = {}) =>
  payload.create({
    collection: 'publications',
    data: { content, channel, ...extra } as never,
    user: users.manager as never,
    overrideAccess: false,
  })

const pubDoc = (id: string) =>
  payload.findByID({
    collection: 'publications',
    id,
    depth: 0,
    overrideAccess: true,
  }) as Promise<Doc>

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { headers })
const asUser = (who: string) => ({ Authorization: `JWT ${tokens[who]}` })

/** The endpoint's handler, called the way Payload's REST layer would, with the body already parsed. */
async function callConfirm(user: Doc | null, id: string, body: unknown) {
  const req = await createLocalReq(
    { user: (user ?? undefined) as never, req: { data: body as never, routeParams: { id } } },
    payload,
  )
  const res = await confirmAiring.handler(req)
  return { status: res.status, json: (await res.json()) as Doc }
}

/** The slot times of the rows of a rendered rundown, top to bottom. */
const slotTimes = (html: string) =>
  [...html.matchAll(/<td class="time">([^<]*)<\/td>/g)].map((m) => m[1])

beforeAll(async () => {
  payload = await testPayload()
  const station = await createUnit(payload, 'Đài Phát thanh và Truyền hình tỉnh', 'radio-tv')
  const department = await createUnit(payload, 'Sở Thông tin và Truyền thông', 'department')
  const other = await createUnit(payload, 'Báo tỉnh', 'newspaper')
  ids.station = station.id
  users.admin = await createUser(payload, 'admin')
  users.manager = await createUser(payload, 'campaign-manager', department.id)
  users.stationEditor = await createUser(payload, 'editor', station.id)
  users.otherEditor = await createUser(payload, 'editor', other.id)
  users.contributor = await createUser(payload, 'contributor', station.id)
  users.viewer = await createUser(payload, 'viewer')
  for (const [who, user] of Object.entries(users)) {
    tokens[who] = (
      await payload.login({ collection: 'users', data: { email: user.email, password: PASSWORD } })
    ).token!
  }

  const channel = (data: Record<string, unknown>) =>
    payload.create({ collection: 'channels', data: data as never, overrideAccess: true })
  ids.radio = (
    await channel({
      name: RADIO_NAME,
      kind: 'radio',
      ownerUnit: station.id,
      settings: { unconfirmedAfterMinutes: 30 },
    })
  ).id
  ids.tv = (await channel({ name: 'Truyền hình tỉnh', kind: 'tv', ownerUnit: station.id })).id
  ids.feed = (await channel({ name: 'Nguồn tin RSS', kind: 'feed' })).id

  const article = async (title: string) => ({
    relationTo: 'articles',
    value: (
      await payload.create({
        collection: 'articles',
        data: { title, ownerUnit: department.id, _status: 'published', sapo: 'Tóm tắt' } as never,
        overrideAccess: true,
      })
    ).id,
  })
  const video = {
    relationTo: 'videos',
    value: (
      await payload.create({
        collection: 'videos',
        data: {
          title: TRICKY_TITLE,
          kind: 'radio-programme',
          externalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
          durationSeconds: 330,
          ownerUnit: station.id,
          _status: 'published',
        } as never,
        overrideAccess: true,
      })
    ).id,
  }

  pubs.evening = (
    await schedule(ids.radio, video, {
      scheduledAt: at(D, '18:30'),
      message: 'Kính thưa quý thính giả',
    })
  ).id
  pubs.morning = (
    await schedule(ids.radio, await article('Bản tin sáng chuyển đổi số'), {
      scheduledAt: at(D, '06:00'),
    })
  ).id
  pubs.noon = (
    await schedule(ids.radio, await article('Hỏi đáp dịch vụ công trực tuyến'), {
      scheduledAt: at(D, '11:15'),
    })
  ).id
  // 00:05 in Vietnam is still the previous day in UTC: it belongs to D's rundown all the same.
  pubs.midnight = (
    await schedule(ids.radio, await article('Điểm tin đầu ngày'), { scheduledAt: at(D, '00:05') })
  ).id
  pubs.nextDay = (
    await schedule(ids.radio, await article('Bản tin ngày hôm sau'), {
      scheduledAt: at(NEXT, '00:00'),
    })
  ).id
  pubs.draft = (
    await schedule(ids.radio, await article('Bài còn nháp chưa vào lịch'), {
      scheduledAt: at(D, '20:00'),
      status: 'draft',
    })
  ).id
  pubs.tv = (
    await schedule(ids.tv, await article('Bản tin truyền hình'), { scheduledAt: at(D, '07:00') })
  ).id
  pubs.feed = (
    await schedule(ids.feed, await article('Tin cho nguồn RSS'), {
      scheduledAt: at(D, '08:00'),
      status: 'draft',
    })
  ).id
  ids.todayArticle = await article('Tin phát ngay hôm nay')

  const app = express()
  app.use('/rundowns', rundownsRouter(payload))
  server = http.createServer(app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  vi.useRealTimers()
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
})

describe('the dispatcher places broadcast items in the rundown', () => {
  it('puts a "publish now" radio item in today\'s rundown', async () => {
    const pub = await schedule(ids.radio, ids.todayArticle, { publishNow: true })
    pubs.today = pub.id
    expect(pub.status).toBe('scheduled')
    const dispatcher = createDispatcher(payload, { workerId: 'rundown-now', log: () => {} })
    expect(await dispatcher.drain()).toBe(1)
    const after = await pubDoc(pub.id)
    expect(after.status).toBe('published')
    expect(after.remoteId).toBe(`rundown:${ids.radio}:${TODAY()}`)
    expect(after.remoteUrl).toMatch(new RegExp(`/rundowns/${ids.radio}/${TODAY()}$`))
    expect(after.airing?.status).toBe('pending')

    const res = await get(`/rundowns/${ids.radio}/${TODAY()}`, asUser('viewer'))
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('Tin phát ngay hôm nay')
  })

  it('places each slot in the rundown of its Vietnam day when its time comes', async () => {
    // The dispatcher sends at the slot time: let the clock reach midday of the next day.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(at(NEXT, '12:00')))
    try {
      const dispatcher = createDispatcher(payload, { workerId: 'rundown-later', log: () => {} })
      expect(await dispatcher.drain()).toBe(6)
    } finally {
      vi.useRealTimers()
    }
    for (const key of ['midnight', 'morning', 'noon', 'evening']) {
      const pub = await pubDoc(pubs[key])
      expect(pub.status, key).toBe('published')
      expect(pub.remoteId, key).toBe(`rundown:${ids.radio}:${D}`)
      expect(pub.airing?.status, key).toBe('pending')
    }
    expect((await pubDoc(pubs.nextDay)).remoteId).toBe(`rundown:${ids.radio}:${NEXT}`)
    expect((await pubDoc(pubs.tv)).remoteId).toBe(`rundown:${ids.tv}:${D}`)
    expect((await pubDoc(pubs.draft)).status).toBe('draft')
  })
})

describe('GET /rundowns/:channelId/:date', () => {
  it("renders the day's published slots of that channel only, in slot order, in Vietnam time", async () => {
    const res = await get(`/rundowns/${ids.radio}/${D}`, asUser('viewer'))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/)
    expect(res.headers.get('cache-control')).toContain('no-store')
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toMatch(/script-src 'nonce-[^']+'/)
    const html = await res.text()
    expect(html).toContain(`Chương trình phát sóng ngày ${vnDate(D)} – ${RADIO_NAME}`)
    expect(slotTimes(html)).toEqual(['00:05', '06:00', '11:15', '18:30'])
    expect(html.indexOf('Điểm tin đầu ngày')).toBeLessThan(
      html.indexOf('Bản tin sáng chuyển đổi số'),
    )
    expect(html.indexOf('Hỏi đáp dịch vụ công trực tuyến')).toBeLessThan(
      html.indexOf('Kính thưa quý thính giả'),
    )
    // Escaped, never raw.
    expect(html).toContain(
      'Chuyển đổi số: &quot;Người dân &amp; &lt;chính quyền&gt;&quot; cùng làm',
    )
    expect(html).not.toContain('<chính quyền>')
    expect(html).toContain('5 phút 30 giây')
    expect(html).toContain('Video, phát thanh')
    expect(html).toContain('Tin, bài')
    expect(html).toContain('Chưa xác nhận')
    // Other days, other channels and items not in the rundown stay out.
    for (const absent of [
      'Bản tin ngày hôm sau',
      'Bản tin truyền hình',
      'Bài còn nháp chưa vào lịch',
      'Tin phát ngay hôm nay',
    ]) {
      expect(html, absent).not.toContain(absent)
    }
    expect(html).toContain('@media print')
    expect(html).toContain('window.print()')
    expect(html).toMatch(/<button[^>]*id="print"[^>]*>In<\/button>/)
    expect(html).toContain('href="?format=csv"')
  })

  it('accepts the Payload session cookie as well', async () => {
    const res = await get(`/rundowns/${ids.tv}/${D}`, {
      Cookie: `${payload.config.cookiePrefix}-token=${tokens.stationEditor}`,
    })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(slotTimes(html)).toEqual(['07:00'])
    expect(html).toContain('Bản tin truyền hình')
  })

  it('shows a slot whose time has not come yet as planned, so the evening-before printout is complete', async () => {
    const later = rundownDay(new Date(Date.now() + 10 * DAY_MS).toISOString())
    const content = await payload.create({
      collection: 'articles',
      data: {
        title: 'Bản tin dự kiến tuần sau',
        ownerUnit: ids.station,
        _status: 'published',
      } as never,
      overrideAccess: true,
    })
    const planned = await schedule(
      ids.radio,
      { relationTo: 'articles', value: content.id },
      { scheduledAt: at(later, '19:00') },
    )
    expect(planned.status).toBe('scheduled')
    const html = await (await get(`/rundowns/${ids.radio}/${later}`, asUser('viewer'))).text()
    expect(html).toContain('Bản tin dự kiến tuần sau')
    expect(html).toContain('Dự kiến (chưa đến giờ phát)')
    expect(slotTimes(html)).toEqual(['19:00'])
  })

  it('shows an empty day as such', async () => {
    const res = await get(`/rundowns/${ids.tv}/${NEXT}`, asUser('contributor'))
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('Không có chương trình nào trong lịch phát sóng ngày này.')
  })

  it('downloads the same rundown as CSV with a BOM and intact Vietnamese', async () => {
    const res = await get(`/rundowns/${ids.radio}/${D}?format=csv`, asUser('viewer'))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/)
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename=lich-phat-song-dai-phat-thanh-tinh-${D}.csv`,
    )
    const bytes = Buffer.from(await res.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.subarray(3).toString('utf8')
    const lines = text.trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      'Giờ phát,Tên chương trình / nội dung,Lời dẫn,Loại,Thời lượng dự kiến (giây),Trạng thái xác nhận,Thời lượng thực tế (giây),Ghi chú,Người xác nhận,Xác nhận lúc,Cảnh báo',
    )
    expect(lines.slice(1).map((l) => l.slice(0, 5))).toEqual(['00:05', '06:00', '11:15', '18:30'])
    expect(lines[4]).toBe(
      '18:30,"Chuyển đổi số: ""Người dân & <chính quyền>"" cùng làm",Kính thưa quý thính giả,"Video, phát thanh",330,Chưa xác nhận,,,,,',
    )
    expect(text).not.toContain('Bản tin ngày hôm sau')
  })

  it('refuses anonymous readers with 401 before looking at anything else', async () => {
    const anonymous: Record<string, string>[] = [{}, { Authorization: 'JWT khong-phai-token' }]
    for (const headers of anonymous) {
      const res = await get(`/rundowns/${ids.radio}/${D}`, headers)
      expect(res.status).toBe(401)
      expect(await res.text()).toContain('Bạn cần đăng nhập để xem lịch phát sóng.')
    }
    const csv = await get(`/rundowns/${ids.radio}/${D}?format=csv`)
    expect(csv.status).toBe(401)
    expect((await get(`/rundowns/${ids.radio}/not-a-date`)).status).toBe(401)
    const json = await get(`/rundowns/${ids.radio}/${D}`, { Accept: 'application/json' })
    expect(json.status).toBe(401)
    expect(await json.json()).toEqual({
      errors: [{ message: 'Bạn cần đăng nhập để xem lịch phát sóng.' }],
    })
  })

  it('answers 400 for a date that is not YYYY-MM-DD or not a real day', async () => {
    for (const date of ['22-11-2026', '2026-13-01', '2026-02-30', '2026-1-5', 'hom-nay']) {
      const res = await get(`/rundowns/${ids.radio}/${date}`, asUser('viewer'))
      expect(res.status, date).toBe(400)
      expect(await res.text()).toContain('không hợp lệ')
    }
  })

  it('answers 404 for an unknown channel or one that is not a station', async () => {
    for (const channel of [ids.feed, '01900000-0000-7000-8000-000000000000', 'khong-co']) {
      const res = await get(`/rundowns/${channel}/${D}`, asUser('admin'))
      expect(res.status, String(channel)).toBe(404)
      expect(await res.text()).toContain(
        'Không tìm thấy kênh phát thanh, truyền hình hoặc truyền thanh cơ sở này.',
      )
    }
  })
})

describe('unconfirmed slots', () => {
  it("flags a slot past the channel's delay and not one still within it", async () => {
    // Radio waits 30 minutes: at 11:30, 00:05 and 06:00 are overdue, 11:15 is not yet, 18:30 is ahead.
    await flagUnconfirmedAirings(payload, new Date(at(D, '11:30')))
    expect((await pubDoc(pubs.midnight)).airing?.flagged).toBe(true)
    expect((await pubDoc(pubs.morning)).airing?.flagged).toBe(true)
    expect((await pubDoc(pubs.noon)).airing?.flagged).toBeFalsy()
    expect((await pubDoc(pubs.evening)).airing?.flagged).toBeFalsy()
    expect((await pubDoc(pubs.draft)).airing?.flagged).toBeFalsy()

    const html = await (await get(`/rundowns/${ids.radio}/${D}`, asUser('viewer'))).text()
    const flaggedRows = [...html.matchAll(/<tr class="flagged" data-publication="([^"]+)">/g)].map(
      (m) => m[1],
    )
    expect(flaggedRows).toEqual([pubs.midnight, pubs.morning])
    expect(html).toContain('Quá hạn chưa xác nhận')
    const csv = await (await get(`/rundowns/${ids.radio}/${D}?format=csv`, asUser('viewer'))).text()
    expect(csv.split('\r\n')[2]).toMatch(/^06:00,.*,Quá hạn chưa xác nhận$/)

    // Twenty minutes later 11:15 is overdue too.
    await flagUnconfirmedAirings(payload, new Date(at(D, '11:50')))
    expect((await pubDoc(pubs.noon)).airing?.flagged).toBe(true)
  })

  it('confirming clears the flag, and a confirmed slot is not flagged again', async () => {
    const res = await callConfirm(users.stationEditor, pubs.morning, {
      aired: true,
      actualDurationSeconds: 312,
      note: 'Phát đúng giờ',
    })
    expect(res.status).toBe(200)
    const pub = await pubDoc(pubs.morning)
    expect(pub.airing).toMatchObject({
      status: 'aired',
      actualDurationSeconds: 312,
      note: 'Phát đúng giờ',
      flagged: false,
    })
    await flagUnconfirmedAirings(payload, new Date(at(D, '23:00')))
    expect((await pubDoc(pubs.morning)).airing?.flagged).toBe(false)

    const html = await (await get(`/rundowns/${ids.radio}/${D}`, asUser('viewer'))).text()
    expect(html).toContain('Đã phát, thời lượng thực tế 5 phút 12 giây')
    expect(html).toContain('Ghi chú: Phát đúng giờ')
    expect(html).not.toContain(`<tr class="flagged" data-publication="${pubs.morning}">`)
  })
})

describe('POST /api/publications/:id/airing', () => {
  it('is registered on the publications collection', () => {
    const endpoints = payload.collections.publications.config.endpoints || []
    expect(endpoints.some((e) => e.path === '/:id/airing' && e.method === 'post')).toBe(true)
  })

  it("lets an editor of the station's unit confirm an aired slot", async () => {
    const before = Date.now()
    const res = await callConfirm(users.stationEditor, pubs.evening, {
      aired: true,
      actualDurationSeconds: 330,
    })
    expect(res.status).toBe(200)
    expect(res.json.message).toBe('Đã xác nhận: chương trình đã phát.')
    expect(Object.keys(res.json.doc).sort()).toEqual(['airing', 'id'])
    const pub = await pubDoc(pubs.evening)
    expect(pub.airing).toMatchObject({
      status: 'aired',
      actualDurationSeconds: 330,
      flagged: false,
      note: null,
    })
    expect(String(pub.airing.confirmedBy)).toBe(String(users.stationEditor.id))
    expect(new Date(pub.airing.confirmedAt).getTime()).toBeGreaterThanOrEqual(before - 1000)
    // The schedule itself is untouched.
    expect(pub.status).toBe('published')
    expect(pub.scheduledAt).toBe(at(D, '18:30'))
  })

  it('lets a campaign manager record a slot that did not air, and an admin correct it (0 seconds allowed)', async () => {
    const res = await callConfirm(users.manager, pubs.noon, {
      aired: false,
      note: 'Mất điện, phát bù ngày mai',
    })
    expect(res.status).toBe(200)
    expect(res.json.message).toBe('Đã xác nhận: chương trình không phát.')
    let pub = await pubDoc(pubs.noon)
    expect(pub.airing).toMatchObject({
      status: 'not-aired',
      actualDurationSeconds: null,
      note: 'Mất điện, phát bù ngày mai',
      flagged: false,
    })
    expect(String(pub.airing.confirmedBy)).toBe(String(users.manager.id))

    const html = await (await get(`/rundowns/${ids.radio}/${D}`, asUser('viewer'))).text()
    expect(html).toContain('Không phát')
    expect(html).toContain('Mất điện, phát bù ngày mai')

    expect(
      (await callConfirm(users.admin, pubs.noon, { aired: true, actualDurationSeconds: 0 })).status,
    ).toBe(200)
    pub = await pubDoc(pubs.noon)
    expect(pub.airing).toMatchObject({ status: 'aired', actualDurationSeconds: 0 })
    expect(String(pub.airing.confirmedBy)).toBe(String(users.admin.id))
  })

  it('refuses people who may not confirm, and changes nothing', async () => {
    const before = await pubDoc(pubs.midnight)
    const body = { aired: true, actualDurationSeconds: 60 }
    const anonymous = await callConfirm(null, pubs.midnight, body)
    expect(anonymous.status).toBe(401)
    expect(anonymous.json.errors[0].message).toBe('Bạn cần đăng nhập để xác nhận phát sóng.')
    for (const who of ['viewer', 'contributor', 'otherEditor']) {
      const res = await callConfirm(users[who], pubs.midnight, body)
      expect(res.status, who).toBe(403)
      expect(res.json.errors[0].message, who).toMatch(/^Chỉ /)
    }
    const after = await pubDoc(pubs.midnight)
    expect(after.airing).toEqual(before.airing)
    expect(after.updatedAt).toBe(before.updatedAt)
  })

  it('answers 404 for an unknown publication and 400 off the rundown', async () => {
    expect(
      (await callConfirm(users.admin, '01900000-0000-7000-8000-000000000000', { aired: false }))
        .status,
    ).toBe(404)

    const feed = await callConfirm(users.manager, pubs.feed, { aired: false })
    expect(feed.status).toBe(400)
    expect(feed.json.errors[0].message).toContain(
      'không phải kênh phát thanh, truyền hình hay truyền thanh cơ sở',
    )

    const draft = await callConfirm(users.stationEditor, pubs.draft, {
      aired: true,
      actualDurationSeconds: 60,
    })
    expect(draft.status).toBe(400)
    expect(draft.json.errors[0].message).toBe(
      'Lịch đăng này chưa được đưa vào chương trình phát sóng nên chưa thể xác nhận.',
    )
    expect((await pubDoc(pubs.draft)).airing?.status).toBe('pending')
  })

  it('rejects bad input with a Vietnamese message and changes nothing', async () => {
    const before = await pubDoc(pubs.midnight)
    const cases: [unknown, string][] = [
      [undefined, 'Thiếu dữ liệu xác nhận'],
      [{}, 'Cần cho biết chương trình đã phát'],
      [{ aired: 'yes', actualDurationSeconds: 60 }, 'Cần cho biết chương trình đã phát'],
      [{ aired: true }, 'Đã phát thì cần nhập thời lượng thực tế (giây).'],
      [
        { aired: true, actualDurationSeconds: '300' },
        'Đã phát thì cần nhập thời lượng thực tế (giây).',
      ],
      [
        { aired: true, actualDurationSeconds: -1 },
        'Thời lượng thực tế phải từ 0 đến 86400 giây (24 giờ).',
      ],
      [
        { aired: true, actualDurationSeconds: 86401 },
        'Thời lượng thực tế phải từ 0 đến 86400 giây (24 giờ).',
      ],
      [
        { aired: false, actualDurationSeconds: 60 },
        'Chương trình không phát thì không ghi thời lượng thực tế.',
      ],
      [{ aired: false, note: 42 }, 'Ghi chú phải là văn bản.'],
      [{ aired: false, note: 'x'.repeat(1001) }, 'Ghi chú dài tối đa 1000 ký tự.'],
    ]
    for (const [body, message] of cases) {
      const res = await callConfirm(users.stationEditor, pubs.midnight, body)
      expect(res.status, JSON.stringify(body)?.slice(0, 60)).toBe(400)
      expect(res.json.errors[0].message).toContain(message)
    }
    const after = await pubDoc(pubs.midnight)
    expect(after.airing).toEqual(before.airing)
    expect(after.airing.flagged).toBe(true)
    expect(after.updatedAt).toBe(before.updatedAt)
  })

  it("works through Payload's REST handler with a JWT and a JSON body", async () => {
    const call = (body: string, token = tokens.stationEditor) =>
      handleEndpoints({
        config,
        request: new Request(`http://localhost:3000/api/publications/${pubs.midnight}/airing`, {
          method: 'POST',
          headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
          body,
        }),
      })
    const broken = await call('{"aired": tru')
    expect(broken.status).toBe(400)
    expect(((await broken.json()) as Doc).errors[0].message).toBe(
      'Dữ liệu gửi lên không phải JSON hợp lệ.',
    )
    // A refused caller gets 403 whatever the body.
    expect((await call('{"aired": tru', tokens.viewer)).status).toBe(403)

    const ok = await call(
      JSON.stringify({ aired: true, actualDurationSeconds: 295, note: 'Phát lúc 0 giờ 5' }),
    )
    expect(ok.status).toBe(200)
    const pub = await pubDoc(pubs.midnight)
    expect(pub.airing).toMatchObject({
      status: 'aired',
      actualDurationSeconds: 295,
      note: 'Phát lúc 0 giờ 5',
      flagged: false,
    })
    expect(String(pub.airing.confirmedBy)).toBe(String(users.stationEditor.id))
  })
})
