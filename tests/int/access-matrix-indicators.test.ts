/**
 * The awareness indicators' forms through the Local API: the cells of the access matrix the forms'
 * hooks refuse (a unit's editors enter only their own unit's; submitted forms are read-only for the
 * unit; accepted ones can only be reopened, by a campaign manager). The catalogue and the derived
 * facts are decided by access functions alone (tests/unit/access-matrix.test.ts). Each cell acts as
 * that user and checks the database afterwards (runMatrixCell).
 */
import type { Payload } from 'payload'
import { beforeAll, describe, it } from 'vitest'
import {
  hookMatrixCells,
  loose,
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
/** The rows a hook decides for some actors (the others are decided by access functions alone: tests/unit). */
const ROWS: MatrixRow[] = [
  {
    collection: 'indicator-reports',
    op: 'create',
    what: "own unit's form",
    fixture: () => form('A'),
    data: () => ({ ownerUnit: f.unitA, year: year() }),
  },
  {
    collection: 'indicator-reports',
    op: 'create',
    what: "another unit's form",
    fixture: () => form('B'),
    data: () => ({ ownerUnit: f.unitB, year: year() }),
  },
  {
    collection: 'indicator-reports',
    op: 'update',
    what: 'a submitted form (read-only for the unit until returned)',
    fixture: () => form('A', 'submitted'),
    data: () => ({ surveyMethod: 'Sửa sau khi nộp' }),
  },
  {
    collection: 'indicator-reports',
    op: 'update',
    what: 'reopening an accepted form (campaign managers only)',
    fixture: () => form('A', 'accepted'),
    data: () => ({ status: 'returned', returnReason: 'Cần kiểm tra lại số liệu' }),
  },
]

describe('access matrix: awareness indicators, the cells hooks refuse', () => {
  const cells = hookMatrixCells(ROWS, (row, actor) => runMatrixCell(api, users, row, actor))
  it.each(cells)('$name', ({ run }) => run())
})
