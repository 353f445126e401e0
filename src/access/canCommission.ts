import type { Access } from 'payload'
import { Role } from '@/vocabulary'
import { hasRole, isCrossUnit, unitIdOf } from './roles'

/**
 * Who commissions a piece ("đặt bài"): admins and campaign managers for any unit, a unit manager
 * for their own unit and the units below it (checked by collections/Commissions/hooks/workflow.ts,
 * which knows the assignee). A per-unit reviewer capability, once it exists, joins here.
 */
export const canCommission = (user: unknown): boolean =>
  isCrossUnit(user) || (hasRole(user, Role.UnitManager) && unitIdOf(user) != null)

export const commissioners: Access = ({ req }) => canCommission(req.user)
