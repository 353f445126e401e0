/**
 * The MongoDB implementations of src/db run without a server: a Payload whose adapter calls (and
 * the few Local API reads the implementations make) work on in-memory collections, every filter
 * and pipeline executed by mingo (MongoDB's query and aggregation language in memory). Payload's
 * `where` is turned into the MongoDB filter its mongoose adapter would build for these operators;
 * nothing here knows what the implementations ask. `db.name` is the mongoose adapter's, so
 * dbOps() picks the MongoDB implementation, and the application's own callers (claimDue,
 * tryLease, …) can run on it unchanged.
 */
import crypto from 'node:crypto'
import { aggregate, Query } from 'mingo'
import type { Payload, Where } from 'payload'

export type Doc = Record<string, any>
export type Store = Record<string, Doc[]>

const OPS: Record<string, string> = {
  equals: '$eq',
  not_equals: '$ne',
  in: '$in',
  not_in: '$nin',
  exists: '$exists',
  less_than: '$lt',
  less_than_equal: '$lte',
  greater_than: '$gt',
  greater_than_equal: '$gte',
}

/** A Payload `where` as a MongoDB filter (`id` is `_id`). */
export function toFilter(where: Where | undefined): Doc {
  if (!where) return {}
  const parts: Doc[] = []
  for (const [field, cond] of Object.entries(where)) {
    if (field === 'and' || field === 'or') {
      const list = (cond as Where[]).map(toFilter)
      parts.push(list.length ? { [`$${field}`]: list } : {})
      continue
    }
    const ops: Doc = {}
    for (const [op, v] of Object.entries(cond as Doc)) {
      if (!OPS[op]) throw new Error(`mingo payload: where operator ${op} not handled`)
      ops[OPS[op]] = v
    }
    parts.push({ [field === 'id' ? '_id' : field]: ops })
  }
  return parts.length === 1 ? parts[0] : { $and: parts }
}

const asPayloadDoc = ({ _id, ...rest }: Doc) => ({ id: _id, ...rest })

/** `sort` as Payload takes it ('-field', or a list) as a mingo $sort stage. */
const sortStage = (sort: string | string[] | undefined) => {
  const fields = sort == null ? [] : Array.isArray(sort) ? sort : [sort]
  if (!fields.length) return []
  return [
    {
      $sort: Object.fromEntries(
        fields.map((f) =>
          f.startsWith('-') ? [f.slice(1) === 'id' ? '_id' : f.slice(1), -1] : [f === 'id' ? '_id' : f, 1],
        ),
      ),
    },
  ]
}

/** Applies `data` to a document as the adapter writes it: values replaced, `{ $push }` appended. */
function apply(doc: Doc, data: Doc) {
  for (const [k, v] of Object.entries(data)) {
    if (v && typeof v === 'object' && '$push' in v) doc[k] = [...(doc[k] ?? []), v.$push]
    else doc[k] = v
  }
  doc.updatedAt = new Date().toISOString()
}

/** A Payload on in-memory collections, over `store` (slug → documents with `_id`). */
export function mingoPayload(store: Store = {}): Payload & { store: Store } {
  const options = { collectionResolver: (name: string) => store[name] ?? [] }
  const docs = (slug: string) => (store[slug] ??= [])
  const matching = (slug: string, where?: Where) => {
    const query = new Query(toFilter(where))
    return docs(slug).filter((d) => query.test(d))
  }
  type FindArgs = { collection: string; where?: Where; sort?: string | string[]; limit?: number }
  const find = async ({ collection, where, sort, limit }: FindArgs) => {
    let found = aggregate(matching(collection, where), sortStage(sort), options) as Doc[]
    if (limit) found = found.slice(0, limit)
    return { docs: found.map(asPayloadDoc), totalDocs: found.length }
  }
  const create = async ({ collection, data }: { collection: string; data: Doc }) => {
    const now = new Date().toISOString()
    const { id, ...rest } = data
    const _id = id ?? crypto.randomBytes(12).toString('hex')
    const doc = { _id, createdAt: now, updatedAt: now, ...rest }
    docs(collection).push(doc)
    return asPayloadDoc(doc)
  }
  // The mongoose models' calls the implementations make (pipelines are handed to mingo as they
  // are; `$lookup` finds the other collections by name through the collectionResolver).
  const model = (slug: string) => ({
    collection: { name: slug },
    aggregate: (pipeline: Doc[]) => {
      const run = Promise.resolve().then(() => aggregate(docs(slug), pipeline, options) as Doc[])
      return Object.assign(run, { allowDiskUse: () => run })
    },
    insertMany: async (added: Doc[]) => {
      const ids = new Set(docs(slug).map((d) => d._id))
      if (added.some((d) => d._id == null || ids.has(d._id)))
        throw new Error('mingo payload: a document without an _id, or with one already taken')
      docs(slug).push(...added)
    },
    findOne: (filter: Doc, _projection: Doc, { sort }: { sort?: Doc } = {}) => ({
      lean: async () =>
        (aggregate(docs(slug), [{ $match: filter }, ...(sort ? [{ $sort: sort }] : []), { $limit: 1 }], options)[0] as Doc) ?? null,
    }),
    deleteMany: async (filter: Doc) => {
      const query = new Query(filter)
      store[slug] = docs(slug).filter((d) => !query.test(d))
    },
  })
  const db = {
    name: 'mongoose',
    collections: new Proxy({} as Record<string, ReturnType<typeof model>>, {
      get: (_, slug: string) => model(slug),
    }),
    find,
    create,
    findOne: async ({ collection, where }: FindArgs) =>
      (await find({ collection, where, limit: 1 })).docs[0] ?? null,
    count: async ({ collection, where }: FindArgs) => ({
      totalDocs: matching(collection, where).length,
    }),
    updateMany: async ({ collection, where, data }: FindArgs & { data: Doc }) => {
      for (const doc of matching(collection, where)) apply(doc, data)
      return null
    },
    updateOne: async (args: FindArgs & { id?: string; data: Doc }) => {
      const where = args.id != null ? { id: { equals: args.id } } : args.where
      const doc = matching(args.collection, where)[0]
      if (!doc) return null
      apply(doc, args.data)
      return asPayloadDoc(doc)
    },
    deleteMany: async ({ collection, where }: FindArgs) => {
      const gone = new Set(matching(collection, where))
      store[collection] = docs(collection).filter((d) => !gone.has(d))
    },
  }
  const logger = { info: () => {}, warn: () => {}, error: () => {} }
  return {
    db,
    find,
    count: async ({ collection, where }: FindArgs) => ({
      totalDocs: matching(collection, where).length,
    }),
    logger,
    store,
  } as unknown as Payload & { store: Store }
}
