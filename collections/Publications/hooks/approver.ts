import type { PayloadRequest } from 'payload'
import { hasRole, isCrossUnit } from '@/access/roles'
import { managedUnitIds, managesUnit } from '@/access/subtree'
import { Role } from '@/vocabulary'

/**
 * Who decides on a publication waiting for approval: Sở TT&TT (admins, campaign managers) always;
 * a unit manager for a publication of a unit below theirs onto a channel of their own subtree (a
 * commune's post on the former district's page), never onto the province's channels, which stay
 * with Sở.
 */
export async function approvesPublication(
  req: PayloadRequest,
  ownerUnit: string | null | undefined,
  channelUnit: string | null | undefined,
): Promise<boolean> {
  if (isCrossUnit(req.user)) return true
  if (!hasRole(req.user, Role.UnitManager) || !ownerUnit || !channelUnit) return false
  if (!(await managesUnit(req, ownerUnit))) return false
  return (await managedUnitIds(req)).includes(channelUnit)
}
