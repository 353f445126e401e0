import { hasRole, isCrossUnit, unitIdOf } from '@/access/roles'
import { Role } from '@/vocabulary'

/** Who may schedule at all, mirroring the publications' create access (for showing links and forms). */
export const canSchedule = (user: unknown) =>
  isCrossUnit(user) || (hasRole(user, Role.Editor) && !!unitIdOf(user))
