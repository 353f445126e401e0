import type { CollectionBeforeChangeHook, Field, FieldAccess, FieldHook } from 'payload'
import { hasRole } from '@/access/roles'
import { CHANGED_SECRETS } from '@/audit/hooks'
import { OAUTH_REFRESH_KINDS, Role } from '@/vocabulary'
import { l } from '@/lib/i18n'
import { decryptSecret, encryptSecret, isEncrypted } from '@/lib/secrets'

const adminOnly: FieldAccess = ({ req }) => hasRole(req.user, Role.Admin)

const encrypt: FieldHook = ({ value, originalDoc, field }) => {
  if (value === undefined) return value
  if (value === '' || value === null) return null
  if (isEncrypted(value)) return value
  // The admin shows a saved secret as "••••": saving the form unchanged keeps the stored one.
  if (value === MASK)
    return (
      (originalDoc as Record<string, Record<string, unknown>> | undefined)?.credentials?.[
        field.name!
      ] ?? null
    )
  return encryptSecret(String(value))
}

const MASK = '••••••••'

/** Admins see a mask in the UI; internal reads (the dispatcher, overrideAccess) get the plain value. */
const decrypt: FieldHook = ({ value, req }) => {
  if (!isEncrypted(value)) return value
  if (req.user && req.payloadAPI !== 'local') return MASK
  return decryptSecret(value)
}

const refreshable = (data: Record<string, unknown>) =>
  OAUTH_REFRESH_KINDS.includes(data?.kind as (typeof OAUTH_REFRESH_KINDS)[number])

const secret = (name: string, vi: string, en: string, extra: Partial<Field> = {}): Field =>
  ({
    name,
    type: 'text',
    label: l(vi, en),
    access: { read: adminOnly, create: adminOnly, update: adminOnly },
    hooks: { beforeChange: [encrypt], afterRead: [decrypt] },
    ...extra,
  }) as Field

/** Tokens and signing secrets: encrypted at rest, readable by no one but admins through any API. */
export const credentialsField: Field = {
  name: 'credentials',
  type: 'group',
  label: l('Thông tin xác thực (chỉ quản trị viên)', 'Credentials (admins only)'),
  access: { read: adminOnly, create: adminOnly, update: adminOnly },
  fields: [
    secret('accessToken', 'Mã truy cập (access token)', 'Access token'),
    {
      // Written by the YouTube and TikTok adapters with each token they obtain; a pasted token has no known expiry.
      name: 'accessTokenExpiresAt',
      type: 'date',
      label: l('Mã truy cập hết hạn lúc', 'Access token expires at'),
      admin: { condition: refreshable, readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    secret('signingSecret', 'Khoá ký HMAC (webhook)', 'HMAC signing secret'),
    // OAuth 2.0 refresh (YouTube, TikTok): with these three the adapter gets a new access token by itself.
    {
      name: 'clientId',
      type: 'text',
      label: l(
        'Client ID của ứng dụng OAuth (Google: client ID; TikTok: client key)',
        'OAuth client ID (TikTok: client key)',
      ),
      admin: { condition: refreshable },
    },
    secret('clientSecret', 'Client secret của ứng dụng OAuth', 'OAuth client secret', {
      admin: { condition: refreshable },
    }),
    secret('refreshToken', 'Mã làm mới (refresh token)', 'Refresh token', {
      admin: {
        condition: refreshable,
        description: l(
          'Có mã này, kênh tự lấy mã truy cập mới khi mã cũ hết hạn.',
          'With it, the channel gets a new access token when the old one expires.',
        ),
      },
    }),
  ],
}

const sameTime = (a: unknown, b: unknown) =>
  (a ? new Date(String(a)).getTime() : null) === (b ? new Date(String(b)).getTime() : null)

/**
 * An access token an admin pastes comes without its expiry: keeping the old token's expiry would
 * make the adapter throw the new token away and refresh at once. A token written together with a
 * new expiry (the adapter's refresh) keeps it.
 */
export const forgetExpiryOfReplacedToken: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const next = data?.credentials
  const before = originalDoc?.credentials ?? {}
  if (
    !next ||
    next.accessToken === undefined ||
    next.accessToken === MASK ||
    isEncrypted(next.accessToken)
  )
    return data
  if (next.accessToken === before.accessToken) return data
  if (
    next.accessTokenExpiresAt === undefined ||
    sameTime(next.accessTokenExpiresAt, before.accessTokenExpiresAt)
  )
    next.accessTokenExpiresAt = null
  return data
}

/** The credentials people set (the expiry is the adapter's). */
const PEOPLES_CREDENTIALS = [
  'accessToken',
  'signingSecret',
  'clientId',
  'clientSecret',
  'refreshToken',
]

const isEmpty = (v: unknown) => v === undefined || v === null || v === ''

/**
 * Names the credentials this change sets or clears, for the audit trail (src/audit/hooks.ts): it
 * runs before the fields encrypt, while a newly typed secret is still plain text; a mask or an
 * encrypted value is the stored one passed back unchanged. Only names travel, never a value.
 */
export const noteCredentialChanges: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const next = data?.credentials as Record<string, unknown> | undefined
  const before = (originalDoc?.credentials ?? {}) as Record<string, unknown>
  if (!next) return data
  const changed = PEOPLES_CREDENTIALS.filter((name) => {
    const value = next[name]
    if (value === undefined || value === MASK || isEncrypted(value)) return false
    if (isEmpty(value)) return !isEmpty(before[name])
    return value !== before[name]
  })
  if (changed.length) req.context[CHANGED_SECRETS] = changed.map((name) => `credentials.${name}`)
  return data
}
