import type { Access, Where } from 'payload'
import { Role } from '@/vocabulary'
import { ownUnitEditorsOf } from './ownUnitEditors'
import { hasRole, unitIdOf } from './roles'
import { managedUnitIds } from './subtree'

/**
 * Update access for records a unit manager reviews: admins and campaign managers all, editors their
 * own unit's (see ownUnitEditors), and a unit manager the records of the units below their own
 * while they wait in `status` (a unit report handed in, a publication awaiting approval). The
 * collection's workflow hook allows the manager nothing but the decision.
 */
export const reviewBelow =
  (status: string): Access =>
  async ({ req }) => {
    if (!hasRole(req.user, Role.UnitManager)) return ownUnitEditorsOf(req.user)
    const own = String(unitIdOf(req.user))
    const below = (await managedUnitIds(req)).filter((id) => id !== own)
    if (!below.length) return false
    const where: Where = {
      and: [{ ownerUnit: { in: below } }, { status: { equals: status } }],
    }
    return where
  }
