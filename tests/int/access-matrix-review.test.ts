/**
 * The unit's review before publishing through the Local API: the cells of the access matrix
 * (tests/helpers/accessSpec.ts, "where publishing needs review") that the review hook refuses
 * (collections/content/hooks/reviewWorkflow.ts: an editor who is not a reviewer, or a contributor,
 * publishing or sending back a draft), and their controls. Each cell acts as that user and checks
 * the database afterwards with overrideAccess: a refused write leaves it as it was.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { settleNotifications } from '@/notifications/notify'
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
let unitA = ''
let n = 0

beforeAll(async () => {
  payload = await testPayload()
  api = loose(payload)
  unitA = String((await createUnit(payload, 'Báo Tây Ninh', 'newspaper')).id)
  await payload.update({
    collection: 'units',
    id: unitA,
    data: { reviewRequired: true },
    overrideAccess: true,
  })
  for (const role of ['admin', 'campaign-manager', 'editor', 'contributor', 'viewer'] as const)
    users[role] = (await createUser(payload, role, unitA)) as unknown as Doc
})

afterAll(() => settleNotifications())

/** A draft of unit A, as the system writes it (the review state it is given is kept). */
const draft =
  (more: Record<string, unknown> = {}) =>
  () =>
    api.create({
      collection: 'articles',
      overrideAccess: true,
      draft: true,
      data: { title: `Bài ${++n}`, ownerUnit: unitA, _status: 'draft', ...more },
    })

const REVIEWED = 'where publishing needs review'
const ROWS: MatrixRow[] = [
  {
    collection: 'articles',
    op: 'create',
    what: `create as published in own unit ${REVIEWED}`,
    fixture: draft(),
    data: () => ({ title: `Bài ${++n}`, ownerUnit: unitA, _status: 'published' }),
  },
  {
    collection: 'articles',
    op: 'update',
    what: `publish own unit draft ${REVIEWED}`,
    fixture: draft(),
    data: () => ({ _status: 'published' }),
  },
  {
    collection: 'articles',
    op: 'update',
    what: `send own unit draft for review ${REVIEWED}`,
    fixture: draft(),
    data: () => ({ reviewState: 'in-review' }),
  },
  {
    collection: 'articles',
    op: 'update',
    what: `request changes on own unit draft in review ${REVIEWED}`,
    fixture: draft({ reviewState: 'in-review' }),
    data: () => ({ reviewState: 'changes-requested', reviewComment: 'Bổ sung nguồn.' }),
  },
]

describe('access matrix: the review step, the cells its hook refuses', () => {
  const cells = hookMatrixCells(ROWS, (row, actor) => runMatrixCell(api, users, row, actor))
  it.each(cells)('$name', ({ run }) => run())
})
