import type { PayloadRequest, Where } from 'payload'
import { unitTree } from '@/units/load'
import { READ_ALL_ROLES, SUBTREE_ROLES } from '@/vocabulary'
import { hasRole, unitIdOf } from './roles'

/**
 * The units a unit manager reaches: their own unit, every unit that was ever under it (a former
 * district keeps its communes' history), and the units whose figures passed to those (a merged
 * commune's predecessors). Nothing else: not the parent, not a sibling's subtree.
 */
export async function managedUnitIds(req: PayloadRequest): Promise<string[]> {
  const unit = unitIdOf(req.user)
  if (unit == null || !hasRole(req.user, ...SUBTREE_ROLES)) return []
  const tree = await unitTree(req.payload, req)
  const ids = new Set(tree.unitsEverUnder(String(unit)))
  for (const [from, to] of tree.successorMap()) if (to.some((s) => ids.has(s.unit))) ids.add(from)
  return [...ids]
}

/** Is `unit` strictly below the user's unit (a unit manager approves those, not their own)? */
export async function managesUnit(req: PayloadRequest, unit: string | null): Promise<boolean> {
  const own = unitIdOf(req.user)
  if (!unit || own == null || String(own) === unit) return false
  return (await managedUnitIds(req)).includes(unit)
}

/**
 * The read scope of unit-owned records on `field`: everything for admins, campaign managers and
 * viewers; the subtree for unit managers; the own unit for editors and contributors; nothing
 * without a unit.
 */
export async function unitReadScope(req: PayloadRequest, field: string): Promise<boolean | Where> {
  if (!req.user) return false
  if (hasRole(req.user, ...READ_ALL_ROLES)) return true
  if (hasRole(req.user, ...SUBTREE_ROLES)) {
    const ids = await managedUnitIds(req)
    return ids.length ? { [field]: { in: ids } } : false
  }
  const unit = unitIdOf(req.user)
  return unit ? { [field]: { equals: unit } } : false
}
