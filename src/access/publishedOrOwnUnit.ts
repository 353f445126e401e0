import type { Access, Where } from 'payload'
import { publicWhere } from '@/content/visibility'
import { unitReadScope } from './subtree'

/**
 * Read access for drafted content. Anonymous readers see what the public page shows (published and
 * past its page time: src/content/visibility.ts), so REST and GraphQL cannot leak an embargoed
 * story; admins, campaign managers and viewers see everything; editors and contributors see what is
 * public plus their own unit's documents, unit managers plus their subtree's. Payload applies the
 * same constraint to `?draft=true` reads.
 */
export const publishedOrOwnUnit: Access = async ({ req }) => {
  const published: Where = publicWhere()
  const scope = await unitReadScope(req, 'ownerUnit')
  if (scope === true) return true
  return scope ? { or: [published, scope] } : published
}
