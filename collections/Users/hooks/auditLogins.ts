import {
  AuthenticationError,
  LockedAuth,
  type CollectionAfterErrorHook,
  type CollectionAfterLoginHook,
} from 'payload'
import { CLIENT_ADDRESS_HEADER, recordAudit } from '@/audit/record'
import { AuditAction } from '@/vocabulary'

/** A successful login, in the login's own transaction. */
export const auditLogin: CollectionAfterLoginHook = async ({ user, req }) => {
  await recordAudit(
    req.payload,
    {
      action: AuditAction.Login,
      user,
      collection: 'users',
      documentId: user.id,
      documentTitle: user.fullName ?? user.email,
    },
    req,
  )
  return user
}

/**
 * A refused login (wrong password, unknown email, locked account). Payload has no hook for a failed
 * login; its REST error handler runs this one, so the admin's and API clients' logins are covered
 * (GraphQL's loginUser is not: its errors do not pass here). The login's transaction is already
 * rolled back, so the entry is written on its own.
 */
export const auditFailedLogin: CollectionAfterErrorHook = async ({ error, req }) => {
  if (!(error instanceof AuthenticationError || error instanceof LockedAuth)) return
  if (!req.url || !new URL(req.url, 'http://localhost').pathname.endsWith('/login')) return
  const email = typeof req.data?.email === 'string' ? req.data.email.trim().toLowerCase() : ''
  const { docs } = email
    ? await req.payload.find({
        collection: 'users',
        where: { email: { equals: email } },
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
    : { docs: [] }
  const user = docs[0]
  await recordAudit(req.payload, {
    action: AuditAction.LoginFailed,
    user,
    email: email || null,
    collection: 'users',
    documentId: user?.id,
    documentTitle: user ? (user.fullName ?? user.email) : email || null,
    summary:
      error instanceof LockedAuth ? 'Tài khoản đang bị khoá' : 'Sai thư điện tử hoặc mật khẩu',
    clientAddress: req.headers?.get(CLIENT_ADDRESS_HEADER) ?? null,
  })
}
