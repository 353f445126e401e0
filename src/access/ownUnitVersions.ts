import type { Access } from 'payload'
import { READ_ALL_ROLES } from '@/vocabulary'
import { hasRole, unitIdOf } from './roles'

/** Version history is for logged-in roles that read everything; editors and contributors see their own unit's. */
export const ownUnitVersions: Access = ({ req }) => {
  if (!req.user) return false
  if (hasRole(req.user, ...READ_ALL_ROLES)) return true
  const unit = unitIdOf(req.user)
  if (!unit) return false
  return { 'version.ownerUnit': { equals: unit } }
}
