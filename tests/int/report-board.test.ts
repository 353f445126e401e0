/**
 * The submission board (Sở TT&TT's view of the units' yearly reports): each unit's state, and the
 * reporting and on-time rates, around the deadline's last minute in Vietnam time.
 */
import type { Payload, PayloadRequest } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadBoard } from '@/reporting/unitReports/board'
import type { Doc } from '../helpers/accessMatrix'
import { createUnit, createUser } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

let payload: Payload
const unit: Record<string, string> = {}
const editor: Record<string, Doc> = {}
let manager: Doc
let viewer: Doc

/** A report of `key`'s unit taken to `status` through the workflow, submitted at `submittedAt` (Vietnam time). */
async function report(key: string, status: string, submittedAt?: string) {
  const as = { user: editor[key], overrideAccess: false }
  const doc = await payload.create({
    collection: 'unit-reports',
    ...as,
    data: { year: 2026, status: submittedAt ? 'submitted' : 'draft' } as never,
  })
  if (submittedAt)
    await payload.db.updateOne({
      collection: 'unit-reports',
      id: doc.id,
      data: { submittedAt: new Date(`${submittedAt}+07:00`).toISOString() },
      returning: false,
    })
  if (status === 'accepted' || status === 'returned')
    await payload.update({
      collection: 'unit-reports',
      id: doc.id,
      user: manager as never,
      overrideAccess: false,
      data: { status, returnReason: 'Bổ sung số liệu.' } as never,
    })
}

beforeAll(async () => {
  payload = await testPayload()
  const units: [string, string, string, boolean?][] = [
    ['a', 'Báo Tây Ninh', 'newspaper'],
    ['b', 'Đài PT-TH Tây Ninh', 'radio-tv'],
    ['c', 'UBND huyện Châu Thành', 'district'],
    ['d', 'Sở Giáo dục và Đào tạo', 'department'],
    ['e', 'UBND xã Tân Hà', 'commune'],
    ['f', 'UBND xã Hòa Hội', 'commune'],
    ['g', 'Sở Thông tin và Truyền thông', 'dic'],
    ['h', 'Đơn vị đã giải thể', 'other', false],
  ]
  for (const [key, name, kind, active] of units) {
    const doc = await createUnit(payload, name, kind, active !== false)
    unit[key] = String(doc.id)
    editor[key] = (await createUser(payload, 'editor', doc.id)) as unknown as Doc
  }
  manager = (await createUser(payload, 'campaign-manager', null)) as unknown as Doc
  viewer = (await createUser(payload, 'viewer', null)) as unknown as Doc
  await report('a', 'submitted', '2026-11-30T23:59:00')
  await report('b', 'submitted', '2026-12-01T00:01:00')
  await report('c', 'accepted', '2026-11-20T09:00:00')
  await report('d', 'returned', '2026-11-25T09:00:00')
  await report('e', 'draft')
}, 60_000)

const reqOf = (user: Doc) => ({ user, payload }) as unknown as PayloadRequest

describe('the submission board', () => {
  it('shows each reporting unit’s state, late by a minute after the deadline day', async () => {
    const board = await loadBoard(payload, 2026, reqOf(viewer))
    expect(board.deadline).toBe('2026-11-30')
    expect(board.rows.map((r) => [r.name, r.state])).toEqual([
      ['Báo Tây Ninh', 'on-time'],
      ['Đài PT-TH Tây Ninh', 'late'],
      ['Sở Giáo dục và Đào tạo', 'returned'],
      ['UBND huyện Châu Thành', 'accepted'],
      ['UBND xã Hòa Hội', 'not-started'],
      ['UBND xã Tân Hà', 'draft'],
    ])
  })

  it('gives the reporting rate (3 of 6 handed in) and the on-time rate (2 of 6)', async () => {
    const board = await loadBoard(payload, 2026, reqOf(manager))
    expect([board.expected, board.handedIn, board.onTime]).toEqual([6, 3, 2])
    expect(board.reportingRate).toBe(50)
    expect(board.onTimeRate).toBe(33.3)
    expect(board.counts).toEqual({
      'not-started': 1,
      draft: 1,
      'on-time': 1,
      late: 1,
      forwarded: 0,
      accepted: 1,
      returned: 1,
      // Judged only on a day seen (tests/int/report-reminder-action.test.ts); not here.
      overdue: 0,
    })
  })

  it('judges by the year’s configured deadline (05/12: the late one is on time)', async () => {
    await payload.create({
      collection: 'report-deadlines',
      overrideAccess: true,
      data: {
        year: 2026,
        unitsDueOn: '2026-12-05T05:00:00.000Z',
        provinceDueOn: '2026-12-15T05:00:00.000Z',
      } as never,
    })
    const board = await loadBoard(payload, 2026, reqOf(manager))
    expect(board.rows.find((r) => r.unit === unit.b)?.state).toBe('on-time')
    expect(board.onTimeRate).toBe(50)
  })

  it('shows a unit’s editor their own row only', async () => {
    const board = await loadBoard(payload, 2026, reqOf(editor.e))
    expect(board.rows.map((r) => [r.name, r.state])).toEqual([['UBND xã Tân Hà', 'draft']])
  })
})
