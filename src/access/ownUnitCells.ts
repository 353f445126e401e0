import type { Access } from 'payload'
import { READ_ALL_ROLES } from '@/vocabulary'
import { hasRole, unitIdOf } from './roles'

/**
 * Reading figures: admins, campaign managers and viewers see every unit's; editors and
 * contributors only their own unit's (a `where` on the cell's unit); anonymous visitors nothing.
 */
export const ownUnitCells: Access = ({ req }) => {
  if (!req.user) return false
  if (hasRole(req.user, ...READ_ALL_ROLES)) return true
  const unit = unitIdOf(req.user)
  return unit ? { unit: { equals: unit } } : false
}
