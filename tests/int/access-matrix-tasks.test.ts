/**
 * The access matrix for plan tasks, their progress and their reminders: each actor (all of unit A)
 * × create / read / update / delete, on tasks unit A leads, tasks it only coordinates, and tasks
 * of others. Sở TT&TT (admins, campaign managers) does everything; a lead unit's editors record
 * their tasks' progress; coordinating units read; viewers read all. Each cell acts through the
 * Local API as that user and checks the database afterwards with overrideAccess.
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
const newReminder = async (who: 'A' | 'B') =>
  api.create({
    collection: 'task-reminders',
    overrideAccess: true,
    data: {
      task: (await newTask(who)).id,
      milestone: '2025-12-31',
      ownerUnit: who === 'A' ? f.unitA : f.unitB,
      subject: 'Nhắc hạn',
    },
  })

const STAFF: Actor[] = ['admin', 'campaign-manager', 'editor', 'contributor', 'viewer']
const PLANNERS: Actor[] = ['admin', 'campaign-manager']
const READ_ALL: Actor[] = ['admin', 'campaign-manager', 'viewer']
const LEAD_EDITORS: Actor[] = ['admin', 'campaign-manager', 'editor']
const RELATIONS: [Relation, string][] = [
  ['A', 'a task unit A leads'],
  ['coordinatedByA', 'a task unit A coordinates'],
  ['B', "another unit's task"],
]

const ROWS: MatrixRow[] = [
  {
    collection: 'plan-tasks',
    op: 'create',
    what: 'a task',
    allowed: PLANNERS,
    fixture: () => newTask('A'),
    data: () => ({
      campaign: f.campaign,
      number: `M${++n}`,
      title: 'Nhiệm vụ mới',
      leadUnit: f.unitA,
      timeFrame: { text: 'Quý II/2023' },
    }),
  },
  ...RELATIONS.flatMap(([who, what]): MatrixRow[] => [
    {
      collection: 'plan-tasks',
      op: 'read',
      what,
      allowed: who === 'B' ? READ_ALL : STAFF,
      fixture: () => newTask(who),
    },
    // The register is Sở TT&TT's: a lead unit records progress, it does not rewrite the task.
    {
      collection: 'plan-tasks',
      op: 'update',
      what,
      allowed: PLANNERS,
      fixture: () => newTask(who),
      data: () => ({ title: 'Tên nhiệm vụ sửa' }),
    },
    {
      collection: 'plan-tasks',
      op: 'delete',
      what,
      allowed: PLANNERS,
      fixture: () => newTask(who),
    },
    {
      collection: 'task-progress',
      op: 'read',
      what: `progress of ${what}`,
      allowed: who === 'B' ? READ_ALL : STAFF,
      fixture: () => newProgress(who),
    },
    {
      collection: 'task-progress',
      op: 'update',
      what: `progress of ${what}`,
      allowed: who === 'A' ? LEAD_EDITORS : PLANNERS,
      fixture: () => newProgress(who),
      data: () => ({ result: 'Kết quả cập nhật' }),
    },
    {
      collection: 'task-progress',
      op: 'delete',
      what: `progress of ${what}`,
      allowed: PLANNERS,
      fixture: () => newProgress(who),
    },
  ]),
  {
    collection: 'task-progress',
    op: 'create',
    what: 'progress of a task unit A leads',
    allowed: LEAD_EDITORS,
    fixture: () => newProgress('A'),
    data: () => ({ task: f.ledByA, year: ++year, status: 'done' }),
  },
  {
    collection: 'task-progress',
    op: 'create',
    what: "progress of another unit's task",
    allowed: PLANNERS,
    fixture: () => newProgress('B'),
    data: () => ({ task: f.ledByB, year: ++year, status: 'done' }),
  },
  {
    collection: 'task-reminders',
    op: 'create',
    what: 'a reminder (the worker writes them)',
    allowed: [],
    fixture: () => newReminder('A'),
    data: () => ({ task: f.ledByA, milestone: `2030-01-${++n}`, ownerUnit: f.unitA }),
  },
  {
    collection: 'task-reminders',
    op: 'read',
    what: "own unit's reminder",
    allowed: STAFF,
    fixture: () => newReminder('A'),
  },
  {
    collection: 'task-reminders',
    op: 'read',
    what: "another unit's reminder",
    allowed: READ_ALL,
    fixture: () => newReminder('B'),
  },
  {
    collection: 'task-reminders',
    op: 'update',
    what: "own unit's reminder",
    allowed: [],
    fixture: () => newReminder('A'),
    data: () => ({ subject: 'Sửa' }),
  },
  {
    collection: 'task-reminders',
    op: 'delete',
    what: "own unit's reminder",
    allowed: ['admin'],
    fixture: () => newReminder('A'),
  },
]

describe('access matrix: plan tasks, progress, reminders', () => {
  const cells = ROWS.flatMap((row) =>
    ACTORS.map((actor) => ({
      name: `${row.collection} | ${actor} | ${row.op}: ${row.what} → ${row.allowed.includes(actor) ? 'allowed' : 'denied'}`,
      run: () => runMatrixCell(api, users, row, actor),
    })),
  )
  it.each(cells)('$name', ({ run }) => run())
})
