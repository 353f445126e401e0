import type { Payload, PayloadRequest } from 'payload'
import { dbOps } from '@/db'
import type { TreeUnit } from './shapes'

export type { TreeUnit } from './shapes'

/**
 * Every unit, as the tree below reads it (one query). On SQLite straight from the table: the Local
 * API's per-document work took most of the panel's time at 10,000 units.
 */
export const allUnits = (payload: Payload, req?: PayloadRequest): Promise<TreeUnit[]> =>
  dbOps(payload).figures.allUnits(req)

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
