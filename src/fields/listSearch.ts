import type {
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
  CollectionConfig,
  Payload,
  TextField,
  Where,
} from 'payload'
import { foldText } from '@/content/fold'
import { l } from '@/lib/i18n'

/**
 * The admin's list search, folded the Vietnamese way on both databases. Payload's list search is
 * an `or` of `like` on `admin.listSearchableFields` with the words as typed; SQLite's LIKE folds
 * ASCII letters only, so "CHUYỂN ĐỔI SỐ" (or its NFD form) would not find "chuyển đổi số". The
 * searched fields hold folded text (src/content/fold.ts) and the query's `like`/`contains` values on
 * them are folded before the query runs, so both sides compare plain ASCII.
 */

/** The where with every `like`/`contains` value on these fields folded (nested and/or included). */
export function foldWhere(where: Where, fields: ReadonlySet<string>): Where {
  const out: Where = {}
  for (const [key, value] of Object.entries(where)) {
    if ((key === 'and' || key === 'or') && Array.isArray(value))
      out[key] = value.map((w) => foldWhere(w as Where, fields))
    else if (fields.has(key.replace(/^version\./, '')) && value && typeof value === 'object') {
      const condition = { ...(value as Record<string, unknown>) }
      for (const op of ['like', 'contains'] as const)
        if (typeof condition[op] === 'string') condition[op] = foldText(condition[op] as string)
      out[key] = condition as Where[string]
    } else out[key] = value as Where[string]
  }
  return out
}

/** A beforeOperation hook folding the search values on `fields` in any query's where. */
export const foldListSearchQuery =
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any collection's hook
  (fields: string[]): CollectionBeforeOperationHook<any> =>
    ({ args }) => {
      const where = (args as { where?: Where }).where
      if (where && typeof where === 'object')
        (args as { where?: Where }).where = foldWhere(where, new Set(fields))
      return args
    }

/** The fields folded into `listSearch`, per collection (the content collections use `searchText`). */
export const LIST_SEARCH_SOURCES = {
  units: ['name', 'shortName'],
  users: ['fullName', 'email'],
  campaigns: ['name', 'planReference'],
} as const

const str = (v: unknown) => (typeof v === 'string' ? v : '')

/** The folded text of a document's searched fields, as `listSearch` stores it. */
export const listSearchOf = (doc: Record<string, unknown>, sources: readonly string[]) =>
  foldText(sources.map((s) => str(doc[s])).join(' '))

/**
 * Writes every row's `listSearch` through the adapter (no hooks). For MongoDB databases that held
 * these collections before the field existed (`npm run public-fields`; SQLite's migration
 * `*_list_search_backfill` does it itself). Returns how many rows of each were written.
 */
export async function refreshListSearch(payload: Payload): Promise<Record<string, number>> {
  const written: Record<string, number> = {}
  for (const [collection, sources] of Object.entries(LIST_SEARCH_SOURCES)) {
    const slug = collection as keyof typeof LIST_SEARCH_SOURCES
    written[slug] = 0
    const found = await payload.find({
      collection: slug,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    for (const doc of found.docs) {
      await payload.db.updateOne({
        collection: slug,
        id: doc.id,
        data: { listSearch: listSearchOf(doc as unknown as Record<string, unknown>, sources) },
        returning: false,
      })
      written[slug]++
    }
  }
  return written
}

/**
 * Adds `listSearch` (the folded text of `sources`, kept on every save, hidden) to a collection and
 * makes it the list's search field, folding the query too. `label` names what the search covers
 * (the search box reads "Tìm kiếm theo <label>").
 */
export function withListSearch<C extends CollectionConfig>(
  config: C,
  sources: readonly string[],
  label: { vi: string; en: string },
): C {
  const keep: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
    data.listSearch = listSearchOf({ ...(originalDoc ?? {}), ...data }, sources)
    return data
  }
  const field: TextField = {
    name: 'listSearch',
    type: 'text',
    label: l(label.vi, label.en),
    admin: { hidden: true, disableListColumn: true, disableListFilter: true },
  }
  const hooks = config.hooks ?? {}
  return {
    ...config,
    admin: { ...config.admin, listSearchableFields: ['listSearch'] },
    hooks: {
      ...hooks,
      beforeOperation: [...(hooks.beforeOperation ?? []), foldListSearchQuery(['listSearch'])],
      beforeChange: [...(hooks.beforeChange ?? []), keep],
    },
    fields: [...config.fields, field],
  }
}
