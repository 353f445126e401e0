import type { Access, Where } from 'payload'
import { Role, UNIT_ROLES } from '@/vocabulary'
import { hasRole, isCrossUnit, unitIdOf } from './roles'

/**
 * Updating commissions: admins and campaign managers any; a unit manager those their unit
 * commissioned; a unit's editors and contributors those assigned to their unit (to accept and
 * fulfil them). Which change each side may make is the workflow hook's
 * (collections/Commissions/hooks/workflow.ts).
 */
export const updateCommissions: Access = ({ req }): boolean | Where => {
  if (isCrossUnit(req.user)) return true
  const unit = unitIdOf(req.user)
  if (!unit) return false
  if (hasRole(req.user, Role.UnitManager)) return { commissioningUnit: { equals: unit } }
  if (hasRole(req.user, ...UNIT_ROLES)) return { assigneeUnit: { equals: unit } }
  return false
}
