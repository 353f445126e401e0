import type { Access } from 'payload'
import { hasRole, unitIdOf } from './roles'

/**
 * Read access for drafted content. Anonymous readers see only published documents; admins,
 * campaign managers and viewers see everything; editors and contributors see what is published
 * plus their own unit's drafts. Payload applies the same constraint to `?draft=true` reads.
 */
export const publishedOrStaff: Access = ({ req }) => {
  const published = { _status: { equals: 'published' } }
  if (!req.user) return published
  if (hasRole(req.user, 'admin', 'campaign-manager', 'viewer')) return true
  const unit = unitIdOf(req.user)
  if (!unit) return published
  return { or: [published, { ownerUnit: { equals: unit } }] }
}
