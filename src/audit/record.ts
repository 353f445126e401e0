import type { Payload, PayloadRequest } from 'payload'
import { asUser, unitIdOf } from '@/access/roles'
import { relationId, sameId } from '@/lib/relation'
import type { AuditAction } from '@/vocabulary'

/**
 * The client's address as Express resolved it behind the trusted proxy (`trust proxy`). The server
 * overwrites this request header on every request, so a client cannot forge it; Payload's hooks read it.
 */
export const CLIENT_ADDRESS_HEADER = 'x-campaign-client-address'

export type AuditEntry = {
  action: AuditAction
  /** The user who acted; for a failed login, the account the attempt named, if it exists. */
  user?: unknown
  /** The email to show, when there is no user record (a failed login with an unknown email). */
  email?: string | null
  collection?: string
  documentId?: string | number | null
  documentTitle?: string | null
  documentUnit?: unknown
  summary?: string
  changedFields?: string[]
  /**
   * The document this operation deletes: an entry cannot link to it (an admin deleting their own
   * account or unit); the email and the document's id and title still say who and what.
   */
  deleted?: { collection: string; id: string | number }
  /** The client's address; read from the request's header when not given. */
  clientAddress?: string | null
}

/**
 * Writes one audit entry. With `req`, the entry joins the request's transaction, so an operation
 * that is rolled back leaves no entry. Any code may call it (downloads, endpoints, scripts).
 */
export async function recordAudit(
  payload: Payload,
  entry: AuditEntry,
  req?: PayloadRequest,
): Promise<void> {
  const user = asUser(entry.user)
  const email = entry.email ?? (entry.user as { email?: string } | undefined)?.email ?? null
  const gone = (collection: string, id: unknown) =>
    entry.deleted?.collection === collection && sameId(entry.deleted.id, id)
  const link = (collection: string, id: unknown) => (gone(collection, id) ? null : relationId(id))
  await payload.create({
    collection: 'audit-log',
    overrideAccess: true,
    depth: 0,
    req,
    data: {
      at: new Date().toISOString(),
      action: entry.action,
      user: link('users', user?.id),
      userEmail: email,
      unit: link('units', unitIdOf(user)),
      documentUnit: link('units', entry.documentUnit),
      documentCollection: entry.collection ?? null,
      documentId: entry.documentId == null ? null : String(entry.documentId),
      documentTitle: entry.documentTitle ?? null,
      summary: entry.summary ?? null,
      changedFields: entry.changedFields?.length ? entry.changedFields : null,
      clientAddress: entry.clientAddress ?? req?.headers?.get(CLIENT_ADDRESS_HEADER) ?? null,
    },
  })
}
