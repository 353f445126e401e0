import crypto from 'node:crypto'
import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

/** A random, unguessable check-in code (10 url-safe characters, 60 bits). */
export const newCheckInCode = () => crypto.randomBytes(8).toString('base64url').slice(0, 10)

/** Every event keeps one check-in code from its first save on (its QR code stays valid). */
export const giveCheckInCode: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const code = data.checkIn?.code || originalDoc?.checkIn?.code || newCheckInCode()
  return { ...data, checkIn: { ...data.checkIn, code } }
}

/** An event's check-ins go with it (their event column cannot be empty). */
export const dropCheckIns: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({
    collection: 'event-check-ins',
    where: { event: { equals: id } },
    overrideAccess: true,
    req,
  })
}
