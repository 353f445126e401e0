import type { WorkflowEvent } from '@/commissions/events'
import { relationId } from '@/lib/relation'
import type { Comment } from '@/payload-types'

/** One "mentioned" event per person named in a new comment (not the writer mentioning themselves). */
export function commentMentionEvents(doc: Comment): WorkflowEvent[] {
  const author = relationId(doc.author) ?? undefined
  const ref = doc.doc as { relationTo: string; value: unknown }
  return (doc.mentions ?? [])
    .map((m) => String(relationId(m)))
    .filter((user) => user !== author)
    .map((user) => ({
      type: 'comment-mention' as const,
      key: `comment-mention:${doc.id}:${user}`,
      comment: String(doc.id),
      doc: { relationTo: ref.relationTo, value: String(relationId(ref.value)) },
      to: { user },
      by: author,
    }))
}
