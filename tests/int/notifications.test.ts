/**
 * Notifications by email through Payload's email adapter to a real SMTP server on loopback
 * (tests/helpers/smtp.ts): one email per event and recipient, by each recipient's preference
 * (immediate, daily digest, none); the digest once a day; events fanned out from the workflows
 * (a review request, a unit report returned, an expiring channel token); and nothing sent twice
 * for the same event, even by a second process started over the same database file.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendDigests } from '@/notifications/digest'
import { notifyExpiringTokens } from '@/notifications/events'
import { notify, settleNotifications, type NotifyArgs } from '@/notifications/notify'
import type { User } from '@/payload-types'
import { Role } from '@/vocabulary'
import { createUnit, createUser } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'
import { startSmtp } from '../helpers/smtp'

let payload: Payload
let smtp: Awaited<ReturnType<typeof startSmtp>>
const u: Record<string, User> = {}
let unit = ''

const prefer = async (user: User, notificationEmail: 'immediate' | 'digest' | 'none') =>
  (await payload.update({
    collection: 'users',
    id: user.id,
    data: { notificationEmail },
    overrideAccess: true,
  })) as User

beforeAll(async () => {
  smtp = await startSmtp()
  // Read by the config when Payload starts (src/lib/email.ts); the second process inherits them.
  process.env.SMTP_HOST = '127.0.0.1'
  process.env.SMTP_PORT = String(smtp.port)
  process.env.SMTP_FROM = 'thong-bao@stttt.tayninh.gov.vn'
  process.env.PUBLIC_SERVER_URL = 'https://cds.tayninh.gov.vn'
  payload = await testPayload()
  unit = String((await createUnit(payload, 'Báo Tây Ninh', 'newspaper')).id)
  u.now = (await createUser(payload, Role.Editor, unit)) as User
  u.daily = await prefer((await createUser(payload, Role.Editor, unit)) as User, 'digest')
  u.never = await prefer((await createUser(payload, Role.Editor, unit)) as User, 'none')
  u.admin = (await createUser(payload, Role.Admin, null)) as User
  u.manager = (await createUser(payload, Role.CampaignManager, null)) as User
  u.contributor = (await createUser(payload, Role.Contributor, unit)) as User
}, 60_000)

afterAll(async () => {
  await settleNotifications()
  await smtp?.close()
})

const rowsOf = async (user: User) =>
  (
    await payload.find({
      collection: 'notifications',
      where: { recipient: { equals: user.id } },
      overrideAccess: true,
      depth: 0,
      limit: 0,
      sort: 'createdAt',
    })
  ).docs

const call = (key: string): NotifyArgs => ({
  event: 'publication-failed',
  recipients: [u.now.id, u.daily.id, u.never.id, u.now.id, null],
  docRef: { collection: 'publications', id: 'p-1' },
  key,
  title: 'Đăng thất bại: "Ngày Chuyển đổi số" lên Trang Facebook',
  body: 'Lý do: mã truy cập hết hạn.',
})

describe('one event, three preferences', () => {
  it('writes one row per recipient and emails only the one who wants it at once', async () => {
    const r = await notify(payload, call('fan-out-1'))
    expect(r.created.sort()).toEqual([u.now.id, u.daily.id, u.never.id].sort())
    expect(r.emailed).toEqual([u.now.id])
    expect(smtp.mails).toHaveLength(1)
    const mail = smtp.mails[0]
    expect(mail.to).toEqual([u.now.email])
    expect(mail.from).toContain('thong-bao@stttt.tayninh.gov.vn')
    expect(mail.subject).toBe('[Thông báo] Đăng thất bại: "Ngày Chuyển đổi số" lên Trang Facebook')
    expect(mail.text).toContain('Lý do: mã truy cập hết hạn.')
    expect(mail.text).toContain(
      'Xem: https://cds.tayninh.gov.vn/admin/collections/publications/p-1',
    )
    const [daily] = await rowsOf(u.daily)
    const [never] = await rowsOf(u.never)
    const [now] = await rowsOf(u.now)
    expect([now.emailState, daily.emailState, never.emailState]).toEqual(['sent', 'digest', 'none'])
    expect([now.read, daily.read, never.read]).toEqual([false, false, false])
  })

  it('sends nothing and writes nothing for the same event again', async () => {
    const r = await notify(payload, call('fan-out-1'))
    expect(r).toEqual({ created: [], emailed: [] })
    expect(smtp.mails).toHaveLength(1)
    expect(await rowsOf(u.now)).toHaveLength(1)
  })
})

describe('events from the workflows', () => {
  it('a review request: one email to each of the unit’s reviewers, none to the author', async () => {
    const reviewers = [
      await payload.update({
        collection: 'users',
        id: (await createUser(payload, Role.Editor, unit)).id,
        data: { reviewer: true },
        overrideAccess: true,
      }),
      await payload.update({
        collection: 'users',
        id: (await createUser(payload, Role.Editor, unit)).id,
        data: { reviewer: true },
        overrideAccess: true,
      }),
    ] as User[]
    const before = smtp.mails.length
    const doc = await payload.create({
      collection: 'articles',
      user: u.contributor,
      overrideAccess: false,
      draft: true,
      data: { title: 'Tọa đàm chuyển đổi số', ownerUnit: unit } as never,
    })
    await payload.update({
      collection: 'articles',
      id: doc.id,
      user: u.contributor,
      overrideAccess: false,
      draft: true,
      data: { reviewState: 'in-review' } as never,
    })
    await settleNotifications()
    const sent = smtp.mails.slice(before)
    expect(sent.map((m) => m.to[0]).sort()).toEqual(reviewers.map((r) => r.email).sort())
    expect(new Set(sent.map((m) => m.subject))).toEqual(
      new Set(['[Thông báo] Bài chờ duyệt: Tọa đàm chuyển đổi số']),
    )
  })

  it('a unit report returned: its editors are told once, by their preference', async () => {
    const before = smtp.mails.length
    const report = await payload.create({
      collection: 'unit-reports',
      user: u.now,
      overrideAccess: false,
      data: { year: 2026, results: 'Đã đăng 120 tin, bài.' } as never,
    })
    await payload.update({
      collection: 'unit-reports',
      id: report.id,
      user: u.now,
      overrideAccess: false,
      data: { status: 'submitted' } as never,
    })
    await payload.update({
      collection: 'unit-reports',
      id: report.id,
      user: u.manager,
      overrideAccess: false,
      data: { status: 'returned', returnReason: 'Thiếu số liệu tập huấn.' } as never,
    })
    await settleNotifications()
    const sent = smtp.mails.slice(before)
    // The three editors of the unit plus the two reviewers made above; immediate: all but u.daily, u.never.
    expect(sent.filter((m) => m.to.includes(u.now.email))).toHaveLength(1)
    expect(
      sent.filter((m) => m.to.includes(u.daily.email) || m.to.includes(u.never.email)),
    ).toEqual([])
    expect(sent.every((m) => m.subject === '[Thông báo] Báo cáo năm 2026 bị trả lại')).toBe(true)
    expect(sent[0].text).toContain('Lý do: Thiếu số liệu tập huấn.')
    expect((await rowsOf(u.daily)).map((n) => n.event)).toContain('unit-report-returned')
  })

  it('a channel token that expires in 3 days and cannot renew itself: the admins, once', async () => {
    const inThreeDays = new Date(Date.now() + 3 * 86_400_000).toISOString()
    await payload.create({
      collection: 'channels',
      overrideAccess: true,
      data: {
        name: 'Trang Facebook Báo Tây Ninh',
        kind: 'facebook-page',
        ownerUnit: unit,
        credentials: { accessToken: 'EAAG-thu', accessTokenExpiresAt: inThreeDays },
      } as never,
    })
    await payload.create({
      collection: 'channels',
      overrideAccess: true,
      data: {
        name: 'Trang Facebook hết hạn sau 10 ngày',
        kind: 'facebook-page',
        credentials: {
          accessToken: 'EAAG-sau',
          accessTokenExpiresAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
        },
      } as never,
    })
    const before = smtp.mails.length
    expect(await notifyExpiringTokens(payload)).toBe(1)
    expect(await notifyExpiringTokens(payload)).toBe(0)
    const sent = smtp.mails.slice(before)
    expect(sent.map((m) => m.to)).toEqual([[u.admin.email]])
    expect(sent[0].subject).toMatch(
      /Mã truy cập của kênh "Trang Facebook Báo Tây Ninh" hết hạn lúc/,
    )
  })
})

describe('the daily digest', () => {
  it('waits for 07:00 Vietnam time, then sends one email listing what is waiting, once', async () => {
    const waiting = (await rowsOf(u.daily)).filter((n) => n.emailState === 'digest')
    expect(waiting.length).toBe(2) // the failed publication and the returned report
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })
    const tomorrow = new Date(Date.parse(`${today}T12:00:00+07:00`) + 86_400_000)
      .toISOString()
      .slice(0, 10)
    const at = (time: string) => new Date(`${tomorrow}T${time}+07:00`)
    const before = smtp.mails.length
    expect((await sendDigests(payload, at('06:59'))).sent).toEqual([])
    const run = await sendDigests(payload, at('07:05'))
    expect(run.sent).toEqual([{ user: u.daily.id, count: 2 }])
    expect((await sendDigests(payload, at('08:05'))).sent).toEqual([])
    const sent = smtp.mails.slice(before)
    expect(sent).toHaveLength(1)
    expect(sent[0].to).toEqual([u.daily.email])
    expect(sent[0].subject).toBe(
      `[Thông báo tổng hợp] ${tomorrow.split('-').reverse().join('/')}: 2 thông báo`,
    )
    expect(sent[0].text).toContain('Anh/chị có 2 thông báo chưa gửi thư:')
    expect(sent[0].text).toContain('Đăng thất bại: "Ngày Chuyển đổi số" lên Trang Facebook')
    expect(sent[0].text).toContain('Báo cáo bị trả lại: Báo cáo năm 2026 bị trả lại')
    expect((await rowsOf(u.daily)).every((n) => n.emailState === 'digested')).toBe(true)
  })
})

/** A second Payload, in its own OS process, over this file's database (same env, same SMTP server). */
function inAnotherProcess(args: { calls: NotifyArgs[]; digestAt?: string }) {
  const root = path.resolve(__dirname, '../..')
  return new Promise<{
    results: { created: string[]; emailed: string[] }[]
    digest: { sent: unknown[] } | null
    /** The child's whole output, for a failed assertion's message. */
    log: string
  }>((resolve, reject) => {
    let out = ''
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        './src/preload.ts',
        'tests/helpers/notifyProcess.ts',
        JSON.stringify(args),
      ],
      { cwd: root, env: { ...process.env }, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '))
      if (code !== 0 || !line) reject(new Error(`the second process failed (${code}):\n${out}`))
      else resolve({ ...JSON.parse(line.slice('RESULT '.length)), log: out })
    })
  })
}

describe('after a restart', () => {
  it('a second process sends nothing for events already told, and sends a new one once', async () => {
    const before = smtp.mails.length
    const fresh: NotifyArgs = { ...call('after-restart'), title: 'Một sự kiện mới' }
    const r = await inAnotherProcess({
      calls: [call('fan-out-1'), fresh],
      // 07:05 in Vietnam the day after the first digest's: a digest day of its own, whatever the
      // hour this runs at (now + 24 h before 07:00 Vietnam time would find the digest not due).
      digestAt: new Date(
        Date.parse(
          `${new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })}T07:05:00+07:00`,
        ) +
          2 * 86_400_000,
      ).toISOString(),
    })
    expect(r.results[0], r.log).toEqual({ created: [], emailed: [] })
    expect([...r.results[1].created].sort(), r.log).toEqual(
      [u.now.id, u.daily.id, u.never.id].sort(),
    )
    expect(r.results[1].emailed, r.log).toEqual([u.now.id])
    // Its digest carries only the new event: the two the first process's digest carried are not sent again.
    expect(r.digest?.sent).toEqual([{ user: u.daily.id, count: 1 }])
    const sent = smtp.mails.slice(before)
    expect(sent.map((m) => m.to[0]).sort()).toEqual([u.now.email, u.daily.email].sort())
    expect(sent.find((m) => m.to[0] === u.now.email)?.subject).toBe('[Thông báo] Một sự kiện mới')
    const digest = sent.find((m) => m.to[0] === u.daily.email)!
    expect(digest.subject).toMatch(/: 1 thông báo$/)
    expect(digest.text).toContain('Một sự kiện mới')
    expect(digest.text).not.toContain('Báo cáo năm 2026 bị trả lại')
    expect((await rowsOf(u.now)).filter((n) => n.key === 'fan-out-1')).toHaveLength(1)
  }, 120_000)
})

describe('only the recipient', () => {
  it('reads and marks their own notifications, and the server stamps when', async () => {
    const [mine] = await rowsOf(u.now)
    const others = await payload.find({
      collection: 'notifications',
      user: u.admin,
      overrideAccess: false,
      where: { id: { equals: mine.id } },
    })
    expect(others.docs).toEqual([])
    const marked = await payload.update({
      collection: 'notifications',
      id: mine.id,
      user: u.now,
      overrideAccess: false,
      data: { read: true, title: 'đổi tiêu đề', readAt: '2000-01-01T00:00:00.000Z' } as never,
    })
    expect(marked.read).toBe(true)
    expect(marked.title).toBe(mine.title)
    expect(Math.abs(Date.parse(marked.readAt!) - Date.now())).toBeLessThan(60_000)
  })
})
