import type { CollectionConfig } from 'payload'
import { isAdmin } from '@/access/isAdmin'
import { l } from '@/lib/i18n'
import { DATE_TIME_SECONDS_FORMAT, dateTimePicker } from '@/lib/time'
import { auditActions } from '@/vocabulary'

const system = { readOnly: true }
const nobody = () => false

/**
 * The audit trail: who did what and when. Entries are written only by `recordAudit`
 * (src/audit/record.ts, through overrideAccess); through REST, GraphQL and the admin, admins read
 * them and nobody creates, changes or deletes one. Old entries are removed by the worker after
 * AUDIT_RETENTION_DAYS (src/audit/retention.ts).
 */
export const AuditLog: CollectionConfig<'audit-log'> = {
  slug: 'audit-log',
  labels: {
    singular: l('Nhật ký thao tác', 'Audit entry'),
    plural: l('Nhật ký thao tác', 'Audit trail'),
  },
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['at', 'action', 'userEmail', 'documentCollection', 'documentTitle', 'summary'],
    group: l('Quản trị', 'Administration'),
    listSearchableFields: ['userEmail', 'documentTitle', 'documentId', 'summary'],
    pagination: { defaultLimit: 50 },
  },
  defaultSort: '-at',
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  // A document's own history (the edit view's link) and the retention purge read these.
  indexes: [{ fields: ['documentCollection', 'documentId', 'at'] }],
  timestamps: false,
  fields: [
    {
      name: 'at',
      type: 'date',
      required: true,
      index: true,
      label: l('Lúc', 'At'),
      admin: { ...system, date: dateTimePicker(DATE_TIME_SECONDS_FORMAT) },
    },
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      options: auditActions.options,
      label: l('Thao tác', 'Action'),
      admin: system,
    },
    {
      name: 'user',
      type: 'relationship',
      relationTo: 'users',
      label: l('Người thực hiện', 'User'),
      admin: system,
    },
    // Kept as text too: a failed login names no account, and a deleted account still shows who it was.
    { name: 'userEmail', type: 'text', label: l('Thư điện tử', 'Email'), admin: system },
    {
      name: 'unit',
      type: 'relationship',
      relationTo: 'units',
      index: true,
      label: l('Đơn vị người thực hiện', "User's unit"),
      admin: system,
    },
    {
      name: 'documentUnit',
      type: 'relationship',
      relationTo: 'units',
      label: l('Đơn vị của tài liệu', "Document's unit"),
      admin: system,
    },
    {
      name: 'documentCollection',
      type: 'text',
      label: l('Loại tài liệu', 'Collection'),
      admin: system,
    },
    { name: 'documentId', type: 'text', label: l('Mã tài liệu', 'Document id'), admin: system },
    { name: 'documentTitle', type: 'text', label: l('Tài liệu', 'Document'), admin: system },
    { name: 'summary', type: 'text', label: l('Nội dung', 'Summary'), admin: system },
    // Names of the fields that changed (never their values: a secret's name only).
    {
      name: 'changedFields',
      type: 'json',
      label: l('Trường đã đổi', 'Changed fields'),
      admin: system,
    },
    {
      name: 'clientAddress',
      type: 'text',
      label: l('Địa chỉ IP', 'Client address'),
      admin: system,
    },
  ],
}
