import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionConfig,
  Payload,
  PayloadRequest,
} from 'payload'
import { SOURCES } from './sources'
import type { DirtyMark, Watch, WatchArgs } from './sources/types'
import type { RollupSource } from '@/vocabulary'

const markId = (m: DirtyMark) => `${m.year}|${m.month}|${m.source}`

/** Writes the marks (deduplicated) in the request's transaction, so a rolled-back change leaves none. */
export async function markDirty(
  payload: Payload,
  marks: DirtyMark[],
  req?: PayloadRequest,
): Promise<void> {
  const unique = new Map(
    marks
      .filter((m) => Number.isInteger(m.year) && Number.isInteger(m.month))
      .map((m) => [markId(m), m]),
  )
  for (const m of unique.values()) {
    await payload.create({
      collection: 'rollup-dirty',
      data: { year: m.year, month: m.month, source: m.source },
      overrideAccess: true,
      req,
      depth: 0,
    })
  }
}

type Tracked = { source: RollupSource; watch: Watch }

async function marksFor(tracked: Tracked[], args: WatchArgs) {
  const marks: DirtyMark[] = []
  for (const { source, watch } of tracked) {
    if (
      args.operation === 'update' &&
      args.previousDoc &&
      watch.relevant &&
      !watch.relevant(args.doc, args.previousDoc)
    )
      continue
    for (const version of [args.doc, args.previousDoc])
      if (version) marks.push(...watch.months(version).map((m) => ({ ...m, source })))
    if (watch.related) marks.push(...(await watch.related(args)))
  }
  return marks
}

/**
 * Adds the dirty-marking hooks to every collection a rollup source watches: after a change, the
 * months of the old and the new version; after a deletion, the months of the deleted document.
 * Sources declare what they watch; nothing else needs to know.
 */
export function trackRollupChanges(collections: CollectionConfig[]): CollectionConfig[] {
  return collections.map((collection) => {
    const tracked: Tracked[] = SOURCES.flatMap((source) =>
      source.watches
        .filter((w) => w.collection === collection.slug)
        .map((watch) => ({ source: source.name, watch })),
    )
    if (!tracked.length) return collection
    const afterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req, operation }) => {
      const previous = operation === 'update' ? previousDoc : undefined
      await markDirty(
        req.payload,
        await marksFor(tracked, {
          payload: req.payload,
          operation,
          doc,
          previousDoc: previous,
          req,
        }),
        req,
      )
      return doc
    }
    const afterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
      await markDirty(
        req.payload,
        await marksFor(tracked, { payload: req.payload, operation: 'delete', doc, req }),
        req,
      )
    }
    const hooks = collection.hooks ?? {}
    return {
      ...collection,
      hooks: {
        ...hooks,
        afterChange: [...(hooks.afterChange ?? []), afterChange],
        afterDelete: [...(hooks.afterDelete ?? []), afterDelete],
      },
    }
  })
}
