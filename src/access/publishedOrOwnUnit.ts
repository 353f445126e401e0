import type { Access, Where } from 'payload'
import { publicWhere } from '@/content/visibility'
import { READ_ALL_ROLES } from '@/vocabulary'
import { hasRole, unitIdOf } from './roles'

/**
 * Read access for drafted content. Anonymous readers see what the public page shows (published and
 * past its page time: src/content/visibility.ts), so REST and GraphQL cannot leak an embargoed
 * story; admins, campaign managers and viewers see everything; editors and contributors see what is
 * public plus their own unit's documents. Payload applies the same constraint to `?draft=true` reads.
 */
export const publishedOrOwnUnit: Access = ({ req }) => {
  const published: Where = publicWhere()
  if (!req.user) return published
  if (hasRole(req.user, ...READ_ALL_ROLES)) return true
  const unit = unitIdOf(req.user)
  if (!unit) return published
  return { or: [published, { ownerUnit: { equals: unit } }] }
}
