import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import { relationId } from '@/lib/relation'
import { loadCatalogue } from '@/reporting/indicators/catalogue'
import { enteredValues, factsOf, writeFacts } from '@/reporting/indicators/facts'
import type { UnitKind } from '@/vocabulary'

const sameValues = (a: unknown, b: unknown) =>
  JSON.stringify(enteredValues(a as never)) === JSON.stringify(enteredValues(b as never))

/** The form's facts, in its transaction: the panel sums them. A status change leaves them as they are. */
export const writeFormFacts: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation === 'update' && sameValues(doc, previousDoc)) return doc
  const unit = relationId(doc.ownerUnit)!
  const [{ indicators }, u] = await Promise.all([
    loadCatalogue(req.payload, req),
    req.payload.findByID({ collection: 'units', id: unit, depth: 0, overrideAccess: true, req }),
  ])
  await writeFacts(
    req.payload,
    unit,
    doc.year,
    factsOf(indicators, unit, u.kind as UnitKind, doc.year, enteredValues(doc)),
    req,
  )
  return doc
}

export const deleteFormFacts: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await writeFacts(req.payload, relationId(doc.ownerUnit)!, doc.year, [], req)
  return doc
}
