/**
 * Calls a collection's access functions as Payload does, without a database: the function gets
 * `{ req: { user, payload }, id, data }`; `true` lets the operation through, `false` refuses it, and
 * a `Where` lets it through for the documents it matches. A Where is translated to a MongoDB query
 * and evaluated against the plain stored document by mingo (what Payload would have asked the
 * database). A create is let through by any Where: Payload does not apply it to incoming data.
 */
import { Query } from 'mingo'
import type { Field, SanitizedCollectionConfig, SanitizedConfig, Where } from 'payload'
import type { AccessRow, Actor, Doc } from './accessSpec'
import { userOf } from './accessSpec'

const OPERATORS: Record<string, string> = {
  equals: '$eq',
  not_equals: '$ne',
  in: '$in',
  not_in: '$nin',
  greater_than: '$gt',
  greater_than_equal: '$gte',
  less_than: '$lt',
  less_than_equal: '$lte',
}

/** Payload's `where` as a MongoDB query. `exists: false` matches null too, as SQL's IS NULL does. */
export function toMongoQuery(where: Where): Record<string, unknown> {
  const parts: Record<string, unknown>[] = []
  for (const [key, value] of Object.entries(where)) {
    if (key === 'and' || key === 'or') {
      const nested = (value as Where[]).map(toMongoQuery)
      if (nested.length) parts.push({ [`$${key}`]: nested })
      continue
    }
    for (const [op, raw] of Object.entries(value as Record<string, unknown>)) {
      const operand = raw instanceof Date ? raw.toISOString() : raw
      if (op === 'exists') parts.push({ [key]: operand ? { $ne: null } : { $eq: null } })
      else if (OPERATORS[op]) parts.push({ [key]: { [OPERATORS[op]]: operand } })
      else throw new Error(`the access test does not translate the operator "${op}" yet`)
    }
  }
  return parts.length === 1 ? parts[0] : parts.length ? { $and: parts } : {}
}

export const whereMatches = (where: Where, doc: Doc) =>
  new Query(toMongoQuery(where)).test(doc as Record<string, unknown>)

/**
 * The request an access function gets. Its `payload` refuses every use: an access function that
 * reads the database (the unit manager's subtree) is tested through the Local API instead.
 */
function requestOf(actor: Actor) {
  const payload = new Proxy(
    {},
    {
      get(_t, prop) {
        throw new Error(
          `this access function reads the database (payload.${String(prop)}): test it through the Local API`,
        )
      },
    },
  )
  return { user: userOf(actor), payload, context: {}, headers: new Headers() }
}

const collectionOf = (config: SanitizedConfig, slug: string): SanitizedCollectionConfig => {
  const found = config.collections.find((c) => c.slug === slug)
  if (!found) throw new Error(`no collection ${slug} in the config`)
  return found
}

const fieldOf = (fields: Field[], name: string): Field | undefined =>
  fields.find((f) => 'name' in f && f.name === name)

export type Decision = {
  /** The collection's access function let the operation through for this document. */
  collection: boolean
  /** The field's own access let its change through (only for rows with a `field`). */
  field?: boolean
}

/** What the access functions of `row`'s collection decide for `actor`, with no database. */
export async function decide(
  config: SanitizedConfig,
  row: AccessRow,
  actor: Actor,
): Promise<Decision> {
  const collection = collectionOf(config, row.collection)
  const access = collection.access[row.op]
  const req = requestOf(actor)
  const doc = typeof row.doc === 'function' ? row.doc(actor) : row.doc
  const args = { req, id: doc?.id, data: row.data ?? {} } as unknown as Parameters<typeof access>[0]
  const result = await access(args)
  const allowed = !result
    ? false
    : result === true || row.op === 'create'
      ? true
      : whereMatches(result, doc!)
  if (!row.field) return { collection: allowed }
  const field = fieldOf(collection.fields, row.field)
  const fieldAccess = field && 'access' in field ? field.access?.[row.op as 'update'] : undefined
  const fieldAllowed = fieldAccess
    ? !!(await fieldAccess({
        req,
        id: doc?.id,
        data: row.data,
        doc,
        siblingData: row.data,
      } as never))
    : true
  return { collection: allowed, field: fieldAllowed }
}
