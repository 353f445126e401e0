/**
 * The yearly reporting collections through the Local API: the cells of the access matrix a hook
 * refuses (another unit's report, a submitted report's text; every other cell is decided by the
 * access functions alone, tests/unit/access-matrix.test.ts), and the report settings global (read,
 * update, its audit trail and validation). Each cell acts as that user and checks the database
 * afterwards with overrideAccess (runMatrixCell).
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  ACTORS,
  attempt,
  loose,
  hookMatrixCells,
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
const users: Partial<Record<Actor, Doc>> = {}
const f: Record<string, string> = {}
// Every fixture and every created report or deadline takes a year of its own (one per unit and year).
let nextYear = 2000
const year = () => nextYear++

beforeAll(async () => {
  payload = await testPayload()
  api = loose(payload)
  f.unitA = String((await createUnit(payload, 'Báo Tây Ninh')).id)
  f.unitB = String((await createUnit(payload, 'Đài Phát thanh và Truyền hình')).id)
  for (const role of ['admin', 'campaign-manager', 'editor', 'contributor', 'viewer'] as const) {
    users[role] = (await createUser(payload, role, f.unitA)) as unknown as Doc
  }
})

const report = (unit: 'A' | 'B') =>
  api.create({
    collection: 'unit-reports',
    overrideAccess: true,
    data: { ownerUnit: f[`unit${unit}`], year: year(), results: 'Đã thực hiện.' },
  })
/** Submitted by the unit's editor (only editors submit). */
const submitted = () =>
  api.create({
    collection: 'unit-reports',
    user: users.editor!,
    overrideAccess: false,
    data: { ownerUnit: f.unitA, year: year(), results: 'Đã thực hiện.', status: 'submitted' },
  })
const STAFF: Actor[] = ['admin', 'campaign-manager', 'editor', 'contributor', 'viewer']
const PLANNERS: Actor[] = ['admin', 'campaign-manager']

/** The rows a hook decides for some actors (the others are decided by access functions alone: tests/unit). */
const ROWS: MatrixRow[] = [
  {
    collection: 'unit-reports',
    op: 'create',
    what: "own unit's report",
    fixture: () => report('A'),
    data: () => ({ ownerUnit: f.unitA, year: year() }),
  },
  {
    collection: 'unit-reports',
    op: 'create',
    what: "another unit's report",
    fixture: () => report('B'),
    data: () => ({ ownerUnit: f.unitB, year: year() }),
  },
  {
    collection: 'unit-reports',
    op: 'update',
    what: 'the text of a submitted report (read-only until returned)',
    fixture: submitted,
    data: () => ({ results: 'Sửa sau khi nộp' }),
  },
]

describe('access matrix: yearly reporting, the cells hooks refuse', () => {
  const cells = hookMatrixCells(ROWS, (row, actor) => runMatrixCell(api, users, row, actor))
  it.each(cells)('$name', ({ run }) => run())
})

describe('access matrix: the report settings global', () => {
  const who = (actor: Actor) => ({
    user: actor === 'anonymous' ? null : (users[actor] as never),
    overrideAccess: false,
  })
  const stored = () =>
    payload.findGlobal({ slug: 'report-settings', overrideAccess: true, depth: 0 })

  it.each(ACTORS.map((actor) => ({ actor, allowed: STAFF.includes(actor) })))(
    'report-settings | $actor | read → $allowed',
    async ({ actor, allowed }) => {
      await payload.updateGlobal({
        slug: 'report-settings',
        overrideAccess: true,
        data: { place: 'Tây Ninh' },
      })
      const result = await attempt(() =>
        payload.findGlobal({ slug: 'report-settings', ...who(actor) }),
      )
      expect(result.ok).toBe(allowed)
      if (result.ok) expect(result.value.place).toBe('Tây Ninh')
    },
  )

  it.each(ACTORS.map((actor) => ({ actor, allowed: PLANNERS.includes(actor) })))(
    'report-settings | $actor | update → $allowed',
    async ({ actor, allowed }) => {
      const before = (await stored()).signerName
      const name = `Người ký của ${actor}`
      const result = await attempt(() =>
        payload.updateGlobal({
          slug: 'report-settings',
          ...who(actor),
          data: { signerName: name, years: [{ year: 2026, number: '12' }] },
        }),
      )
      expect(result.ok).toBe(allowed)
      expect((await stored()).signerName).toBe(allowed ? name : before)
    },
  )

  it('writes the admins’ and campaign managers’ changes to the audit trail, the others’ not', async () => {
    const entries = await payload.find({
      collection: 'audit-log',
      where: { documentCollection: { equals: 'report-settings' } },
      overrideAccess: true,
      depth: 0,
      limit: 0,
    })
    const by = new Set(entries.docs.map((e) => String(e.user)))
    expect(by).toEqual(new Set([String(users.admin!.id), String(users['campaign-manager']!.id)]))
    expect(entries.docs.every((e) => (e.changedFields as string[]).includes('signerName'))).toBe(
      true,
    )
  })

  it('refuses a year declared twice, in Vietnamese, and changes nothing', async () => {
    const before = await stored()
    const result = await attempt(() =>
      payload.updateGlobal({
        slug: 'report-settings',
        user: users.admin as never,
        overrideAccess: false,
        data: { signerName: 'Không lưu', years: [{ year: 2025 }, { year: 2025, number: '3' }] },
      }),
    )
    expect(result.ok).toBe(false)
    expect(String((result as { error: Error }).error.message)).toContain('Theo năm báo cáo')
    expect(JSON.stringify((result as { error: { data?: unknown } }).error.data)).toContain(
      'Năm 2025 được khai báo hai lần',
    )
    expect((await stored()).signerName).toBe(before.signerName)
  })
})
