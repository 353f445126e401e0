import type { Access, CollectionConfig, FieldAccess, Where } from 'payload'
import { isAdmin } from '@/access/isAdmin'
import { hasRole } from '@/access/roles'
import { l } from '@/lib/i18n'
import {
  EmailPreference,
  emailPreferences,
  Role,
  roles,
  SUBTREE_ROLES,
  UNIT_ROLES,
} from '@/vocabulary'
import { auditFailedLogin, auditLogin } from './hooks/auditLogins'
import { LIST_SEARCH_SOURCES, withListSearch } from '@/fields/listSearch'

const adminOrSelfOf = (user: { id: string | number } | null): boolean | Where => {
  if (!user) return false
  if (hasRole(user, Role.Admin)) return true
  return { id: { equals: user.id } }
}
const adminOrSelf: Access = ({ req }) => adminOrSelfOf(req.user)
const readUsers: Access = ({ req }) =>
  hasRole(req.user, Role.CampaignManager) ? true : adminOrSelfOf(req.user)
const adminField: FieldAccess = ({ req }) => hasRole(req.user, Role.Admin)

/** Only admins manage accounts; everyone may change their own name and password. */
const config: CollectionConfig<'users'> = {
  slug: 'users',
  labels: { singular: l('Người dùng', 'User'), plural: l('Người dùng', 'Users') },
  auth: {
    maxLoginAttempts: Number(process.env.LOGIN_MAX_ATTEMPTS || 5),
    lockTime: Number(process.env.LOGIN_LOCK_MINUTES || 15) * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
  },
  admin: {
    useAsTitle: 'fullName',
    defaultColumns: ['fullName', 'email', 'role', 'unit'],
    group: l('Quản trị', 'Administration'),
  },
  access: {
    read: readUsers,
    create: isAdmin,
    update: adminOrSelf,
    delete: isAdmin,
    admin: ({ req }) => !!req.user,
  },
  hooks: { afterLogin: [auditLogin], afterError: [auditFailedLogin] },
  fields: [
    {
      name: 'fullName',
      type: 'text',
      required: true,
      maxLength: 120,
      label: l('Họ và tên', 'Full name'),
    },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: Role.Viewer,
      options: roles.options,
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
        value
          ? true
          : UNIT_ROLES.includes(siblingData?.role as Role)
            ? 'Biên tập viên và cộng tác viên phải thuộc một đơn vị.'
            : SUBTREE_ROLES.includes(siblingData?.role as Role)
              ? 'Lãnh đạo đơn vị phải thuộc một đơn vị (đơn vị mình xem và duyệt các đơn vị trực thuộc).'
              : true,
    },
    {
      name: 'reviewer',
      type: 'checkbox',
      defaultValue: false,
      saveToJWT: true,
      access: { create: adminField, update: adminField },
      label: l(
        'Duyệt bài của đơn vị (thư ký tòa soạn, tổng biên tập)',
        'Reviews the unit’s content',
      ),
      admin: {
        description: l(
          'Chỉ có tác dụng với biên tập viên: duyệt (xuất bản) hoặc yêu cầu sửa bài cộng tác viên, biên tập viên của đơn vị gửi duyệt.',
          'Editors only: approves or sends back what the unit submits for review.',
        ),
      },
    },
    {
      name: 'notificationEmail',
      type: 'select',
      defaultValue: EmailPreference.Immediate,
      options: emailPreferences.options,
      label: l('Nhận thư thông báo', 'Notification emails'),
      admin: {
        description: l(
          'Thông báo luôn hiện ở biểu tượng chuông; chọn cách nhận thêm qua thư điện tử.',
          'Notifications always show under the bell; this is for email.',
        ),
      },
    },
  ],
}

/** The list's search folds Vietnamese (src/fields/listSearch.ts). */
export const Users = withListSearch(config, LIST_SEARCH_SOURCES.users, {
  vi: 'họ tên, email',
  en: 'name, email',
})
