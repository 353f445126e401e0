import { l, vocabulary } from './define'

export const Role = {
  Admin: 'admin',
  CampaignManager: 'campaign-manager',
  Editor: 'editor',
  Contributor: 'contributor',
  Viewer: 'viewer',
  UnitManager: 'unit-manager',
} as const
export type Role = (typeof Role)[keyof typeof Role]

export const roles = vocabulary<Role>({
  admin: l('Quản trị hệ thống', 'Administrator'),
  'campaign-manager': l('Quản lý chiến dịch (Sở TT&TT)', 'Campaign manager'),
  editor: l('Biên tập viên', 'Editor'),
  contributor: l('Cộng tác viên', 'Contributor'),
  viewer: l('Người xem', 'Viewer'),
  'unit-manager': l(
    'Lãnh đạo đơn vị (xem, duyệt các đơn vị trực thuộc)',
    'Unit manager (units below)',
  ),
})

export const ROLES = roles.values

/** Roles that reach every unit's documents (and approve other units' publications). */
export const CROSS_UNIT_ROLES: readonly Role[] = [Role.Admin, Role.CampaignManager]
/** Roles that read everything but write only where their role allows. */
export const READ_ALL_ROLES: readonly Role[] = [Role.Admin, Role.CampaignManager, Role.Viewer]
/** Roles that write content; which unit they may write for is checked elsewhere. */
export const AUTHOR_ROLES: readonly Role[] = [
  Role.Admin,
  Role.CampaignManager,
  Role.Editor,
  Role.Contributor,
]
/** Roles bound to one unit: they must belong to one, and write only its documents. */
export const UNIT_ROLES: readonly Role[] = [Role.Editor, Role.Contributor]
/** Roles that read (and approve the reports of) the units under their own unit: a subtree scope. */
export const SUBTREE_ROLES: readonly Role[] = [Role.UnitManager]
/**
 * Roles that may withdraw published content ("gỡ bài") and its publications: the item's own unit's
 * editors and unit managers (which unit is checked against the item), and Sở TT&TT for any unit.
 */
export const WITHDRAW_OWN_UNIT_ROLES: readonly Role[] = [Role.Editor, Role.UnitManager]
