/**
 * Plan tasks' progress through the Local API: the cells of the access matrix the progress hook
 * refuses (an editor recording progress of a task their unit does not lead: the hook knows the
 * task's lead unit, the access function cannot see it on create). Tasks, progress and reminders
 * are otherwise decided by access functions alone (tests/unit/access-matrix.test.ts). Each cell
 * acts as that user and checks the database afterwards with overrideAccess.
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
let n = 0
let year = 2000

beforeAll(async () => {
  payload = await testPayload()
  api = loose(payload)
  f.unitA = String((await createUnit(payload, 'Sở Thông tin và Truyền thông', 'dic')).id)
  f.unitB = String((await createUnit(payload, 'Sở Nội vụ', 'department')).id)
  f.unitC = String((await createUnit(payload, 'Báo Tây Ninh', 'newspaper')).id)
  for (const role of ['admin', 'campaign-manager', 'editor', 'contributor', 'viewer'] as const)
    users[role] = (await createUser(payload, role, f.unitA)) as unknown as Doc
  f.campaign = (
    await api.create({
      collection: 'campaigns',
      overrideAccess: true,
      data: {
        name: 'Kế hoạch 1155',
        startsOn: '2022-05-24T00:00:00+07:00',
        endsOn: '2025-12-31T00:00:00+07:00',
        leadUnit: f.unitA,
      },
    })
  ).id
  f.ledByA = (await newTask('A')).id
  f.ledByB = (await newTask('B')).id
})

type Relation = 'A' | 'B' | 'coordinatedByA'
/** A task led by A, by B (with C coordinating), or by B with A coordinating. */
const newTask = (who: Relation) =>
  api.create({
    collection: 'plan-tasks',
    overrideAccess: true,
    data: {
      campaign: f.campaign,
      number: `T${++n}`,
      title: `Nhiệm vụ ${n}`,
      leadUnit: who === 'A' ? f.unitA : f.unitB,
      coordinatingUnits: who === 'coordinatedByA' ? [f.unitA] : [f.unitC],
      timeFrame: { text: 'Hằng năm' },
    },
  })
const newProgress = async (who: Relation) =>
  api.create({
    collection: 'task-progress',
    overrideAccess: true,
    data: { task: (await newTask(who)).id, year: 2025, status: 'in-progress' },
  })
/** The row a hook decides for some actors, and its own-unit twin (the others are decided by access functions alone: tests/unit). */
const ROWS: MatrixRow[] = [
  {
    collection: 'task-progress',
    op: 'create',
    what: 'progress of a task unit A leads',
    fixture: () => newProgress('A'),
    data: () => ({ task: f.ledByA, year: ++year, status: 'done' }),
  },
  {
    collection: 'task-progress',
    op: 'create',
    what: "progress of another unit's task",
    fixture: () => newProgress('B'),
    data: () => ({ task: f.ledByB, year: ++year, status: 'done' }),
  },
]

describe('access matrix: task progress, the cells hooks refuse', () => {
  const cells = hookMatrixCells(ROWS, (row, actor) => runMatrixCell(api, users, row, actor))
  it.each(cells)('$name', ({ run }) => run())
})
