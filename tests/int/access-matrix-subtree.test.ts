/**
 * The access matrix of the unit manager's subtree scope, through the Local API: its access
 * functions read the unit tree from the database. (`unit-events` is in tests/helpers/accessSpec.ts.)
 *
 * Tree: P ─┬─ D1 (the manager's unit) ── C1      The manager of D1 reads everything of D1 and C1
 *          └─ D2 (a sibling) ── C2              (own subtree), nothing of D2 and C2 (a sibling's
 *                                               subtree) nor of P (the parent); accepts for the
 * parent the submitted reports of the units below (C1), not their own (D1) nor anyone else's; and
 * writes no content. Every cell runs through the Local API as the manager, then checks the
 * database with overrideAccess (a refused write changes nothing, a refused read reveals nothing).
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { attempt, loose, type Doc, type LooseApi } from '../helpers/accessMatrix'
import { createUnit, createUser } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

let payload: Payload
let api: LooseApi
let manager: Doc
const f: Record<string, string> = {}
let nextYear = 2001
const year = () => nextYear++

type Target = 'own' | 'below' | 'sibling' | 'siblingBelow' | 'parent'
const TARGETS: Record<Target, string> = {
  own: 'D1 (own unit)',
  below: 'C1 (own subtree)',
  sibling: 'D2 (sibling)',
  siblingBelow: 'C2 (sibling’s subtree)',
  parent: 'P (parent)',
}
const unitOf: Record<Target, string> = {
  own: 'D1',
  below: 'C1',
  sibling: 'D2',
  siblingBelow: 'C2',
  parent: 'P',
}

beforeAll(async () => {
  payload = await testPayload()
  api = loose(payload)
  f.P = String((await createUnit(payload, 'UBND tỉnh', 'province')).id)
  const child = async (key: string, name: string, kind: string, parent: string) =>
    (f[key] = String(
      (
        await payload.create({
          collection: 'units',
          overrideAccess: true,
          data: { name, kind, parent: f[parent] } as never,
        })
      ).id,
    ))
  await child('D1', 'UBND huyện Một', 'district', 'P')
  await child('D2', 'UBND huyện Hai', 'district', 'P')
  await child('C1', 'UBND xã Một', 'commune', 'D1')
  await child('C2', 'UBND xã Hai', 'commune', 'D2')
  manager = (await createUser(payload, 'unit-manager', f.D1)) as unknown as Doc
})

type Fixture = (unit: string) => Promise<Doc>
const article: Fixture = (unit) =>
  api.create({
    collection: 'articles',
    overrideAccess: true,
    data: { title: `Bài nháp ${Math.random()}`, ownerUnit: unit, _status: 'draft' },
  })
const training: Fixture = (unit) =>
  api.create({
    collection: 'trainings',
    overrideAccess: true,
    data: {
      title: 'Lớp bồi dưỡng',
      ownerUnit: unit,
      status: 'held',
      startsOn: '2026-03-01T00:00:00.000Z',
      totalTrainees: 5,
    },
  })
const cell: Fixture = (unit) =>
  api.create({
    collection: 'rollup-cells',
    overrideAccess: true,
    data: { year: 2026, month: 1, metric: 'events-held', value: 1, unit, unitName: 'x' },
  })
/** A report its unit has submitted (written as the workflow leaves it). */
const submittedReport: Fixture = async (unit) => {
  const doc = await api.create({
    collection: 'unit-reports',
    overrideAccess: true,
    data: { ownerUnit: unit, year: year(), results: 'Đã thực hiện.' },
  })
  await payload.db.updateOne({
    collection: 'unit-reports',
    where: { id: { equals: doc.id } },
    data: { status: 'submitted' },
  } as never)
  return doc
}

type Row = {
  collection: string
  op: 'read' | 'update' | 'create'
  fixture: Fixture
  allowed: Target[]
  data?: () => Record<string, unknown>
}
const ALL: Target[] = ['own', 'below', 'sibling', 'siblingBelow', 'parent']
const SUBTREE: Target[] = ['own', 'below']
const ROWS: Row[] = [
  { collection: 'articles', op: 'read', fixture: article, allowed: SUBTREE },
  {
    collection: 'articles',
    op: 'update',
    fixture: article,
    allowed: [],
    data: () => ({ title: 'Sửa' }),
  },
  { collection: 'trainings', op: 'read', fixture: training, allowed: SUBTREE },
  { collection: 'rollup-cells', op: 'read', fixture: cell, allowed: SUBTREE },
  { collection: 'unit-reports', op: 'read', fixture: submittedReport, allowed: SUBTREE },
  // Accepting for the parent: only the reports of the units below, not the manager's own unit's.
  {
    collection: 'unit-reports',
    op: 'update',
    fixture: submittedReport,
    allowed: ['below'],
    data: () => ({ status: 'forwarded' }),
  },
]

describe('unit manager (role unit-manager) of D1: own subtree, a sibling’s subtree, the parent', () => {
  const cells = ROWS.flatMap((row) =>
    ALL.map((target) => ({
      name: `${row.collection} | ${row.op} | ${TARGETS[target]} → ${row.allowed.includes(target) ? 'allowed' : 'refused'}`,
      row,
      target,
    })),
  )
  it.each(cells)('$name', async ({ row, target }) => {
    const allowed = row.allowed.includes(target)
    const doc = await row.fixture(f[unitOf[target]])
    const as = { user: manager, overrideAccess: false }
    if (row.op === 'read') {
      const byId = await attempt(() =>
        api.findByID({ collection: row.collection, id: doc.id, ...as }),
      )
      expect(byId.ok).toBe(allowed)
      const listed = await attempt(() =>
        api.find({ collection: row.collection, where: { id: { equals: doc.id } }, ...as }),
      )
      expect(listed.ok ? listed.value.docs.length : 0).toBe(allowed ? 1 : 0)
    } else {
      const data = row.data!()
      const result = await attempt(() =>
        api.update({ collection: row.collection, id: doc.id, data, ...as }),
      )
      expect(result.ok, result.ok ? '' : String((result.error as Error).message)).toBe(allowed)
      const stored = await api.findByID({
        collection: row.collection,
        id: doc.id,
        overrideAccess: true,
      })
      const [key, value] = Object.entries(data)[0]
      expect(stored[key] === value).toBe(allowed)
    }
  })

  it('creates no content and records no unit change', async () => {
    for (const [collection, data] of [
      ['articles', { title: 'Bài mới', ownerUnit: f.C1, _status: 'draft' }],
      [
        'unit-events',
        { kind: 'rename', effectiveOn: '2026-01-01T00:00:00.000Z', units: [f.C1], newName: 'X' },
      ],
    ] as const) {
      const before = (await api.count({ collection, overrideAccess: true })).totalDocs
      const r = await attempt(() =>
        api.create({ collection, data, user: manager, overrideAccess: false }),
      )
      expect(r.ok).toBe(false)
      expect((await api.count({ collection, overrideAccess: true })).totalDocs).toBe(before)
    }
  })
})
