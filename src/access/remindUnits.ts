import type { PayloadRequest } from 'payload'
import { Role } from '@/vocabulary'
import { hasRole, isCrossUnit } from './roles'
import { managesUnit } from './subtree'

/**
 * Sending a unit a reminder about its yearly report ("Gửi nhắc nhở" on the board): admins and
 * campaign managers for any unit; a unit manager for the units under their own (whose reports
 * pass through them), not their own unit nor anyone else's.
 */
export async function canRemindUnit(req: PayloadRequest, unit: string): Promise<boolean> {
  if (isCrossUnit(req.user)) return true
  return hasRole(req.user, Role.UnitManager) && managesUnit(req, unit)
}
