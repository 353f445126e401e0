import type { Access, CollectionConfig, FieldAccess } from 'payload'
import { isAdmin } from '@/access/isAdmin'
import { hasRole } from '@/access/roles'
import { l, options } from '@/lib/i18n'

export const ROLE_OPTIONS = [
  ['admin', 'Quản trị hệ thống', 'Administrator'],
  ['campaign-manager', 'Quản lý chiến dịch (Sở TT&TT)', 'Campaign manager'],
  ['editor', 'Biên tập viên', 'Editor'],
  ['contributor', 'Cộng tác viên', 'Contributor'],
  ['viewer', 'Người xem', 'Viewer'],
] as const

const adminOrSelf: Access = ({ req }) => {
  if (!req.user) return false
  if (hasRole(req.user, 'admin')) return true
  return { id: { equals: req.user.id } }
}
const readUsers: Access = ({ req }) => (hasRole(req.user, 'campaign-manager') ? true : adminOrSelf({ req } as never))
const adminField: FieldAccess = ({ req }) => hasRole(req.user, 'admin')

/** Only admins manage accounts; everyone may change their own name and password. */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: l('Người dùng', 'User'), plural: l('Người dùng', 'Users') },
  auth: {
    maxLoginAttempts: Number(process.env.LOGIN_MAX_ATTEMPTS || 5),
    lockTime: Number(process.env.LOGIN_LOCK_MINUTES || 15) * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
  },
  admin: { useAsTitle: 'fullName', defaultColumns: ['fullName', 'email', 'role', 'unit'], group: l('Quản trị', 'Administration') },
  access: { read: readUsers, create: isAdmin, update: adminOrSelf, delete: isAdmin, admin: ({ req }) => !!req.user },
  fields: [
    { name: 'fullName', type: 'text', required: true, maxLength: 120, label: l('Họ và tên', 'Full name') },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'viewer',
      options: options(ROLE_OPTIONS),
      label: l('Vai trò', 'Role'),
      saveToJWT: true,
      access: { create: adminField, update: adminField },
    },
    {
      name: 'unit',
      type: 'relationship',
      relationTo: 'units',
      label: l('Đơn vị', 'Unit'),
      saveToJWT: true,
      access: { create: adminField, update: adminField },
      validate: (value: unknown, { siblingData }: { siblingData: { role?: string } }) =>
        !value && ['editor', 'contributor'].includes(siblingData?.role ?? '')
          ? 'Biên tập viên và cộng tác viên phải thuộc một đơn vị.'
          : true,
    },
  ],
}
