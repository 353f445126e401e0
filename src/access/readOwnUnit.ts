import type { Access } from 'payload'
import { READ_ALL_ROLES } from '@/vocabulary'
import { hasRole, unitIdOf } from './roles'

/**
 * Read access for internal unit-owned records (publications, trainings, engagement figures): admins,
 * campaign managers and viewers read all; editors and contributors their own unit's; nobody else.
 */
export const readOwnUnit: Access = ({ req }) => {
  if (!req.user) return false
  if (hasRole(req.user, ...READ_ALL_ROLES)) return true
  const unit = unitIdOf(req.user)
  return unit ? { ownerUnit: { equals: unit } } : false
}
