import type { CollectionAfterChangeHook } from 'payload'
import { commissionSavedEvents, sendEvents } from '@/commissions/events'
import type { Commission } from '@/payload-types'

/** Tells the assignee that a piece was commissioned from them (see src/commissions/events.ts). */
export const announceCommission: CollectionAfterChangeHook<Commission> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const events = commissionSavedEvents(doc, previousDoc, operation)
  if (events.length) await sendEvents(req.payload, events, req)
  return doc
}
