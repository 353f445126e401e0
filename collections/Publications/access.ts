import type { Access, CollectionConfig, Where } from 'payload'
import { hasRole, isCrossUnit, unitIdOf } from '@/access/roles'
import { READ_ALL_ROLES, Role, UNSENT } from '@/vocabulary'

const ownUnit = (user: unknown) => ({ ownerUnit: { equals: unitIdOf(user) } })

const read: Access = ({ req }) => {
  if (!req.user) return false
  if (hasRole(req.user, ...READ_ALL_ROLES)) return true
  return unitIdOf(req.user) ? ownUnit(req.user) : false
}

/** Editors schedule and change their own unit's publications; contributors and viewers cannot schedule. */
const write: Access = ({ req }) => {
  if (isCrossUnit(req.user)) return true
  if (hasRole(req.user, Role.Editor) && unitIdOf(req.user)) return ownUnit(req.user)
  return false
}

const create: Access = ({ req }) => isCrossUnit(req.user) || (hasRole(req.user, Role.Editor) && !!unitIdOf(req.user))

/** Once something went out, its record stays: only unsent publications can be deleted. */
const remove: Access = ({ req }) => {
  const where = write({ req } as never)
  if (!where) return false
  const unsent: Where = { status: { in: UNSENT } }
  return where === true ? unsent : { and: [where as Where, unsent] }
}

export const publicationAccess: CollectionConfig['access'] = { read, create, update: write, delete: remove }
