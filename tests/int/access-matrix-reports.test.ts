/**
 * The access matrix for the yearly reporting collections (units' reports, deadlines, reminders,
 * generated reports and exports, snapshots' frozen cells) and the report settings global:
 * each actor × each collection × create / read / update / delete, with another unit's documents
 * and a submitted report. Each cell acts through the Local API as that user and checks the
 * database afterwards with overrideAccess (runMatrixCell).
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  ACTORS,
  attempt,
  loose,
  runMatrixCell,
  type Actor,
  type Doc,
  type LooseApi,
  type MatrixOp,
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
const deadline = () => {
  const y = year()
  return api.create({
    collection: 'report-deadlines',
    overrideAccess: true,
    data: {
      year: y,
      unitsDueOn: `${y}-12-05T12:00:00.000Z`,
      provinceDueOn: `${y}-12-15T12:00:00.000Z`,
    },
  })
}
const reminder = (unit: 'A' | 'B') =>
  api.create({
    collection: 'report-reminders',
    overrideAccess: true,
    data: { ownerUnit: f[`unit${unit}`], year: year(), kind: 'week-before', subject: 'Nhắc hạn' },
  })

/** An export stored in generated-reports: of every unit's figures (unit empty), or of one unit's. */
const generated = (unit: 'A' | 'B' | null) =>
  api.create({
    collection: 'generated-reports',
    overrideAccess: true,
    data: {
      title: 'Số liệu năm 2026',
      year: 2026,
      kind: 'on-demand',
      format: 'xlsx',
      status: 'queued',
      unit: unit ? f[`unit${unit}`] : null,
    },
  })
/** A frozen cell of a snapshot (only the server writes them), of a unit's figures. */
const frozenCell = async (unit: 'A' | 'B') => {
  const doc = await payload.db.create({
    collection: 'snapshot-cells',
    data: {
      snapshot: 'snap-1',
      key: `2026|1|content-published||${f[`unit${unit}`]}|||${year()}`,
      year: 2026,
      month: 1,
      metric: 'content-published',
      value: 1,
      unit: f[`unit${unit}`],
    },
  })
  return doc as Doc
}

const STAFF: Actor[] = ['admin', 'campaign-manager', 'editor', 'contributor', 'viewer']
const READ_ALL: Actor[] = ['admin', 'campaign-manager', 'viewer']
const PLANNERS: Actor[] = ['admin', 'campaign-manager']

const ROWS: MatrixRow[] = [
  {
    collection: 'unit-reports',
    op: 'create',
    what: "own unit's report",
    allowed: [...PLANNERS, 'editor'],
    fixture: () => report('A'),
    data: () => ({ ownerUnit: f.unitA, year: year() }),
  },
  {
    collection: 'unit-reports',
    op: 'create',
    what: "another unit's report",
    allowed: PLANNERS,
    fixture: () => report('B'),
    data: () => ({ ownerUnit: f.unitB, year: year() }),
  },
  {
    collection: 'unit-reports',
    op: 'read',
    what: "own unit's report",
    allowed: STAFF,
    fixture: () => report('A'),
  },
  {
    collection: 'unit-reports',
    op: 'read',
    what: "another unit's report",
    allowed: READ_ALL,
    fixture: () => report('B'),
  },
  {
    collection: 'unit-reports',
    op: 'update',
    what: "own unit's draft",
    allowed: [...PLANNERS, 'editor'],
    fixture: () => report('A'),
    data: () => ({ results: 'Kết quả mới' }),
  },
  {
    collection: 'unit-reports',
    op: 'update',
    what: "another unit's draft",
    allowed: PLANNERS,
    fixture: () => report('B'),
    data: () => ({ results: 'Kết quả mới' }),
  },
  {
    collection: 'unit-reports',
    op: 'update',
    what: 'the text of a submitted report (read-only until returned)',
    allowed: [],
    fixture: submitted,
    data: () => ({ results: 'Sửa sau khi nộp' }),
  },
  {
    collection: 'unit-reports',
    op: 'delete',
    what: "own unit's report",
    allowed: ['admin'],
    fixture: () => report('A'),
  },
  ...(['create', 'read', 'update', 'delete'] as MatrixOp[]).map((op): MatrixRow => ({
    collection: 'report-deadlines',
    op,
    what: 'a year’s deadlines',
    allowed: op === 'read' ? STAFF : PLANNERS,
    fixture: deadline,
    data: () => {
      const y = year()
      return op === 'create'
        ? {
            year: y,
            unitsDueOn: `${y}-11-30T12:00:00.000Z`,
            provinceDueOn: `${y}-12-15T12:00:00.000Z`,
          }
        : { basis: 'Kế hoạch 1155/KH-UBND' }
    },
  })),
  {
    collection: 'report-reminders',
    op: 'create',
    what: 'a reminder (only the worker writes them)',
    allowed: [],
    fixture: () => reminder('A'),
    data: () => ({ ownerUnit: f.unitA, year: year(), kind: 'overdue' }),
  },
  {
    collection: 'report-reminders',
    op: 'read',
    what: "own unit's reminder",
    allowed: STAFF,
    fixture: () => reminder('A'),
  },
  {
    collection: 'report-reminders',
    op: 'read',
    what: "another unit's reminder",
    allowed: READ_ALL,
    fixture: () => reminder('B'),
  },
  {
    collection: 'report-reminders',
    op: 'update',
    what: 'a reminder',
    allowed: [],
    fixture: () => reminder('A'),
    data: () => ({ subject: 'Sửa' }),
  },
  {
    collection: 'report-reminders',
    op: 'delete',
    what: 'a reminder',
    allowed: ['admin'],
    fixture: () => reminder('A'),
  },
  {
    collection: 'generated-reports',
    op: 'create',
    what: 'a generated report (only the server makes them)',
    allowed: [],
    fixture: () => generated(null),
    data: () => ({ title: 'Báo cáo', year: 2026, kind: 'on-demand' }),
  },
  {
    collection: 'generated-reports',
    op: 'read',
    what: "the province's report (every unit's figures)",
    allowed: READ_ALL,
    fixture: () => generated(null),
  },
  {
    collection: 'generated-reports',
    op: 'read',
    what: "an export of own unit's figures",
    allowed: STAFF,
    fixture: () => generated('A'),
  },
  {
    collection: 'generated-reports',
    op: 'read',
    what: "an export of another unit's figures",
    allowed: READ_ALL,
    fixture: () => generated('B'),
  },
  {
    collection: 'generated-reports',
    op: 'update',
    what: 'a generated report',
    allowed: [],
    fixture: () => generated('A'),
    data: () => ({ title: 'Sửa' }),
  },
  {
    collection: 'generated-reports',
    op: 'delete',
    what: 'a generated report',
    allowed: ['admin'],
    fixture: () => generated('A'),
  },
  {
    collection: 'snapshot-cells',
    op: 'create',
    what: 'a frozen cell (only snapshots write them)',
    allowed: [],
    fixture: () => frozenCell('A'),
    data: () => ({
      snapshot: 's',
      key: `k${year()}`,
      year: 2026,
      month: 1,
      metric: 'content-published',
      value: 5,
    }),
  },
  {
    collection: 'snapshot-cells',
    op: 'read',
    what: "own unit's frozen cell",
    allowed: STAFF,
    fixture: () => frozenCell('A'),
  },
  {
    collection: 'snapshot-cells',
    op: 'read',
    what: "another unit's frozen cell",
    allowed: READ_ALL,
    fixture: () => frozenCell('B'),
  },
  {
    collection: 'snapshot-cells',
    op: 'update',
    what: 'a frozen cell',
    allowed: [],
    fixture: () => frozenCell('A'),
    data: () => ({ value: 99 }),
  },
  {
    collection: 'snapshot-cells',
    op: 'delete',
    what: 'a frozen cell',
    allowed: [],
    fixture: () => frozenCell('A'),
  },
]

describe('access matrix: yearly reporting collections', () => {
  const cells = ROWS.flatMap((row) =>
    ACTORS.map((actor) => ({
      name: `${row.collection} | ${actor} | ${row.op}: ${row.what} → ${row.allowed.includes(actor) ? 'allowed' : 'denied'}`,
      run: () => runMatrixCell(api, users, row, actor),
    })),
  )
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
