/**
 * One pass per collection of the access matrix (tests/helpers/accessSpec.ts) through REST on the
 * real server: proves that the access functions the plain-function matrix checks
 * (tests/unit/access-matrix.test.ts) are the ones Payload applies to HTTP requests.
 *
 * For each collection, each actor (logged in with a JWT, or anonymous) and each operation, a
 * request that needs no document: POST with an empty body, GET of the list, PATCH and DELETE of an
 * id that does not exist. A create or a list refused by the access function answers 403 before
 * anything else, and goes on to validation (400) or the list (200) when the function lets the
 * actor through or narrows to a Where: 403 exactly when the matrix denies that actor every row of
 * the operation. A missing id answers 404 only under unrestricted access; under a Where Payload
 * cannot tell "not yours" from "not there" and answers 403: 404 exactly when the matrix lets that
 * actor through on every row of the operation.
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

/** The status the matrix predicts (see above), from the actor's outcomes on the operation's rows. */
function expectedStatus(collection: string, op: Op, actor: Actor): '403' | 'not 403' {
  const cells = ACCESS_MATRIX.filter((r) => r.collection === collection && r.op === op)
    .map((r) => r.expect[actor])
    .filter((o) => o !== 'n/a')
  if (!cells.length) return '403'
  if (op === 'create' || op === 'read')
    return cells.every((o) => o === 'denied') ? '403' : 'not 403'
  return cells.every((o) => o !== 'denied') ? 'not 403' : '403'
}

const COLLECTIONS = [...new Set(ACCESS_MATRIX.map((r) => r.collection))]

describe('access matrix through REST: one pass per collection', () => {
  it.each(COLLECTIONS)('%s', async (collection) => {
    const wrong: string[] = []
    for (const actor of ACTORS)
      for (const op of ['create', 'read', 'update', 'delete'] as Op[]) {
        const status = await statusOf(collection, op, actor)
        const expected = expectedStatus(collection, op, actor)
        if ((status === 403) !== (expected === '403') || status >= 500)
          wrong.push(`${actor} ${op}: ${status} (${expected} expected)`)
      }
    expect(wrong).toEqual([])
  })
})
