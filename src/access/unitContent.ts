import type { CollectionConfig } from 'payload'
import { deleteOwnUnit } from './deleteOwnUnit'
import { isAuthor } from './isAuthor'
import { ownUnitOrCrossUnit } from './ownUnitOrCrossUnit'
import { ownUnitVersions } from './ownUnitVersions'
import { publishedOrOwnUnit } from './publishedOrOwnUnit'

/** The access rules shared by every unit-owned, drafted content collection. */
export const unitContentAccess: CollectionConfig['access'] = {
  read: publishedOrOwnUnit,
  readVersions: ownUnitVersions,
  create: isAuthor,
  update: ownUnitOrCrossUnit,
  delete: deleteOwnUnit,
}
