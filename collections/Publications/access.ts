import type { Access, CollectionConfig, Where } from 'payload'
import { ownUnitEditorsOf, unitEditors } from '@/access/ownUnitEditors'
import { readOwnUnit } from '@/access/readOwnUnit'
import { reviewBelow } from '@/access/reviewBelow'
import { PublicationStatus, UNSENT } from '@/vocabulary'

/** Once something went out, its record stays: only unsent publications can be deleted. */
const remove: Access = ({ req }) => {
  const where = ownUnitEditorsOf(req.user)
  if (!where) return false
  const unsent: Where = { status: { in: UNSENT } }
  return where === true ? unsent : { and: [where, unsent] }
}

/**
 * Editors schedule and change their own unit's publications; contributors and viewers cannot
 * schedule; a unit manager decides on what the units below ask to put on its channels.
 */
export const publicationAccess: CollectionConfig<'publications'>['access'] = {
  read: readOwnUnit,
  create: unitEditors,
  update: reviewBelow(PublicationStatus.AwaitingApproval),
  delete: remove,
}
