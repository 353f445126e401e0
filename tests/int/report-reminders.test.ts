/**
 * Reminders of the units' report deadline, sent through Payload's email adapter to a real SMTP
 * server on loopback: 7 days and 1 day before the deadline and once overdue, on Vietnam days
 * (00:30 on 23/11 in Vietnam is still 22/11 in UTC), each once, only to reporting units whose
 * report is not handed in, and only to their editors.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendReportReminders } from '@/reporting/unitReports/reminders'
import { createUnit, createUser } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'
import { startSmtp } from '../helpers/smtp'

let payload: Payload
let smtp: Awaited<ReturnType<typeof startSmtp>>
const unit: Record<string, string> = {}
const email: Record<string, string> = {}

beforeAll(async () => {
  smtp = await startSmtp()
  // Read by the config when Payload starts (src/lib/email.ts).
  process.env.SMTP_HOST = '127.0.0.1'
  process.env.SMTP_PORT = String(smtp.port)
  process.env.SMTP_FROM = 'bao-cao@stttt.tayninh.gov.vn'
  payload = await testPayload()
  const u = async (key: string, name: string, kind: string, active = true) => {
    unit[key] = String((await createUnit(payload, name, kind, active)).id)
  }
  await u('bao', 'Báo Tây Ninh', 'newspaper')
  await u('dai', 'Đài PT-TH Tây Ninh', 'radio-tv')
  await u('so', 'Sở Thông tin và Truyền thông', 'dic')
  await u('cu', 'Đơn vị đã giải thể', 'department', false)
  await u('xa', 'UBND xã Tân Hà', 'commune')
  for (const [key, role, of] of [
    ['bao1', 'editor', 'bao'],
    ['bao2', 'editor', 'bao'],
    ['baoCtv', 'contributor', 'bao'],
    ['dai', 'editor', 'dai'],
    ['so', 'editor', 'so'],
    ['cu', 'editor', 'cu'],
  ] as const)
    email[key] = (await createUser(payload, role, unit[of])).email
  // UBND xã Tân Hà has no editor: nobody to remind.
}, 60_000)

afterAll(async () => smtp?.close())

const at = (local: string) => new Date(`${local}+07:00`)
const runAt = async (local: string) =>
  (await sendReportReminders(payload, at(local))).sent.map((s) => `${s.kind}:${s.unit}`).sort()

describe('report reminders by email', () => {
  it('sends the week reminder on the Vietnam day 7 days before 30/11, once', async () => {
    expect(await runAt('2026-11-22T23:59')).toEqual([])
    // 00:30 on 23/11 in Vietnam = 17:30 on 22/11 UTC: already the 7th day before, in Vietnam.
    expect(await runAt('2026-11-23T00:30')).toEqual(
      [`week-before:${unit.bao}`, `week-before:${unit.dai}`].sort(),
    )
    expect(await runAt('2026-11-23T15:00')).toEqual([])
    expect(smtp.mails).toHaveLength(2)
    const toBao = smtp.mails.find((m) => m.to.includes(email.bao1))!
    expect(toBao.to).toEqual([email.bao1, email.bao2].sort())
    expect(toBao.from).toContain('bao-cao@stttt.tayninh.gov.vn')
    expect(toBao.subject).toBe(
      '[Nhắc trước hạn 7 ngày] Báo cáo kết quả thực hiện năm 2026: còn 7 ngày, hạn 30/11/2026',
    )
    expect(toBao.text).toContain('Kính gửi Báo Tây Ninh,')
    expect(smtp.mails.find((m) => m.to.includes(email.dai))?.to).toEqual([email.dai])
  })

  it('skips a unit that has submitted; sends the last reminder the day before', async () => {
    const daiEditor = await payload.find({
      collection: 'users',
      where: { email: { equals: email.dai } },
      overrideAccess: true,
    })
    await payload.create({
      collection: 'unit-reports',
      user: daiEditor.docs[0],
      overrideAccess: false,
      data: { ownerUnit: unit.dai, year: 2026, status: 'submitted' } as never,
    })
    expect(await runAt('2026-11-28T23:00')).toEqual([])
    expect(await runAt('2026-11-29T08:00')).toEqual([`day-before:${unit.bao}`])
    expect(await runAt('2026-11-30T23:59')).toEqual([])
    expect(smtp.mails.at(-1)?.subject).toBe(
      '[Nhắc trước hạn 1 ngày] Báo cáo kết quả thực hiện năm 2026: còn 1 ngày, hạn 30/11/2026',
    )
  })

  it('sends the overdue reminder once the deadline day is over in Vietnam', async () => {
    expect(await runAt('2026-12-01T00:05')).toEqual([`overdue:${unit.bao}`])
    expect(await runAt('2026-12-02T08:00')).toEqual([])
    expect(smtp.mails).toHaveLength(4)
    expect(smtp.mails.at(-1)?.subject).toBe(
      '[Đã quá hạn] Báo cáo kết quả thực hiện năm 2026: đã quá hạn 1 ngày (hạn 30/11/2026)',
    )
    // Sở TT&TT (it compiles the reports), the dissolved unit and a unit without editors: nothing.
    const everyone = smtp.mails.flatMap((m) => m.to)
    for (const key of ['so', 'cu', 'baoCtv']) expect(everyone).not.toContain(email[key])
  })

  it('records each reminder for the admin, readable by the unit', async () => {
    const rows = await payload.find({
      collection: 'report-reminders',
      sort: 'sentAt',
      overrideAccess: true,
      depth: 0,
    })
    expect(rows.docs.map((r) => `${r.kind}:${r.ownerUnit}`).sort()).toEqual(
      [
        `week-before:${unit.bao}`,
        `week-before:${unit.dai}`,
        `day-before:${unit.bao}`,
        `overdue:${unit.bao}`,
      ].sort(),
    )
    expect(rows.docs.every((r) => r.deadline === '30/11/2026')).toBe(true)
  })
})
