/**
 * One pass per collection of the access matrix (tests/helpers/accessSpec.ts) through REST on the
 * real server: proves that the access functions the plain-function matrix checks
 * (tests/unit/access-matrix.test.ts) are the ones Payload applies to HTTP requests.
 *
 * For each collection, each actor (logged in with a JWT, or anonymous) and each operation, a
 * request that needs no document: POST with an empty body, GET of the list, PATCH and DELETE of an
 * id that does not exist. An access function that refuses outright answers 403 before anything
 * else; one that lets the actor through (or narrows to a Where) lets the request go on to
 * validation (400), the list (200) or the missing document (404). So: 403 exactly when the matrix
 * denies that actor every row of that collection and operation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '@/server'
import { ACCESS_MATRIX, ACTORS, type Actor, type Op, STAFF } from '../helpers/accessSpec'
import { PASSWORD, createUnit, createUser } from '../helpers/fixtures'
import { restLogin, stopTestServer, testServer } from '../helpers/server'

let server: RunningServer
const tokens: Partial<Record<Actor, string>> = {}

beforeAll(async () => {
  server = await testServer()
  const unit = await createUnit(server.payload, 'Đơn vị A')
  for (const actor of STAFF) {
    const user = await createUser(server.payload, actor as never, unit.id)
    tokens[actor] = await restLogin(server.url, user.email as string, PASSWORD)
  }
})

afterAll(async () => {
  await stopTestServer()
})

const MISSING_ID = '01900000-0000-7000-8000-000000000000'

async function statusOf(collection: string, op: Op, actor: Actor): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (tokens[actor]) headers.authorization = `JWT ${tokens[actor]}`
  const base = `${server.url}/api/${collection}`
  const request =
    op === 'create'
      ? fetch(base, { method: 'POST', headers, body: '{}' })
      : op === 'read'
        ? fetch(`${base}?limit=1&depth=0`, { headers })
        : fetch(`${base}/${MISSING_ID}`, {
            method: op === 'update' ? 'PATCH' : 'DELETE',
            headers,
            body: op === 'update' ? '{}' : undefined,
          })
  const res = await request
  await res.arrayBuffer()
  return res.status
}

/** 403 when the matrix denies the actor every row of this collection and operation. */
const refusedOutright = (collection: string, op: Op, actor: Actor) => {
  const cells = ACCESS_MATRIX.filter((r) => r.collection === collection && r.op === op)
    .map((r) => r.expect[actor])
    .filter((o) => o !== 'n/a')
  return cells.length > 0 && cells.every((o) => o === 'denied')
}

const COLLECTIONS = [...new Set(ACCESS_MATRIX.map((r) => r.collection))]

describe('access matrix through REST: one pass per collection', () => {
  it.each(COLLECTIONS)('%s', async (collection) => {
    const wrong: string[] = []
    for (const actor of ACTORS)
      for (const op of ['create', 'read', 'update', 'delete'] as Op[]) {
        const status = await statusOf(collection, op, actor)
        const expected403 = refusedOutright(collection, op, actor)
        if ((status === 403) !== expected403 || status >= 500)
          wrong.push(`${actor} ${op}: ${status} (${expected403 ? '403' : 'not 403'} expected)`)
      }
    expect(wrong).toEqual([])
  })
})
