import type { Access } from 'payload'
import { sameId } from '@/lib/relation'
import { WITHDRAW_OWN_UNIT_ROLES } from '@/vocabulary'
import { hasRole, isCrossUnit, unitIdOf } from './roles'

/**
 * Withdrawing ("gỡ bài"): admins and campaign managers for any unit's content; editors and unit
 * managers who belong to a unit, for that unit's content only (checked against the item by
 * collections/Withdrawals/hooks/prepareWithdrawal.ts, which knows the item).
 */
export const withdrawers: Access = ({ req }) =>
  isCrossUnit(req.user) || (hasRole(req.user, ...WITHDRAW_OWN_UNIT_ROLES) && !!unitIdOf(req.user))

/** Whether this user may withdraw an item owned by `ownerUnit`. */
export const mayWithdrawFor = (user: unknown, ownerUnit: unknown): boolean =>
  isCrossUnit(user) ||
  (hasRole(user, ...WITHDRAW_OWN_UNIT_ROLES) && sameId(unitIdOf(user), ownerUnit))
