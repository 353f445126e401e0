import { AUTHOR_ROLES, CROSS_UNIT_ROLES, type Role } from '@/vocabulary'

/** The shape of a logged-in user as access functions see it. */
export type AppUser = {
  id: string | number
  role?: Role | null
  unit?: string | number | { id: string | number } | null
  collection?: string
}

export const asUser = (user: unknown): AppUser | null => (user ? (user as AppUser) : null)

export const hasRole = (user: unknown, ...roles: readonly Role[]) => {
  const u = asUser(user)
  return !!u?.role && roles.includes(u.role)
}

/** The id of the user's unit, whether the relation came populated or not. */
export const unitIdOf = (user: unknown): string | number | null => {
  const unit = asUser(user)?.unit
  if (unit == null) return null
  return typeof unit === 'object' ? unit.id : unit
}

/** Admins and campaign managers: they reach every unit's documents and approve other units' publications. */
export const isCrossUnit = (user: unknown) => hasRole(user, ...CROSS_UNIT_ROLES)

/** Everyone but viewers writes content; which unit they may write for is checked elsewhere. */
export const isAuthorRole = (user: unknown) => hasRole(user, ...AUTHOR_ROLES)
