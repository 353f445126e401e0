import type { Access, Where } from 'payload'
import { DocStatus, READ_ALL_ROLES } from '@/vocabulary'
import { hasRole, unitIdOf } from './roles'

/**
 * Read access for drafted content. Anonymous readers see only published documents; admins,
 * campaign managers and viewers see everything; editors and contributors see what is published
 * plus their own unit's drafts. Payload applies the same constraint to `?draft=true` reads.
 */
export const publishedOrOwnUnit: Access = ({ req }) => {
  const published: Where = { _status: { equals: DocStatus.Published } }
  if (!req.user) return published
  if (hasRole(req.user, ...READ_ALL_ROLES)) return true
  const unit = unitIdOf(req.user)
  if (!unit) return published
  return { or: [published, { ownerUnit: { equals: unit } }] }
}
