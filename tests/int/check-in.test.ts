/**
 * Event check-in by QR code (issue 23, item 1) through the real router on loopback: open only in the
 * event's time ± the organiser's margin, one device counted once (its signed cookie), the counts
 * beside the hand-entered figures and in the rollup when the organiser chooses them, the form's
 * input rules, a burst from one address throttled, the QR code as PNG and PDF, and rows that hold
 * nothing personal.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkInRouter } from '@/checkIn/router'
import { checkInCounts } from '@/checkIn/counts'
import { checkInWindow } from '@/checkIn/window'
import { DEVICE_COOKIE } from '@/publicForms/device'
import { refusalPage } from '@/publicForms/page'
import { refreshDirty } from '@/reporting/engine'
import { publicFormLimiter } from '@/security/rateLimits'
import { vnYearMonth } from '@/lib/time'
import { Metric } from '@/vocabulary'
import { formPhone } from '../helpers/phone'
import { createUnit } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'
import { cellMap, key } from '../helpers/rollup'

process.env.RATE_LIMIT_PUBLIC_FORM = '40'

let payload: Payload
let server: http.Server
let base: string
let organiser: string
let communeA: string
let communeB: string
const HOUR = 3_600_000

async function event(
  title: string,
  startsIn: number,
  hours = 2,
  extra: Record<string, unknown> = {},
) {
  const startsAt = new Date(Date.now() + startsIn).toISOString()
  const endsAt = new Date(Date.now() + startsIn + hours * HOUR).toISOString()
  return payload.create({
    collection: 'events',
    data: {
      title,
      kind: 'conference',
      startsAt,
      endsAt,
      status: 'planned',
      ownerUnit: organiser,
      ...extra,
    } as never,
    overrideAccess: true,
  })
}

/** One phone: keeps the cookie the server gives it, from its own address. */
const phone = (address: string) => formPhone(() => base, '/diem-danh', address)

const answer = (group: string, commune: string, age?: string) =>
  new URLSearchParams({
    audienceGroup: group,
    commune,
    ...(age ? { ageBand: age } : {}),
  }).toString()

let addressSeq = 1
const nextAddress = () => `198.51.100.${addressSeq++}`

beforeAll(async () => {
  payload = await testPayload()
  organiser = (await createUnit(payload, 'Sở Khoa học và Công nghệ (thử)', 'department'))
    .id as string
  communeA = (await createUnit(payload, 'Phường Tân Ninh (thử)', 'commune')).id as string
  communeB = (await createUnit(payload, 'Xã Dương Minh Châu (thử)', 'commune')).id as string
  const app = express()
  app.set('trust proxy', 'loopback')
  app.use('/diem-danh', checkInRouter(payload, { limiter: publicFormLimiter(refusalPage) }))
  server = http.createServer(app)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((r) => server.close(r))
})

describe('the check-in window', () => {
  it('opens at the start less the margin and closes at the end plus the margin', () => {
    const e = {
      startsAt: '2026-12-05T01:00:00.000Z',
      endsAt: '2026-12-05T03:00:00.000Z',
      checkIn: { marginMinutes: 15 },
    }
    expect(checkInWindow(e, new Date('2026-12-05T00:44:59.000Z')).state).toBe('before')
    expect(checkInWindow(e, new Date('2026-12-05T00:45:00.000Z')).state).toBe('open')
    expect(checkInWindow(e, new Date('2026-12-05T03:15:00.000Z')).state).toBe('open')
    expect(checkInWindow(e, new Date('2026-12-05T03:15:01.000Z')).state).toBe('after')
    expect(
      checkInWindow({ ...e, status: 'cancelled' }, new Date('2026-12-05T02:00:00.000Z')).state,
    ).toBe('cancelled')
  })

  it('refuses a check-in before the event opens and after it closes, saving nothing', async () => {
    const early = await event('Hội nghị ngày mai', 24 * HOUR, 2, { checkIn: { marginMinutes: 60 } })
    const late = await event('Hội thảo hôm qua', -26 * HOUR, 2, { checkIn: { marginMinutes: 60 } })
    const p = phone(nextAddress())
    const before = await p.post(early.checkIn!.code!, answer('citizens', communeA))
    expect(before.status).toBe(403)
    expect(before.text).toContain('Chưa đến giờ điểm danh')
    const after = await p.post(late.checkIn!.code!, answer('citizens', communeA))
    expect(after.status).toBe(403)
    expect(after.text).toContain('Đã hết giờ điểm danh')
    // The margin counts: an event that started 90 minutes from now with a 2-hour margin is open.
    const soon = await event('Tập huấn sắp bắt đầu', 90 * 60_000, 1, {
      checkIn: { marginMinutes: 120 },
    })
    expect((await p.post(soon.checkIn!.code!, answer('citizens', communeA))).status).toBe(201)
    const counted = await payload.count({
      collection: 'event-check-ins',
      where: { event: { in: [early.id, late.id] } },
      overrideAccess: true,
    })
    expect(counted.totalDocs).toBe(0)
  })
})

describe('checking in', () => {
  it('serves a small Vietnamese form without scripts that says what it collects', async () => {
    const e = await event('Ngày Chuyển đổi số tỉnh', -HOUR)
    const page = await phone(nextAddress()).get(e.checkIn!.code!)
    expect(page.status).toBe(200)
    expect(page.text).toContain('<html lang="vi">')
    expect(page.text).not.toMatch(/<script/i)
    expect(Buffer.byteLength(page.text)).toBeLessThan(50 * 1024)
    expect(page.text).toContain('Chúng tôi thu thập gì, để làm gì?')
    expect(page.text).toContain('Phường Tân Ninh (thử)')
    expect(page.res.headers.get('set-cookie')).toMatch(
      new RegExp(`^${DEVICE_COOKIE}=[^;]+; Path=/; Max-Age=\\d+; HttpOnly; SameSite=Lax`),
    )
  })

  it('counts one device once, and a new device again; the counts reach the event and the rollup', async () => {
    const e = await event('Hội nghị triển khai Đề án 06', -HOUR, 3, {
      status: 'held',
      actualParticipants: 120,
      audience: { citizens: 100, students: 20 },
    })
    const code = e.checkIn!.code!
    const one = phone(nextAddress())
    expect((await one.post(code, answer('citizens', communeA, '25-39'))).status).toBe(201)
    const again = await one.post(code, answer('students', communeB))
    expect(again.status).toBe(200)
    expect(again.text).toContain('đã điểm danh cho sự kiện này')
    expect((await one.get(code)).text).toContain('đã điểm danh cho sự kiện này')
    // A forged cookie is a new device only if it is well signed: a tampered one is replaced.
    const forged = phone(nextAddress())
    await forged.get(code)
    const tampered = forged.cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))
    const res = await fetch(`${base}/diem-danh/${code}`, { headers: { cookie: tampered } })
    expect(res.headers.get('set-cookie')).toContain(DEVICE_COOKIE)
    // Three more phones: 2 citizens (one from elsewhere), 1 student.
    expect((await phone(nextAddress()).post(code, answer('citizens', communeB))).status).toBe(201)
    expect((await phone(nextAddress()).post(code, answer('citizens', 'khac'))).status).toBe(201)
    expect(
      (await phone(nextAddress()).post(code, answer('students', communeA, '15-24'))).status,
    ).toBe(201)

    const counts = await checkInCounts(payload, e.id)
    expect(counts.total).toBe(4)
    expect(counts.byGroup).toEqual({
      leaders: 0,
      dxSpecialists: 0,
      civilServants: 0,
      citizens: 3,
      students: 1,
    })

    // The rollup uses the hand-entered figures until the organiser chooses the check-ins.
    const { year, month } = vnYearMonth(e.startsAt)
    const at = { unit: organiser, type: 'events' }
    await refreshDirty(payload)
    let cells = await cellMap(payload, year)
    expect(cells.get(key(year, month, Metric.Participants, at))).toBe(120)
    await payload.update({
      collection: 'events',
      id: e.id,
      data: { checkIn: { participantsSource: 'check-in' } } as never,
      overrideAccess: true,
    })
    await refreshDirty(payload)
    cells = await cellMap(payload, year)
    expect(cells.get(key(year, month, Metric.Participants, at))).toBe(4)
    expect(cells.get(key(year, month, Metric.ParticipantsCitizens, at))).toBe(3)
    expect(cells.get(key(year, month, Metric.ParticipantsStudents, at))).toBe(1)
    expect(cells.get(key(year, month, Metric.ParticipantsLeaders, at))).toBe(0)

    // A check-in after the switch marks the month itself: the next fold counts it.
    expect((await phone(nextAddress()).post(code, answer('leaders', communeA))).status).toBe(201)
    await refreshDirty(payload)
    cells = await cellMap(payload, year)
    expect(cells.get(key(year, month, Metric.Participants, at))).toBe(5)
    expect(cells.get(key(year, month, Metric.ParticipantsLeaders, at))).toBe(1)
  })

  it('refuses unknown, oversized, scripted and non-form input with a Vietnamese message', async () => {
    const e = await event('Hội thảo an toàn thông tin', -HOUR)
    const code = e.checkIn!.code!
    const p = phone(nextAddress())
    const unknown = await p.post(code, `${answer('citizens', communeA)}&fullName=Nguyen+Van+A`)
    expect(unknown.status).toBe(400)
    expect(unknown.text).toContain('Biểu mẫu có trường không được nhận: fullName')
    const scripted = await p.post(code, answer('<script>alert(1)</script>', communeA))
    expect(scripted.status).toBe(400)
    expect(scripted.text).toContain('không được chứa mã')
    expect(scripted.text).not.toContain('<script>alert(1)')
    const badChoice = await p.post(code, answer('aliens', communeA))
    expect(badChoice.status).toBe(400)
    expect(badChoice.text).toContain('lựa chọn không hợp lệ')
    const missing = await p.post(code, new URLSearchParams({ commune: communeA }).toString())
    expect(missing.text).toContain('Vui lòng chọn &quot;Bạn là&quot;')
    const big = await p.post(code, `${answer('citizens', communeA)}&x=${'a'.repeat(10_000)}`)
    expect(big.status).toBe(413)
    expect(big.text).toContain('quá lớn')
    const json = await p.post(
      code,
      JSON.stringify({ audienceGroup: 'citizens' }),
      'application/json',
    )
    expect(json.status).toBe(415)
    expect(json.text).toContain('Chỉ nhận biểu mẫu')
    const none = await payload.count({
      collection: 'event-check-ins',
      where: { event: { equals: e.id } },
      overrideAccess: true,
    })
    expect(none.totalDocs).toBe(0)
    expect((await phone(nextAddress()).get('khong-co-ma')).status).toBe(404)
  })

  it('throttles a burst from one address with a Vietnamese message', async () => {
    const e = await event('Cuộc thi Tìm hiểu chuyển đổi số', -HOUR)
    const code = e.checkIn!.code!
    const address = nextAddress()
    const statuses: number[] = []
    let refusal = ''
    // A script replaying 100 check-ins without cookies: each would be a "new device".
    for (let i = 0; i < 100; i++) {
      const p = phone(address)
      const r = await p.post(code, answer('citizens', communeA))
      statuses.push(r.status)
      if (r.status === 429) refusal = r.text
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(40)
    expect(statuses.filter((s) => s === 429)).toHaveLength(60)
    expect(refusal).toContain('Gửi biểu mẫu quá nhiều lần từ địa chỉ của bạn. Vui lòng thử lại sau')
    // Another address is not held back.
    expect((await phone(nextAddress()).post(code, answer('citizens', communeA))).status).toBe(201)
  })

  it('stores nothing personal: the rows hold the answers, the organiser and a keyed hash only', async () => {
    const { docs } = await payload.find({
      collection: 'event-check-ins',
      limit: 0,
      pagination: false,
      overrideAccess: true,
      depth: 0,
      showHiddenFields: true,
    })
    expect(docs.length).toBeGreaterThan(0)
    for (const row of docs) {
      expect(Object.keys(row).sort()).toEqual(
        [
          'ageBand',
          'audienceGroup',
          'commune',
          'createdAt',
          'deviceKey',
          'event',
          'id',
          'ownerUnit',
          'updatedAt',
        ].filter((k) => k in row),
      )
      const text = JSON.stringify(row)
      expect(text).not.toMatch(/198\.51\.100\.|127\.0\.0\.1|::1/)
      expect(row.deviceKey).toMatch(/^[A-Za-z0-9_-]{43}$/)
    }
    // One key per device and event (the unique index): no two rows share one.
    expect(new Set(docs.map((d) => d.deviceKey)).size).toBe(docs.length)
    // No audit entry kept an address for an anonymous check-in.
    const audits = await payload.count({
      collection: 'audit-log',
      where: { documentCollection: { equals: 'event-check-ins' } },
      overrideAccess: true,
    })
    expect(audits.totalDocs).toBe(0)
  })
})

describe('the QR code', () => {
  it('is a PNG and a PDF poster and table card with the check-in address', async () => {
    const e = await event('Triển lãm sản phẩm số', 48 * HOUR)
    const code = e.checkIn!.code!
    const png = await fetch(`${base}/diem-danh/${code}/ma-qr.png`)
    expect(png.headers.get('content-type')).toBe('image/png')
    const bytes = Buffer.from(await png.arrayBuffer())
    expect(bytes.subarray(1, 4).toString()).toBe('PNG')
    for (const [mau, width] of [
      ['ap-phich', 595.28],
      ['the-ban', 297.64],
    ] as const) {
      const pdf = await fetch(`${base}/diem-danh/${code}/ma-qr.pdf?mau=${mau}`)
      expect(pdf.headers.get('content-type')).toBe('application/pdf')
      const body = Buffer.from(await pdf.arrayBuffer()).toString('latin1')
      expect(body.startsWith('%PDF-')).toBe(true)
      expect(body).toMatch(new RegExp(`/MediaBox \\[0 0 ${Math.floor(width)}`))
      expect(body).toContain('DejaVuSans')
    }
  })
})
