/**
 * The reports board's overdue state and its "Gửi nhắc nhở" (POST /api/report-reminders/send),
 * through Payload's email adapter to a real SMTP server on loopback.
 *
 * The board of 2025 (deadline 30/11/2025 by default) seen at moments known by hand: until the end
 * of 30/11 in Vietnam nobody is overdue; from 00:00 on 01/12 (17:00 UTC on 30/11) the units that have
 * not handed in are "Quá hạn" by the Vietnam days since, a returned report keeps its state but
 * counts its days, a report handed in on time stays on time. The reminder: who may send it (Sở
 * TT&TT any unit; a unit manager the units under theirs only; nobody else), the refusals in
 * Vietnamese with nothing recorded and nothing sent (no editor to write to, report handed in,
 * unknown unit, bad year, the mail server down), and what is recorded (numbered, who sent it,
 * shown on the board as the last reminder).
 */
import { createLocalReq, type Payload, type TypedUser } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { vnYearMonth } from '@/lib/time'
import { settleNotifications } from '@/notifications/notify'
import { loadBoard } from '@/reporting/unitReports/board'
import { sendManualReminder } from '@/reporting/unitReports/reminders'
import { sendReminderEndpoint } from '@/reporting/unitReports/remindEndpoint'
import type { Role } from '@/vocabulary'
import { createUnit, createUser } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'
import { startSmtp } from '../helpers/smtp'

let payload: Payload
let smtp: Awaited<ReturnType<typeof startSmtp>>
let smtpOpen = false
const unit: Record<string, string> = {}
const users: Record<string, TypedUser> = {}
const THIS_YEAR = vnYearMonth(new Date()).year
const at = (local: string) => new Date(`${local}+07:00`)

async function user(key: string, role: Role, of?: string) {
  const u = await createUser(payload, role, of ?? null)
  users[key] = {
    ...(await payload.findByID({ collection: 'users', id: u.id, depth: 0, overrideAccess: true })),
    collection: 'users',
  } as TypedUser
}

/** A report of the unit for `year`, written by its editor, then taken to `status`. */
async function report(key: string, year: number, status: 'draft' | 'submitted' | 'returned') {
  const doc = await payload.create({
    collection: 'unit-reports',
    user: users[`ed-${key}`],
    overrideAccess: false,
    data: { year, status: status === 'draft' ? 'draft' : 'submitted' } as never,
  })
  if (status !== 'draft')
    await payload.db.updateOne({
      collection: 'unit-reports',
      id: doc.id,
      data: { submittedAt: at(`${year}-11-28T09:00:00`).toISOString() },
      returning: false,
    })
  if (status === 'returned')
    await payload.update({
      collection: 'unit-reports',
      id: doc.id,
      user: users.manager,
      overrideAccess: false,
      data: { status: 'returned', returnReason: 'Bổ sung số liệu tập huấn.' } as never,
    })
}

beforeAll(async () => {
  smtp = await startSmtp()
  smtpOpen = true
  // Read by the config when Payload starts (src/lib/email.ts).
  process.env.SMTP_HOST = '127.0.0.1'
  process.env.SMTP_PORT = String(smtp.port)
  process.env.SMTP_FROM = 'bao-cao@stttt.tayninh.gov.vn'
  payload = await testPayload()
  unit.P = String((await createUnit(payload, 'UBND tỉnh', 'province')).id)
  const child = async (key: string, name: string, kind: string, parent?: string) => {
    unit[key] = String(
      (
        await payload.create({
          collection: 'units',
          overrideAccess: true,
          data: { name, kind, parent: parent ? unit[parent] : undefined } as never,
        })
      ).id,
    )
  }
  await child('D1', 'UBND huyện Một', 'district', 'P')
  await child('D2', 'UBND huyện Hai', 'district', 'P')
  await child('C1', 'UBND xã Một', 'commune', 'D1')
  await child('C2', 'UBND xã Hai', 'commune', 'D2')
  await child('B', 'Báo Tây Ninh', 'newspaper')
  await child('X', 'Trung tâm Văn hóa huyện', 'other')
  await user('manager', 'campaign-manager')
  await user('admin', 'admin')
  await user('viewer', 'viewer')
  await user('unitManager', 'unit-manager', unit.D1)
  for (const key of ['D1', 'D2', 'C1', 'C2', 'B']) await user(`ed-${key}`, 'editor', unit[key])
  await user('ed-C1b', 'editor', unit.C1)
  // X has a contributor but no editor: nobody who writes the report to send it to.
  await user('ctv-X', 'contributor', unit.X)
  await report('B', 2025, 'submitted')
  await report('C1', 2025, 'draft')
  await report('D1', 2025, 'returned')
  await report('B', THIS_YEAR, 'submitted')
  // Returning D1's report told its editor by email (src/notifications): that mail is not a reminder.
  await settleNotifications()
  expect(smtp.mails.map((m) => m.subject)).toEqual(['[Thông báo] Báo cáo năm 2025 bị trả lại'])
  smtp.mails.length = 0
}, 120_000)

afterAll(async () => {
  if (smtpOpen) await smtp.close()
})

const boardAt = async (local?: string) => {
  const board = await loadBoard(payload, 2025, undefined, local ? { asOf: at(local) } : {})
  const row = (key: string) => board.rows.find((r) => r.unit === unit[key])!
  return { board, row }
}

describe('the board’s overdue state, at moments known by hand (deadline 30/11/2025)', () => {
  it('nobody is overdue until the deadline day is over in Vietnam', async () => {
    const { board, row } = await boardAt('2025-11-30T23:59:59')
    expect(board.counts.overdue).toBe(0)
    expect(row('C1').state).toBe('draft')
    expect(row('C2').state).toBe('not-started')
    expect(row('C2').overdueDays).toBeNull()
  })

  it('from 00:00 on 01/12 in Vietnam (17:00 UTC on 30/11), the units not handed in are overdue by 1 day', async () => {
    const { board } = await boardAt('2025-12-01T00:00:00')
    expect(at('2025-12-01T00:00:00').toISOString()).toBe('2025-11-30T17:00:00.000Z')
    // Expected: D1, D2, C1, C2, B, X (UBND tỉnh compiles nothing to Sở TT&TT: not expected).
    expect(board.expected).toBe(6)
    expect(
      board.rows
        .map((r) => [r.name, r.state, r.overdueDays])
        .sort((a, b) => `${a[0]}`.localeCompare(`${b[0]}`, 'vi')),
    ).toEqual(
      [
        ['Báo Tây Ninh', 'on-time', null],
        ['Trung tâm Văn hóa huyện', 'overdue', 1],
        ['UBND huyện Hai', 'overdue', 1],
        ['UBND huyện Một', 'returned', 1],
        ['UBND xã Hai', 'overdue', 1],
        ['UBND xã Một', 'overdue', 1],
      ].sort((a, b) => `${a[0]}`.localeCompare(`${b[0]}`, 'vi')),
    )
    expect(board.counts.overdue).toBe(4)
    expect(board.counts['not-started'] + board.counts.draft).toBe(0)
  })

  it('counts Vietnam days: 05/12 at 10:00 is 5 days overdue; without a date (an export) nobody is', async () => {
    const { board, row } = await boardAt('2025-12-05T10:00:00')
    expect(row('C2').overdueDays).toBe(5)
    expect(row('D1').overdueDays).toBe(5)
    expect(board.counts.overdue).toBe(4)
    const plain = await boardAt()
    expect(plain.board.counts.overdue).toBe(0)
    expect(plain.row('C2').state).toBe('not-started')
  })
})

const send = async (who: string | null, body: Record<string, unknown>) => {
  const req = await createLocalReq({ user: who ? users[who] : undefined }, payload)
  req.data = body
  const res = await sendReminderEndpoint.handler(req)
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}
const messageOf = (r: { body: Record<string, unknown> }) =>
  (r.body.errors as { message: string }[] | undefined)?.[0]?.message
const manualRows = async () =>
  (
    await payload.find({
      collection: 'report-reminders',
      where: { kind: { equals: 'manual' } },
      sort: 'sentAt',
      depth: 0,
      overrideAccess: true,
    })
  ).docs

describe('"Gửi nhắc nhở": the reminder sent from the board', () => {
  it('sends the 2025 reminder by email to the unit’s editors, with the days overdue, and records it', async () => {
    const sent = await sendManualReminder(payload, {
      unit: unit.C1,
      year: 2025,
      sentBy: users.manager.id,
      now: at('2025-12-05T10:00:00'),
    })
    expect(sent.ok).toBe(true)
    expect(smtp.mails).toHaveLength(1)
    const mail = smtp.mails[0]
    expect(mail.to).toEqual([users['ed-C1'].email, users['ed-C1b'].email].map(String).sort())
    expect(mail.subject).toBe(
      '[Sở TT&TT nhắc nộp báo cáo] Báo cáo kết quả thực hiện năm 2025: đã quá hạn 5 ngày (hạn 30/11/2025)',
    )
    expect(mail.text).toContain('Kính gửi UBND xã Một,')
    const [row] = await manualRows()
    expect(row).toMatchObject({
      ownerUnit: unit.C1,
      year: 2025,
      kind: 'manual',
      sequence: 1,
      sentBy: users.manager.id,
      deadline: '30/11/2025',
      sentAt: at('2025-12-05T10:00:00').toISOString(),
    })
    const { row: boardRow } = await boardAt('2025-12-05T10:00:00')
    expect(boardRow('C1').lastReminder?.sentAt).toBe(at('2025-12-05T10:00:00').toISOString())
    expect(boardRow('C2').lastReminder).toBeNull()
  })

  it('refuses visitors, editors, contributors and viewers, in Vietnamese; nothing sent', async () => {
    expect((await send(null, { unit: unit.C2 })).status).toBe(401)
    for (const who of ['ed-C2', 'ctv-X', 'viewer']) {
      const r = await send(who, { unit: unit.C2 })
      expect(r.status, who).toBe(403)
      expect(messageOf(r)).toMatch(/^Chỉ Sở TT&TT/)
    }
    expect(smtp.mails).toHaveLength(1)
  })

  it('lets a unit manager remind the units under theirs only: not their own, not another district’s', async () => {
    const own = await send('unitManager', { unit: unit.D1 })
    const other = await send('unitManager', { unit: unit.C2 })
    expect([own.status, other.status]).toEqual([403, 403])
    const below = await send('unitManager', { unit: unit.C1, year: THIS_YEAR })
    expect(below.status).toBe(201)
    expect(below.body).toMatchObject({ ok: true, sequence: 1 })
    expect(smtp.mails).toHaveLength(2)
    expect(smtp.mails[1].subject).toContain(`Báo cáo kết quả thực hiện năm ${THIS_YEAR}`)
    const rows = await manualRows()
    expect(rows.at(-1)).toMatchObject({
      ownerUnit: unit.C1,
      year: THIS_YEAR,
      sentBy: users.unitManager.id,
    })
  })

  it('lets Sở TT&TT remind any unit, numbering the reminders of a unit and year in turn', async () => {
    for (const who of ['manager', 'admin']) {
      const r = await send(who, { unit: unit.C2, year: THIS_YEAR })
      expect(r.status, who).toBe(201)
    }
    const rows = (await manualRows()).filter((r) => r.ownerUnit === unit.C2)
    expect(rows.map((r) => r.sequence)).toEqual([1, 2])
    expect(smtp.mails.slice(-2).every((m) => m.to.join() === String(users['ed-C2'].email))).toBe(
      true,
    )
  })

  it('refuses in Vietnamese, recording and sending nothing: no editor, handed in, unknown unit, bad year', async () => {
    const before = (await manualRows()).length
    const mails = smtp.mails.length
    const noEditor = await send('manager', { unit: unit.X })
    expect(noEditor.status).toBe(400)
    expect(messageOf(noEditor)).toBe(
      'Trung tâm Văn hóa huyện chưa có biên tập viên nào có email để nhận thư nhắc. Hãy tạo tài khoản cho đơn vị trước.',
    )
    const handedIn = await send('manager', { unit: unit.B, year: THIS_YEAR })
    expect(handedIn.status).toBe(409)
    expect(messageOf(handedIn)).toBe(
      `Báo Tây Ninh đã nộp báo cáo năm ${THIS_YEAR}; không cần nhắc nữa.`,
    )
    const unknown = await send('manager', { unit: 'khong-co' })
    expect(unknown.status).toBe(404)
    expect(messageOf(unknown)).toBe('Không tìm thấy đơn vị cần nhắc.')
    const badYear = await send('manager', { unit: unit.C2, year: 'năm ngoái' })
    expect(badYear.status).toBe(400)
    expect(messageOf(badYear)).toBe('Năm báo cáo không hợp lệ (từ 2000 đến 2100).')
    expect((await manualRows()).length).toBe(before)
    expect(smtp.mails.length).toBe(mails)
  })

  it('records nothing when the mail server refuses, and says so', async () => {
    const before = (await manualRows()).length
    await smtp.close()
    smtpOpen = false
    const r = await send('manager', { unit: unit.C2, year: THIS_YEAR })
    expect(r.status).toBe(502)
    expect(messageOf(r)).toBe(
      'Máy chủ thư không nhận thư nhắc; chưa ghi nhận lần nhắc này, hãy thử lại sau.',
    )
    expect((await manualRows()).length).toBe(before)
  })
})
