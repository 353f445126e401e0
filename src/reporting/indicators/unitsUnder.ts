import { sql } from '@payloadcms/db-sqlite'
import type { Payload, PayloadRequest } from 'payload'
import { relationId } from '@/lib/relation'
import type { UnitKind } from '@/vocabulary'

export type TreeUnit = {
  id: string
  name: string
  kind: UnitKind
  parent: string | null
  active: boolean
}

type SqlReader = { drizzle: { all: <T>(query: unknown) => Promise<T[]> } }

/**
 * Every unit, as the tree below reads it (one query). On SQLite straight from the table: the Local
 * API's per-document work took most of the panel's time at 10,000 units.
 */
export async function allUnits(payload: Payload, req?: PayloadRequest): Promise<TreeUnit[]> {
  if (payload.db.name === 'sqlite') {
    const rows = await (payload.db as unknown as SqlReader).drizzle.all<{
      id: string
      name: string
      kind: UnitKind
      parent: string | null
      active: number | null
    }>(sql`SELECT id, name, kind, parent_id AS parent, active FROM units`)
    return rows.map((u) => ({
      id: String(u.id),
      name: u.name,
      kind: u.kind,
      parent: u.parent == null ? null : String(u.parent),
      active: u.active !== 0,
    }))
  }
  const found = await payload.find({
    collection: 'units',
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
    select: { name: true, kind: true, parent: true, active: true },
  })
  return found.docs.map((u) => ({
    id: String(u.id),
    name: u.name,
    kind: u.kind as UnitKind,
    parent: relationId(u.parent),
    active: u.active !== false,
  }))
}

/**
 * THE place where indicators read the unit tree: `unitId` and every unit below it (all units when
 * `unitId` is null: the province). Until the dated unit tree (issue 21) lands this follows today's
 * `parent` field; swap this one function for the tree's "units under X on date D".
 */
export function unitsUnder(units: readonly TreeUnit[], unitId: string | null): TreeUnit[] {
  if (unitId == null) return [...units]
  const children = new Map<string | null, TreeUnit[]>()
  for (const u of units) {
    const list = children.get(u.parent) ?? []
    list.push(u)
    children.set(u.parent, list)
  }
  const out: TreeUnit[] = []
  const seen = new Set<string>()
  const stack = units.filter((u) => u.id === unitId)
  while (stack.length) {
    const u = stack.pop()!
    if (seen.has(u.id)) continue
    seen.add(u.id)
    out.push(u)
    stack.push(...(children.get(u.id) ?? []))
  }
  return out
}
