import { foldText } from './fold'
import { lexicalText } from './item'

const str = (v: unknown) => (typeof v === 'string' ? v : '')

/**
 * The folded text a reader may search an item by: title, summary (sapo, description, alt text),
 * body, long description, venue, byline and tags, whichever of these the item's kind has.
 */
export function searchTextOf(doc: Record<string, unknown>): string {
  const rich = (v: unknown) => (v && typeof v === 'object' ? lexicalText(v) : str(v))
  return foldText(
    [
      str(doc.title),
      str(doc.sapo),
      rich(doc.description),
      rich(doc.body),
      str(doc.alt),
      str(doc.longDescription),
      str(doc.venue),
      str(doc.byline),
      ...(Array.isArray(doc.tags) ? doc.tags.map(str) : []),
    ].join(' '),
  )
}
