/**
 * The MongoDB path of the rollup, run: the real pipelines of the sources (`mongoFacts`, `familyStages`)
 * executed by mingo (MongoDB's query and aggregation language in memory) over the hand-known dataset
 * of rollup.test.ts, converted to the shape MongoDB stores; its cells must be exactly the SQLite
 * engine's, cell by cell, for 2026 and 2027.
 */
import type { CollectionSlug, Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { rebuildYear } from '@/reporting/engine'
import { mongoRollup } from '@/db/mongo/rollup'
import { SOURCES } from '@/reporting/sources'
import { testPayload } from '../helpers/payload'
import { handDataset } from '../helpers/rollup'
import { mingoPayload, type Doc } from './db-mingo'

/** The collections the sources read (and `units` for the cells' unit names). */
const READ: CollectionSlug[] = [
  'publications',
  'articles',
  'videos',
  'infographics',
  'events',
  'trainings',
  'campaigns',
  'units',
  'engagement-observations',
  'topics',
  'channels',
]

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

/**
 * A document as MongoDB stores it, from the Local API's depth-0 form: `id` → `_id`, date strings →
 * `Date`; relationships are already ids, a polymorphic one `{ relationTo, value }`, arrays and
 * groups as they are.
 */
function toMongo(doc: Doc): Doc {
  const convert = (v: unknown): unknown => {
    if (typeof v === 'string' && ISO_DATE.test(v)) return new Date(v)
    if (Array.isArray(v)) return v.map(convert)
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, convert(x)]))
    return v
  }
  const { id, ...rest } = doc
  return { _id: id, ...(convert(rest) as Doc) }
}

/** The compared fields of a cell, ids as strings, as one line. */
const CELL_FIELDS = [
  'year',
  'month',
  'metric',
  'campaign',
  'unit',
  'unitName',
  'contentType',
  'channel',
  'channelKind',
  'topic',
  'value',
] as const
const cellLine = (c: Doc) =>
  JSON.stringify(CELL_FIELDS.map((f) => (c[f] == null ? null : String(c[f]))))

let payload: Payload
const store: Record<string, Doc[]> = {}

beforeAll(async () => {
  payload = await testPayload()
  await handDataset(payload)
  await rebuildYear(payload, 2026)
  await rebuildYear(payload, 2027)
  for (const collection of READ) {
    const found = await payload.find({
      collection,
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
    })
    store[collection] = found.docs.map((d) => toMongo(d as unknown as Doc))
  }
  store['rollup-cells'] = []
})

describe('rollup: the MongoDB path (run by mingo) gives the SQLite figures', () => {
  it('reads every row of the dataset, drafts included, in MongoDB shape', () => {
    expect(store.articles).toHaveLength(3)
    expect(store.events).toHaveLength(2)
    expect(store.publications).toHaveLength(9)
    expect(store['engagement-observations']).toHaveLength(7)
    const p1 = store.publications.find(
      (p) => p.publishedAt?.valueOf() === Date.UTC(2026, 11, 31, 16, 30),
    )
    expect(p1?.publishedAt).toBeInstanceOf(Date)
    expect(p1?.content).toMatchObject({ relationTo: 'articles' })
  })

  for (const year of [2026, 2027]) {
    it(`${year}: every cell equals the SQLite engine's, none more, none fewer`, async () => {
      const sqlite = await payload.find({
        collection: 'rollup-cells',
        where: { year: { equals: year } },
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
      })
      const fake = mingoPayload(store)
      const written = await mongoRollup(fake).compute({ year, months: null }, SOURCES, false)
      const mongo = store['rollup-cells'].filter((c) => c.year === year)
      expect(written).toBe(mongo.length)

      const want = new Set(sqlite.docs.map((c) => cellLine(c as unknown as Doc)))
      const got = new Set(mongo.map(cellLine))
      const differences = [
        ...[...want].filter((c) => !got.has(c)).map((c) => `only SQLite: ${c}`),
        ...[...got].filter((c) => !want.has(c)).map((c) => `only Mongo:  ${c}`),
      ]
      expect(differences, `[${CELL_FIELDS.join(', ')}]\n${differences.join('\n')}`).toEqual([])
      expect(got.size).toBe(year === 2026 ? 109 : 9)
    })
  }
})
