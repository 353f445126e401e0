import type { Access, Where } from 'payload'
import { Role } from '@/vocabulary'
import { hasRole, isCrossUnit, unitIdOf } from './roles'

/** Admins and campaign managers reach every unit's records; an editor only their own unit's (a `where`). */
export const ownUnitEditorsOf = (user: unknown): boolean | Where => {
  if (isCrossUnit(user)) return true
  if (hasRole(user, Role.Editor) && unitIdOf(user)) return { ownerUnit: { equals: unitIdOf(user) } }
  return false
}

/** Update or delete: admins, campaign managers, and editors for their own unit's records. */
export const ownUnitEditors: Access = ({ req }) => ownUnitEditorsOf(req.user)

/** Create: admins, campaign managers, and editors who belong to a unit (which unit is checked by a hook). */
export const unitEditors: Access = ({ req }) =>
  isCrossUnit(req.user) || (hasRole(req.user, Role.Editor) && !!unitIdOf(req.user))
