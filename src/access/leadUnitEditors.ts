import type { Access } from 'payload'
import { Role } from '@/vocabulary'
import { hasRole, isCrossUnit, unitIdOf } from './roles'

/**
 * Update a task's progress: admins and campaign managers any; an editor the progress of the tasks
 * their unit leads (coordinating units only read it). Create is checked the same way by the
 * progress hook, which knows the task's lead unit (collections/TaskProgress/hooks/fromTask.ts).
 */
export const leadUnitEditors: Access = ({ req }) => {
  if (isCrossUnit(req.user)) return true
  const unit = unitIdOf(req.user)
  return hasRole(req.user, Role.Editor) && unit ? { leadUnit: { equals: unit } } : false
}
