import type { CollectionBeforeChangeHook } from 'payload'
import { newFormCode } from '@/publicForms/code'

/** Every event keeps one check-in code from its first save on (its QR code stays valid). */
export const giveCheckInCode: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const code = data.checkIn?.code || originalDoc?.checkIn?.code || newFormCode()
  return { ...data, checkIn: { ...data.checkIn, code } }
}
