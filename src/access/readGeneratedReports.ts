import type { Access } from 'payload'
import { READ_ALL_ROLES } from '@/vocabulary'
import { hasRole, unitIdOf } from './roles'

/**
 * Generated reports: admins, campaign managers and viewers read every one (the province's reports
 * and every export); editors and contributors only the exports of their own unit's figures.
 */
export const readGeneratedReports: Access = ({ req }) => {
  if (!req.user) return false
  if (hasRole(req.user, ...READ_ALL_ROLES)) return true
  const unit = unitIdOf(req.user)
  return unit ? { unit: { equals: unit } } : false
}
