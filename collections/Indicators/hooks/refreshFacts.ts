import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  PayloadRequest,
  RequestContext,
} from 'payload'
import { rebuildAllFacts } from '@/reporting/indicators/facts'

/** A changed indicator (its sides, its unit kinds) changes every unit's facts: rebuild them in the same transaction. */
const rebuild = async (req: PayloadRequest, context: RequestContext) => {
  // The seed writes many indicators and rebuilds once at the end.
  if (!context?.skipFactRebuild) await rebuildAllFacts(req.payload, req)
}

export const refreshFactsAfterChange: CollectionAfterChangeHook = async ({ req, context, doc }) => {
  await rebuild(req, context)
  return doc
}
export const refreshFactsAfterDelete: CollectionAfterDeleteHook = async ({ req, context, doc }) => {
  await rebuild(req, context)
  return doc
}
