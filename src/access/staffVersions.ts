import type { Access } from 'payload'
import { hasRole, unitIdOf } from './roles'

/** Version history is for staff only; editors and contributors see their own unit's. */
export const staffVersions: Access = ({ req }) => {
  if (!req.user) return false
  if (hasRole(req.user, 'admin', 'campaign-manager', 'viewer')) return true
  const unit = unitIdOf(req.user)
  if (!unit) return false
  return { 'version.ownerUnit': { equals: unit } }
}
