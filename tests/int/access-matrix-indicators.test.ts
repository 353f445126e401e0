/**
 * The access matrix for the awareness indicators (issue 22): the catalogue (data elements,
 * indicators: admins and campaign managers edit, staff read), the units' indicator forms (a unit's
 * editors enter only their own unit's; submitted forms are read-only for the unit; accepted ones can
 * only be reopened, by a campaign manager) and the derived facts (nobody writes them). Each cell acts
 * through the Local API as that user and checks the database afterwards (runMatrixCell).
 */
import type { Payload } from 'payload'
import { beforeAll, describe, it } from 'vitest'
import {
  ACTORS,
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
let nextYear = 2000
const year = () => nextYear++
let codes = 0

beforeAll(async () => {
  payload = await testPayload()
  api = loose(payload)
  f.unitA = String((await createUnit(payload, 'UBND huyện A', 'district')).id)
  f.unitB = String((await createUnit(payload, 'UBND huyện B', 'district')).id)
  for (const role of ['admin', 'campaign-manager', 'editor', 'contributor', 'viewer'] as const)
    users[role] = (await createUser(payload, role, f.unitA)) as unknown as Doc
  f.element = (await element()).id
})

const element = () =>
  api.create({
    collection: 'data-elements',
    overrideAccess: true,
    data: { code: `e-${codes++}`, name: `Trường ${codes}`, unitKinds: ['district'] },
  })
const indicator = () =>
  api.create({
    collection: 'indicators',
    overrideAccess: true,
    data: {
      code: `I-${codes++}`,
      name: 'Chỉ tiêu',
      kind: 'count',
      numerator: { source: 'element', element: f.element },
      unitKinds: ['district'],
    },
  })
const form = async (unit: 'A' | 'B', status?: 'submitted' | 'accepted') => {
  const doc = await api.create({
    collection: 'indicator-reports',
    overrideAccess: true,
    data: { ownerUnit: f[`unit${unit}`], year: year(), values: [{ element: f.element, value: 3 }] },
  })
  if (!status) return doc
  await api.update({
    collection: 'indicator-reports',
    id: doc.id,
    overrideAccess: true,
    data: { status: 'submitted' },
  })
  if (status === 'submitted') return doc
  return api.update({
    collection: 'indicator-reports',
    id: doc.id,
    user: users['campaign-manager']!,
    overrideAccess: true,
    data: { status: 'accepted' },
  })
}
const fact = async (unit: 'A' | 'B') =>
  (await payload.db.create({
    collection: 'indicator-facts',
    data: { indicator: 'X', unit: f[`unit${unit}`], year: year(), numerator: 1, complete: true },
  })) as Doc

const STAFF: Actor[] = ['admin', 'campaign-manager', 'editor', 'contributor', 'viewer']
const READ_ALL: Actor[] = ['admin', 'campaign-manager', 'viewer']
const PLANNERS: Actor[] = ['admin', 'campaign-manager']
const ops: MatrixOp[] = ['create', 'read', 'update', 'delete']

const ROWS: MatrixRow[] = [
  ...ops.map((op): MatrixRow => ({
    collection: 'data-elements',
    op,
    what: 'a data element of the catalogue',
    allowed: op === 'read' ? STAFF : PLANNERS,
    fixture: element,
    data: () =>
      op === 'create'
        ? { code: `e-${codes++}`, name: 'Mới', unitKinds: ['district'] }
        : { name: 'Tên mới' },
  })),
  ...ops.map((op): MatrixRow => ({
    collection: 'indicators',
    op,
    what: 'an indicator of the catalogue',
    allowed: op === 'read' ? STAFF : PLANNERS,
    fixture: indicator,
    data: () =>
      op === 'create'
        ? {
            code: `I-${codes++}`,
            name: 'Mới',
            kind: 'count',
            numerator: { source: 'element', element: f.element },
            unitKinds: ['district'],
          }
        : { name: 'Tên mới' },
  })),
  {
    collection: 'indicator-reports',
    op: 'create',
    what: "own unit's form",
    allowed: [...PLANNERS, 'editor'],
    fixture: () => form('A'),
    data: () => ({ ownerUnit: f.unitA, year: year() }),
  },
  {
    collection: 'indicator-reports',
    op: 'create',
    what: "another unit's form",
    allowed: PLANNERS,
    fixture: () => form('B'),
    data: () => ({ ownerUnit: f.unitB, year: year() }),
  },
  {
    collection: 'indicator-reports',
    op: 'read',
    what: "own unit's form",
    allowed: STAFF,
    fixture: () => form('A'),
  },
  {
    collection: 'indicator-reports',
    op: 'read',
    what: "another unit's form",
    allowed: READ_ALL,
    fixture: () => form('B'),
  },
  {
    collection: 'indicator-reports',
    op: 'update',
    what: "own unit's draft",
    allowed: [...PLANNERS, 'editor'],
    fixture: () => form('A'),
    data: () => ({ surveyMethod: 'Phỏng vấn trực tiếp' }),
  },
  {
    collection: 'indicator-reports',
    op: 'update',
    what: "another unit's draft",
    allowed: PLANNERS,
    fixture: () => form('B'),
    data: () => ({ surveyMethod: 'Phỏng vấn trực tiếp' }),
  },
  {
    collection: 'indicator-reports',
    op: 'update',
    what: 'a submitted form (read-only for the unit until returned)',
    allowed: PLANNERS,
    fixture: () => form('A', 'submitted'),
    data: () => ({ surveyMethod: 'Sửa sau khi nộp' }),
  },
  {
    collection: 'indicator-reports',
    op: 'update',
    what: 'reopening an accepted form (campaign managers only)',
    allowed: PLANNERS,
    fixture: () => form('A', 'accepted'),
    data: () => ({ status: 'returned', returnReason: 'Cần kiểm tra lại số liệu' }),
  },
  {
    collection: 'indicator-reports',
    op: 'delete',
    what: "own unit's form",
    allowed: ['admin'],
    fixture: () => form('A'),
  },
  {
    collection: 'indicator-facts',
    op: 'create',
    what: 'a fact (only the form hooks write them)',
    allowed: [],
    fixture: () => fact('A'),
    data: () => ({ indicator: 'X', unit: f.unitA, year: year() }),
  },
  {
    collection: 'indicator-facts',
    op: 'read',
    what: "a unit's fact",
    allowed: PLANNERS,
    fixture: () => fact('A'),
  },
  {
    collection: 'indicator-facts',
    op: 'update',
    what: 'a fact',
    allowed: [],
    fixture: () => fact('A'),
    data: () => ({ numerator: 99 }),
  },
  {
    collection: 'indicator-facts',
    op: 'delete',
    what: 'a fact',
    allowed: [],
    fixture: () => fact('A'),
  },
]

describe('access matrix: awareness indicators', () => {
  const cells = ROWS.flatMap((row) =>
    ACTORS.map((actor) => ({
      name: `${row.collection} | ${actor} | ${row.op}: ${row.what} → ${row.allowed.includes(actor) ? 'allowed' : 'denied'}`,
      run: () => runMatrixCell(api, users, row, actor),
    })),
  )
  it.each(cells)('$name', ({ run }) => run())
})
