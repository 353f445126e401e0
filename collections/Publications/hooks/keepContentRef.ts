import type { CollectionBeforeChangeHook } from 'payload'
import { contentRef } from '@/content/item'
import type { Publication } from '@/payload-types'

/**
 * Copies the content link's kind and id into plain columns on every save (the dispatcher's too):
 * the rollup reads a publication's type and content from its own row instead of joining
 * publications_rels for each of a million rows. They stay after the content is deleted, like the title.
 */
export const keepContentRef: CollectionBeforeChangeHook<Publication> = ({ data, originalDoc }) => {
  const ref = contentRef(data.content ?? originalDoc?.content)
  if (ref) {
    data.contentKind = ref.kind
    data.contentId = ref.id
  }
  return data
}
