import type { Access } from 'payload'
import { UNIT_ROLES } from '@/vocabulary'
import { hasRole, isCrossUnit, unitIdOf } from './roles'

/**
 * Update access for unit-owned documents: admins and campaign managers reach all of them,
 * editors and contributors only their own unit's, viewers none.
 */
export const ownUnitOrCrossUnit: Access = ({ req }) => {
  if (isCrossUnit(req.user)) return true
  const unit = unitIdOf(req.user)
  if (!unit || !hasRole(req.user, ...UNIT_ROLES)) return false
  return { ownerUnit: { equals: unit } }
}
