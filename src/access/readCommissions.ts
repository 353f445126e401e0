import type { Access, Where } from 'payload'
import { READ_ALL_ROLES, SUBTREE_ROLES } from '@/vocabulary'
import { hasRole, unitIdOf } from './roles'
import { managedUnitIds } from './subtree'

/**
 * Reading commissions: admins, campaign managers and viewers all; a unit's editors and contributors
 * those assigned to their unit or commissioned by it; a unit manager those of their subtree (either
 * side). Another unit sees none of them.
 */
export const readCommissions: Access = async ({ req }) => {
  if (!req.user) return false
  if (hasRole(req.user, ...READ_ALL_ROLES)) return true
  if (hasRole(req.user, ...SUBTREE_ROLES)) {
    const ids = await managedUnitIds(req)
    if (!ids.length) return false
    const where: Where = {
      or: [{ assigneeUnit: { in: ids } }, { commissioningUnit: { in: ids } }],
    }
    return where
  }
  const unit = unitIdOf(req.user)
  if (!unit) return false
  const where: Where = {
    or: [{ assigneeUnit: { equals: unit } }, { commissioningUnit: { equals: unit } }],
  }
  return where
}
