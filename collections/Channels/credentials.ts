import type { Field, FieldAccess, FieldHook } from 'payload'
import { hasRole } from '../../src/access/roles'
import { l } from '../../src/lib/i18n'
import { decryptSecret, encryptSecret, isEncrypted } from '../../src/lib/secrets'

const adminOnly: FieldAccess = ({ req }) => hasRole(req.user, 'admin')

const encrypt: FieldHook = ({ value, originalDoc, field }) => {
  if (value === undefined) return value
  if (value === '' || value === null) return null
  if (isEncrypted(value)) return value
  // The admin shows a saved secret as "••••": saving the form unchanged keeps the stored one.
  if (value === MASK) return (originalDoc as Record<string, Record<string, unknown>> | undefined)?.credentials?.[field.name!] ?? null
  return encryptSecret(String(value))
}

const MASK = '••••••••'

/** Admins see a mask in the UI; internal reads (the dispatcher, overrideAccess) get the plain value. */
const decrypt: FieldHook = ({ value, req }) => {
  if (!isEncrypted(value)) return value
  if (req.user && req.payloadAPI !== 'local') return MASK
  return decryptSecret(value)
}

const secret = (name: string, vi: string, en: string): Field => ({
  name,
  type: 'text',
  label: l(vi, en),
  access: { read: adminOnly, create: adminOnly, update: adminOnly },
  hooks: { beforeChange: [encrypt], afterRead: [decrypt] },
})

/** Tokens and signing secrets: encrypted at rest, readable by no one but admins through any API. */
export const credentialsField: Field = {
  name: 'credentials',
  type: 'group',
  label: l('Thông tin xác thực (chỉ quản trị viên)', 'Credentials (admins only)'),
  access: { read: adminOnly, create: adminOnly, update: adminOnly },
  fields: [
    secret('accessToken', 'Mã truy cập (access token)', 'Access token'),
    secret('signingSecret', 'Khoá ký HMAC (webhook)', 'HMAC signing secret'),
  ],
}
