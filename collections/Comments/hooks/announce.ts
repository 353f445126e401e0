import type { CollectionAfterChangeHook } from 'payload'
import { commentMentionEvents } from '@/comments/events'
import { sendEvents } from '@/commissions/events'
import type { Comment } from '@/payload-types'

/** Tells each person mentioned in a new comment (see src/commissions/events.ts). */
export const announceMentions: CollectionAfterChangeHook<Comment> = async ({
  doc,
  operation,
  req,
}) => {
  if (operation !== 'create') return doc
  const events = commentMentionEvents(doc)
  if (events.length) await sendEvents(req.payload, events, req)
  return doc
}
