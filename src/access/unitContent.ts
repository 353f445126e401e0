import type { CollectionConfig } from 'payload'
import { deleteOwnUnit } from './deleteOwnUnit'
import { isAuthor } from './isAuthor'
import { ownUnitOrCrossUnit } from './ownUnitOrCrossUnit'
import { publishedOrStaff } from './publishedOrStaff'
import { staffVersions } from './staffVersions'

/** The access rules shared by every unit-owned, drafted content collection. */
export const unitContentAccess: CollectionConfig['access'] = {
  read: publishedOrStaff,
  readVersions: staffVersions,
  create: isAuthor,
  update: ownUnitOrCrossUnit,
  delete: deleteOwnUnit,
}
