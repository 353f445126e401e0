import type { Access, Where } from 'payload'
import { Role, UnitReportStatus } from '@/vocabulary'
import { ownUnitEditorsOf } from './ownUnitEditors'
import { hasRole, unitIdOf } from './roles'
import { managedUnitIds } from './subtree'

/**
 * Updating unit reports: admins and campaign managers all, editors their own unit's (see
 * ownUnitEditors), and a unit manager the submitted reports of the units below their own (to
 * accept them for the parent or return them; the workflow hook allows nothing else).
 */
export const reviewUnitReports: Access = async ({ req }) => {
  if (!hasRole(req.user, Role.UnitManager)) return ownUnitEditorsOf(req.user)
  const own = String(unitIdOf(req.user))
  const below = (await managedUnitIds(req)).filter((id) => id !== own)
  if (!below.length) return false
  const where: Where = {
    and: [{ ownerUnit: { in: below } }, { status: { equals: UnitReportStatus.Submitted } }],
  }
  return where
}
