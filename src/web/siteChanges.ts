import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  Payload,
  PayloadRequest,
  Plugin,
} from 'payload'
import { appendHooks, forCollections } from '@/lib/plugins'
import { DocStatus } from '@/vocabulary'

export const SITE_CHANGES = 'site-changes'

type Listener = (source: string) => void
// On globalThis: Next's server bundle may load its own copy of this module (the hooks then run
// from that copy), and the page cache of the Express server must still hear them.
const LISTENERS = Symbol.for('campaign-cms.siteChangeListeners')
const listeners = (): Set<Listener> =>
  ((globalThis as Record<symbol, Set<Listener> | undefined>)[LISTENERS] ??= new Set())

/** Hears this process's changes at once (before their commit: the database poll is what guarantees freshness). */
export function onLocalSiteChange(listener: Listener): () => void {
  listeners().add(listener)
  return () => void listeners().delete(listener)
}

const MARKED = 'siteChangeMarkedIn'

/**
 * Records that a public page may have changed: one `site-changes` row, written in the request's
 * transaction when there is one (so other processes see the mark exactly when they can see the
 * change, and a rolled-back change leaves none), once per transaction. Without hooks: it is the
 * system's own bookkeeping.
 */
export async function markSiteChanged(
  payload: Payload,
  source: string,
  req?: Partial<PayloadRequest>,
): Promise<void> {
  for (const listener of listeners()) listener(source)
  const transaction = req?.transactionID instanceof Promise ? undefined : req?.transactionID
  if (req?.context && transaction !== undefined && req.context[MARKED] === transaction) return
  const now = new Date().toISOString()
  await payload.db.create({
    collection: SITE_CHANGES,
    data: { source, createdAt: now, updatedAt: now },
    req,
    returning: false,
  })
  if (req?.context && transaction !== undefined) req.context[MARKED] = transaction
}

type Versioned = { _status?: string | null }
/** A document that was and stays a draft was never on the public page (previews bypass the cache). */
const draftOnly = (doc: Versioned, previous?: Versioned) =>
  doc?._status === DocStatus.Draft && (!previous || previous._status === DocStatus.Draft)

/**
 * The plugin: after a change or a deletion in the named collections (whatever a public page
 * shows), a mark that empties every server's page cache.
 */
export const siteChanges = ({ collections }: { collections: readonly string[] }): Plugin =>
  forCollections('siteChanges', collections, (collection) => {
    const afterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
      if (!draftOnly(doc, operation === 'update' ? previousDoc : undefined))
        await markSiteChanged(req.payload, collection.slug, req)
      return doc
    }
    const afterDelete: CollectionAfterDeleteHook = async ({ req }) => {
      await markSiteChanged(req.payload, collection.slug, req)
    }
    return appendHooks(collection, { afterChange: [afterChange], afterDelete: [afterDelete] })
  })

export type SiteChangeWatch = { stop: () => void }

export type WatchOptions = {
  /** How often the marks are read (the freshness goal is 5 s). */
  intervalMs?: number
  /** Marks younger than this are compared: more than any transaction or clock skew between machines lasts. */
  windowMs?: number
  /** Marks older than this are deleted. */
  keepMs?: number
}

export type WatchCallbacks = {
  /** A mark appeared that the last read did not hold (or reading works again after a failure). */
  onChange: () => void
  /** Reading the marks failed (false) or works again (true): without them nothing may be served from memory. */
  onHealth: (ok: boolean) => void
}

/**
 * Reads the recent marks every `intervalMs` and calls `onChange` when one appeared that the last
 * read did not hold. Ids are compared, not a count or the newest id: a transaction that began
 * first may commit last, so its mark can appear below newer ones. The first read happens before
 * this resolves, so nothing is cached before the baseline is known.
 */
export async function pollSiteChanges(
  payload: Payload,
  { onChange, onHealth }: WatchCallbacks,
  { intervalMs = 1000, windowMs = 2 * 60_000, keepMs = 60 * 60_000 }: WatchOptions = {},
): Promise<SiteChangeWatch> {
  let seen: Set<string> | undefined
  let ok = true
  let stopped = false
  let polls = 0
  const read = async () => {
    const since = new Date(Date.now() - windowMs).toISOString()
    const { docs } = await payload.find({
      collection: SITE_CHANGES,
      where: { createdAt: { greater_than: since } },
      pagination: false,
      depth: 0,
      select: {},
      overrideAccess: true,
    })
    return new Set(docs.map((d) => String(d.id)))
  }
  const poll = async () => {
    try {
      const ids = await read()
      const changed = !seen || [...ids].some((id) => !seen!.has(id))
      seen = ids
      if (!ok) {
        ok = true
        onHealth(true)
      }
      if (changed) onChange()
    } catch (err) {
      // What changed meanwhile is unknown: the next successful read counts as a change.
      seen = undefined
      if (ok) {
        payload.logger.warn(
          `[page-cache] Không đọc được dấu thay đổi nội dung, tạm ngừng bộ nhớ đệm trang: ${(err as Error).message}`,
        )
        ok = false
        onHealth(false)
      }
    }
    // About once a minute, the old marks go (any process may do it; deleting twice is harmless).
    if (++polls % 60 === 0)
      await payload.db
        .deleteMany({
          collection: SITE_CHANGES,
          where: { createdAt: { less_than: new Date(Date.now() - keepMs).toISOString() } },
        })
        .catch(() => undefined)
  }
  await poll()
  let timer: NodeJS.Timeout | undefined
  const loop = () => {
    timer = setTimeout(async () => {
      await poll()
      if (!stopped) loop()
    }, intervalMs)
    timer.unref()
  }
  loop()
  return {
    stop: () => {
      stopped = true
      clearTimeout(timer)
    },
  }
}
