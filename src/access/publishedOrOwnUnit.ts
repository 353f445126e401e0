import type { Access, Where } from 'payload'
import { DocStatus } from '@/vocabulary'
import { unitReadScope } from './subtree'

/**
 * Read access for drafted content. Anonymous readers see only published documents; admins,
 * campaign managers and viewers see everything; editors and contributors see what is published
 * plus their own unit's drafts, unit managers plus their subtree's. Payload applies the same
 * constraint to `?draft=true` reads.
 */
export const publishedOrOwnUnit: Access = async ({ req }) => {
  const published: Where = { _status: { equals: DocStatus.Published } }
  const scope = await unitReadScope(req, 'ownerUnit')
  if (scope === true) return true
  return scope ? { or: [published, scope] } : published
}
