import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  Payload,
  PayloadRequest,
  Plugin,
} from 'payload'
import { appendHooks, forCollections } from '@/lib/plugins'
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
 * The plugin: after a change in a collection a rollup source watches, the months of the old and
 * the new version are marked dirty; after a deletion, the months of the deleted document. The
 * config names the collections; they must be exactly those the sources watch
 * (src/reporting/sources), so that neither side can drift from the other.
 */
export const rollupTracking = ({ collections }: { collections: readonly string[] }): Plugin => {
  const watched: string[] = [...new Set(SOURCES.flatMap((s) => s.watches.map((w) => w.collection)))]
  const unnamed = watched.filter((c) => !collections.includes(c))
  const unwatched = collections.filter((c) => !watched.includes(c))
  if (unnamed.length || unwatched.length)
    throw new Error(
      `rollupTracking: the sources watch ${watched.join(', ')}` +
        (unnamed.length ? `; not named: ${unnamed.join(', ')}` : '') +
        (unwatched.length ? `; named but not watched: ${unwatched.join(', ')}` : ''),
    )
  return forCollections('rollupTracking', collections, (collection) => {
    const tracked: Tracked[] = SOURCES.flatMap((source) =>
      source.watches
        .filter((w) => w.collection === collection.slug)
        .map((watch) => ({ source: source.name, watch })),
    )
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
    return appendHooks(collection, { afterChange: [afterChange], afterDelete: [afterDelete] })
  })
}
