/**
 * Helpers for the access-matrix tests of tests/int, which drive through the Local API the cells of
 * the matrix (tests/helpers/accessSpec.ts) that a hook refuses: a loosely typed view of the Local
 * API (the matrix drives every collection through the same code), and assertions on how an attempt
 * ended.
 */
import type { Payload, Where } from 'payload'
import { expect } from 'vitest'
import {
  type AccessRow,
  type Actor,
  type Doc,
  actorsWith,
  hookCells,
  matrixRow,
  rowKey,
} from './accessSpec'

export { ACTORS, type Actor, type Doc } from './accessSpec'
type Paginated = { docs: Doc[]; totalDocs: number }
type Common = {
  collection: string
  overrideAccess?: boolean
  user?: Doc | null
  depth?: number
  draft?: boolean
}

/** The Local API with collection slugs and documents as plain strings and records. */
export type LooseApi = {
  create(args: Common & { data: Record<string, unknown>; file?: unknown }): Promise<Doc>
  find(args: Common & { where?: Where; limit?: number; pagination?: boolean }): Promise<Paginated>
  findByID(args: Common & { id: string; disableErrors?: boolean }): Promise<Doc>
  count(args: Common & { where?: Where }): Promise<{ totalDocs: number }>
  update(args: Common & { id: string; data: Record<string, unknown> }): Promise<Doc>
  delete(args: Common & { id: string }): Promise<Doc>
  findVersions(args: Common & { where?: Where; limit?: number }): Promise<Paginated>
  findVersionByID(args: Common & { id: string }): Promise<Doc>
  countVersions(args: Common & { where?: Where }): Promise<{ totalDocs: number }>
}
export const loose = (payload: Payload) => payload as unknown as LooseApi

/** How an attempted operation ended. */
export type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown }

export async function attempt<T>(fn: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await fn() }
  } catch (error) {
    return { ok: false, error }
  }
}

type ErrorLike = {
  name?: string
  status?: number
  message?: string
  data?: { errors?: { path?: string }[] }
}
const describeError = (e: unknown) => {
  const err = e as ErrorLike
  return `${err?.name} (${err?.status}): ${err?.message}`
}

export function expectSuccess<T>(result: Attempt<T>): T {
  if (!result.ok)
    throw new Error(
      `expected the operation to succeed, but it failed with ${describeError(result.error)}`,
    )
  return result.value
}

/** Denied by an access function: Payload's Forbidden, HTTP 403. */
export function expectForbidden(result: Attempt<unknown>) {
  expect(result.ok, 'expected Forbidden, but the operation succeeded').toBe(false)
  if (result.ok) return
  const err = result.error as ErrorLike
  expect(err?.name, describeError(err)).toBe('Forbidden')
  expect(err?.status).toBe(403)
}

/** Rejected by enforceUnitRules for writing another unit's content: a ValidationError on ownerUnit. */
export function expectInvalidUnit(result: Attempt<unknown>) {
  expect(result.ok, 'expected a ValidationError on ownerUnit, but the operation succeeded').toBe(
    false,
  )
  if (result.ok) return
  const err = result.error as ErrorLike
  expect(err?.name, describeError(err)).toBe('ValidationError')
  expect(err?.status).toBe(400)
  expect(err?.data?.errors?.map((e) => e.path)).toEqual(['ownerUnit'])
}

/** A contributor trying to publish: a plain APIError with status 403 (not an access-function Forbidden). */
export function expectPublishRefused(result: Attempt<unknown>) {
  expect(
    result.ok,
    'expected a 403 APIError (no right to publish), but the operation succeeded',
  ).toBe(false)
  if (result.ok) return
  const err = result.error as ErrorLike
  expect(err?.name, describeError(err)).toBe('APIError')
  expect(err?.status).toBe(403)
}

/** A read that must not reveal the document: NotFound (findByID) or Forbidden. */
export function expectNotRevealed(result: Attempt<unknown>) {
  expect(result.ok, 'expected the document to stay hidden, but it was returned').toBe(false)
  if (result.ok) return
  const err = result.error as ErrorLike
  expect(['NotFound', 'Forbidden'], describeError(err)).toContain(err?.name)
}

/** The documents a find returned, or none when the read was refused outright (Forbidden). */
export function docsOrNone(result: Attempt<Paginated>): Doc[] {
  if (result.ok) return result.value.docs
  expect((result.error as ErrorLike)?.name, describeError(result.error)).toBe('Forbidden')
  return []
}

export const idOf = (v: unknown): string | null =>
  v == null
    ? null
    : typeof v === 'object' && 'id' in (v as object)
      ? String((v as { id: unknown }).id)
      : String(v)

/**
 * The database side of a row of the matrix (its collection, operation and description name the
 * row of accessSpec.ts, which says who may do it): a fixture, and the data of a create or update.
 */
export type MatrixOp = 'create' | 'read' | 'update' | 'delete'
export type MatrixRow = {
  collection: string
  op: MatrixOp
  what: string
  fixture: () => Promise<Doc>
  /** create: the new document; update: the change (its first key is checked afterwards). */
  data?: () => Record<string, unknown>
}

/**
 * Who acts through the Local API on a row: the cells a hook or a field's access refuses and their
 * control (hookCells); on a row no hook refuses, listed as the control of its twin, the unit roles
 * the hooks must let through.
 */
export function localApiActors(spec: AccessRow): Actor[] {
  if (hookCells(spec).length) return hookCells(spec)
  const unitRoles = actorsWith(spec, 'allowed').filter((a) => a === 'editor' || a === 'contributor')
  if (!unitRoles.length) throw new Error(`${rowKey(spec)}: nothing for the Local API to check`)
  return unitRoles
}

/** The Local API cells of these rows (see hookCells), named as the matrix names them; `run` runs one. */
export function hookMatrixCells(
  rows: MatrixRow[],
  run: (row: MatrixRow, actor: Actor) => Promise<void>,
) {
  return rows.flatMap((row) => {
    const spec = matrixRow(row.collection, row.op, row.what)
    return localApiActors(spec).map((actor) => ({
      name: `${row.collection} | ${actor} | ${row.op}: ${row.what} → ${spec.expect[actor]}`,
      run: () => run(row, actor),
    }))
  })
}

/**
 * Runs one cell of a matrix row as `actor` through the Local API, then checks the database with
 * overrideAccess: a refused create adds nothing, a refused update changes nothing, a refused
 * delete leaves the document, a refused read reveals nothing (by id or in a list).
 */
export async function runMatrixCell(
  api: LooseApi,
  users: Partial<Record<Actor, Doc>>,
  row: MatrixRow,
  actor: Actor,
) {
  const allowed = matrixRow(row.collection, row.op, row.what).expect[actor] === 'allowed'
  const doc = await row.fixture()
  const who =
    actor === 'anonymous'
      ? { user: null, overrideAccess: false }
      : { user: users[actor]!, overrideAccess: false }
  if (row.op === 'create') {
    const before = (await api.count({ collection: row.collection, overrideAccess: true })).totalDocs
    const result = await attempt(() =>
      api.create({ collection: row.collection, ...who, data: row.data!() }),
    )
    const after = (await api.count({ collection: row.collection, overrideAccess: true })).totalDocs
    expect(result.ok, result.ok ? '' : String((result.error as Error).message)).toBe(allowed)
    expect(after - before).toBe(allowed ? 1 : 0)
  } else if (row.op === 'read') {
    const result = await attempt(() =>
      api.findByID({ collection: row.collection, id: doc.id, ...who }),
    )
    expect(result.ok).toBe(allowed)
    const listed = await attempt(() =>
      api.find({ collection: row.collection, where: { id: { equals: doc.id } }, ...who }),
    )
    expect(listed.ok ? listed.value.docs.length : 0).toBe(allowed ? 1 : 0)
  } else if (row.op === 'update') {
    const data = row.data!()
    const result = await attempt(() =>
      api.update({ collection: row.collection, id: doc.id, ...who, data }),
    )
    expect(result.ok, result.ok ? '' : String((result.error as Error).message)).toBe(allowed)
    const stored = await api.findByID({
      collection: row.collection,
      id: doc.id,
      overrideAccess: true,
    })
    const [key, value] = Object.entries(data)[0]
    expect(stored[key] === value).toBe(allowed)
  } else {
    const result = await attempt(() =>
      api.delete({ collection: row.collection, id: doc.id, ...who }),
    )
    expect(result.ok).toBe(allowed)
    const left = await api.findByID({
      collection: row.collection,
      id: doc.id,
      overrideAccess: true,
      disableErrors: true,
    })
    expect(!!left).toBe(!allowed)
  }
}
