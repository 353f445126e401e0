import type { Access, Where } from 'payload'
import { READ_ALL_ROLES } from '@/vocabulary'
import { hasRole, unitIdOf } from './roles'

/**
 * Read access for plan tasks and their progress: admins, campaign managers and viewers read all;
 * editors and contributors the tasks their unit leads or coordinates (both fields sit on the task
 * and are copied onto its progress rows).
 */
export const leadOrCoordinatingUnit: Access = ({ req }) => {
  if (!req.user) return false
  if (hasRole(req.user, ...READ_ALL_ROLES)) return true
  const unit = unitIdOf(req.user)
  if (!unit) return false
  const where: Where = {
    or: [{ leadUnit: { equals: unit } }, { coordinatingUnits: { in: [unit] } }],
  }
  return where
}
