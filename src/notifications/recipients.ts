import type { Payload, PayloadRequest, Where } from 'payload'
import { Role } from '@/vocabulary'

/** The ids of the users a query finds (system read: the recipients are not the asker). */
export async function usersWhere(
  payload: Payload,
  where: Where,
  req?: PayloadRequest,
): Promise<string[]> {
  const found = await payload.find({
    collection: 'users',
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    where,
    select: { email: true },
    req,
  })
  return found.docs.map((u) => String(u.id))
}

/** A unit's editors: who writes and publishes for it, and who reads its reminders. */
export const unitEditors = (
  payload: Payload,
  unit: string | null | undefined,
  req?: PayloadRequest,
): Promise<string[]> =>
  unit
    ? usersWhere(
        payload,
        { and: [{ unit: { equals: unit } }, { role: { equals: Role.Editor } }] },
        req,
      )
    : Promise.resolve([])

/** Everyone holding one of the roles. */
export const withRoles = (payload: Payload, roles: readonly Role[], req?: PayloadRequest) =>
  usersWhere(payload, { role: { in: [...roles] } }, req)
