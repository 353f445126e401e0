import crypto from 'node:crypto'
import type { ContentItem } from './item'

/** What an approver saw: changes to any of it after approval send the publication back for approval. */
export function contentFingerprint(item: ContentItem): string {
  const { title, summary, text, imageUrl, videoUrl, startsAt, endsAt, venue, slug } = item
  return crypto
    .createHash('sha256')
    .update(
      JSON.stringify({ title, summary, text, imageUrl, videoUrl, startsAt, endsAt, venue, slug }),
    )
    .digest('hex')
}
