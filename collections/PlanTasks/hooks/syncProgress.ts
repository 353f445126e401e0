import type { CollectionAfterChangeHook, CollectionBeforeDeleteHook } from 'payload'
import { relationId } from '@/lib/relation'

const ids = (v: unknown) =>
  (Array.isArray(v) ? v : [])
    .map(relationId)
    .filter((x): x is string => !!x)
    .sort()

/**
 * A task's progress rows carry its lead and coordinating units and campaign (their access rules
 * read them): when the task's units change, its rows follow.
 */
export const syncProgress: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation !== 'update') return doc
  const lead = relationId(doc.leadUnit)
  const coordinating = ids(doc.coordinatingUnits)
  if (
    lead === relationId(previousDoc?.leadUnit) &&
    JSON.stringify(coordinating) === JSON.stringify(ids(previousDoc?.coordinatingUnits))
  )
    return doc
  await req.payload.update({
    collection: 'task-progress',
    where: { task: { equals: doc.id } },
    data: { leadUnit: lead, coordinatingUnits: coordinating },
    overrideAccess: true,
    req,
  })
  return doc
}

/** A task's progress and reminders go with it. */
export const deleteProgress: CollectionBeforeDeleteHook = async ({ id, req }) => {
  for (const collection of ['task-progress', 'task-reminders'] as const)
    await req.payload.delete({
      collection,
      where: { task: { equals: id } },
      overrideAccess: true,
      req,
    })
}
