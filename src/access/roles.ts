export const ROLES = ['admin', 'campaign-manager', 'editor', 'contributor', 'viewer'] as const
export type Role = (typeof ROLES)[number]

/** The shape of a logged-in user as access functions see it. */
export type AppUser = {
  id: string | number
  role?: Role | null
  unit?: string | number | { id: string | number } | null
  collection?: string
}

export const asUser = (user: unknown): AppUser | null => (user ? (user as AppUser) : null)

export const hasRole = (user: unknown, ...roles: Role[]) => {
  const u = asUser(user)
  return !!u?.role && roles.includes(u.role)
}

/** The id of the user's unit, whether the relation came populated or not. */
export const unitIdOf = (user: unknown): string | number | null => {
  const unit = asUser(user)?.unit
  if (unit == null) return null
  return typeof unit === 'object' ? unit.id : unit
}

/** Roles that reach every unit's content. */
export const isCrossUnit = (user: unknown) => hasRole(user, 'admin', 'campaign-manager')
