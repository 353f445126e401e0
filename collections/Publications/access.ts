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
const writable = (user: unknown): boolean | Where => {
  if (isCrossUnit(user)) return true
  if (hasRole(user, Role.Editor) && unitIdOf(user)) return ownUnit(user)
  return false
}

const write: Access = ({ req }) => writable(req.user)

const create: Access = ({ req }) => isCrossUnit(req.user) || (hasRole(req.user, Role.Editor) && !!unitIdOf(req.user))

/** Once something went out, its record stays: only unsent publications can be deleted. */
const remove: Access = ({ req }) => {
  const where = writable(req.user)
  if (!where) return false
  const unsent: Where = { status: { in: UNSENT } }
  return where === true ? unsent : { and: [where, unsent] }
}

export const publicationAccess: CollectionConfig<'publications'>['access'] = { read, create, update: write, delete: remove }
