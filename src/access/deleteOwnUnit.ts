import type { Access, Where } from 'payload'
import { DocStatus, Role } from '@/vocabulary'
import { hasRole, isCrossUnit, unitIdOf } from './roles'

/**
 * Delete access for drafted content: editors delete their unit's documents; contributors only
 * their unit's unpublished ones, since they may not take down what is published.
 */
export const deleteOwnUnit: Access = ({ req }): boolean | Where => {
  if (isCrossUnit(req.user)) return true
  const unit = unitIdOf(req.user)
  if (!unit) return false
  if (hasRole(req.user, Role.Editor)) return { ownerUnit: { equals: unit } }
  if (hasRole(req.user, Role.Contributor)) {
    return {
      and: [{ ownerUnit: { equals: unit } }, { _status: { not_equals: DocStatus.Published } }],
    }
  }
  return false
}
