import type { CollectionSlug, Payload } from 'payload'
import { cellKey, cellValue, type Cell, type Family } from '@/reporting/cells'
import type { RollupSourceModule } from '@/reporting/sources/types'
import type { Window } from '@/reporting/window'
import type { RollupOps } from '../types'

// The MongoDB path. No MongoDB server runs on the development machines or in CI: the pipeline
// builders are unit-tested for their output, and the whole path is run by mingo (MongoDB's query and
// aggregation language in memory) against the SQLite figures in tests/int/rollup-mongo.test.ts.

type Model = {
  aggregate: (pipeline: Record<string, unknown>[]) => {
    allowDiskUse: (v: boolean) => Promise<Record<string, any>[]>
  }
  insertMany: (docs: Record<string, unknown>[], opts?: Record<string, unknown>) => Promise<unknown>
  deleteMany: (filter: Record<string, unknown>) => Promise<unknown>
  findOne: (
    filter: Record<string, unknown>,
    projection: Record<string, unknown>,
    opts: Record<string, unknown>,
  ) => { lean: () => Promise<{ _id?: unknown } | null> }
  collection: { name: string }
}
type MongoAdapter = { collections: Record<string, Model>; sessions?: Record<string, unknown> }

const DIMS = {
  month: '$month',
  metric: '$metric',
  unit: '$unit',
  contentType: '$contentType',
  channel: '$channel',
  channelKind: '$channelKind',
}

/** The stages grouping fact documents into one family's cells (`_id` holds the dimensions, `total` the sum). */
export function familyStages(family: Family): Record<string, unknown>[] {
  if (family === 'all') return [{ $group: { _id: DIMS, total: { $sum: '$value' } } }]
  if (family === 'campaign')
    return [
      { $unwind: '$campaigns' },
      { $group: { _id: { ...DIMS, campaign: '$campaigns' }, total: { $sum: '$value' } } },
    ]
  // Topic cells leave the channel out (see collections/RollupCells.ts).
  const { month, metric, unit, contentType } = DIMS
  return [
    { $unwind: '$topics' },
    {
      $group: {
        _id: { month, metric, unit, contentType, topic: '$topics' },
        total: { $sum: '$value' },
      },
    },
  ]
}

const str = (v: unknown) => (v == null ? null : String(v))

/**
 * MongoDB: the same facts and families as the SQLite path, grouped by the server; cells are then
 * written with deleteMany + insertMany (in a transaction when the replica set gives one).
 */
async function computeMongo(
  payload: Payload,
  w: Window,
  sources: readonly RollupSourceModule[],
  keepNames: boolean,
  pastNames: ReadonlyMap<string, string> = new Map(),
): Promise<number> {
  const db = payload.db as unknown as MongoAdapter
  const names = (slug: CollectionSlug) => db.collections[slug].collection.name
  const units = await payload.find({
    collection: 'units',
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { name: true },
  })
  const unitName = new Map(units.docs.map((u) => [String(u.id), u.name]))
  for (const [unit, name] of pastNames) unitName.set(unit, name)
  if (keepNames) {
    // A past year: the names its cells already carry win (a unit renamed or merged keeps its old name there).
    const kept = await payload.find({
      collection: 'rollup-cells',
      where: { and: [{ year: { equals: w.year } }, { unit: { exists: true } }] },
      select: { unit: true, unitName: true },
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    for (const c of kept.docs) if (c.unitName) unitName.set(String(c.unit), c.unitName)
  }
  const cells = new Map<string, Cell>()
  for (const source of sources) {
    for (const facts of source.mongoFacts(w, names)) {
      for (const family of ['all', 'campaign', 'topic'] as const) {
        const rows = await db.collections[facts.collection]
          .aggregate([...facts.pipeline, ...familyStages(family)])
          .allowDiskUse(true)
        for (const { _id: d, total } of rows) {
          const cell = {
            year: w.year,
            month: Number(d.month),
            metric: String(d.metric),
            value: Number(total),
            campaign: str(d.campaign),
            unit: str(d.unit),
            unitName: d.unit == null ? null : (unitName.get(String(d.unit)) ?? null),
            contentType: str(d.contentType),
            channel: str(d.channel),
            channelKind: str(d.channelKind),
            topic: str(d.topic),
          }
          const key = cellKey(cell)
          const seen = cells.get(key)
          if (seen) seen.value += cell.value
          else cells.set(key, cell)
        }
      }
    }
  }
  const docs = [...cells.values()].map((c) => ({ ...c, value: cellValue(c.metric, c.value) }))
  const transactionID = (await payload.db.beginTransaction?.()) ?? undefined
  const req = { payload, transactionID }
  const session = transactionID ? db.sessions?.[String(transactionID)] : undefined
  try {
    const metrics = sources.flatMap((s) => s.metrics)
    await payload.db.deleteMany({
      collection: 'rollup-cells',
      where: {
        and: [
          { year: { equals: w.year } },
          { metric: { in: metrics } },
          ...(w.months ? [{ month: { in: w.months } }] : []),
        ],
      },
      req,
    })
    const model = db.collections['rollup-cells']
    // Cells have whole-number ids (see collections/RollupCells.ts): the next ones after the highest
    // (rollups never run two at a time: see lease.ts).
    const last = await model
      .findOne({}, { _id: 1 }, { sort: { _id: -1 }, ...(session ? { session } : {}) })
      .lean()
    const first = Number(last?._id ?? 0) + 1
    const withIds = docs.map((d, i) => ({ _id: first + i, ...d }))
    for (let i = 0; i < withIds.length; i += 5000) {
      await model.insertMany(withIds.slice(i, i + 5000), {
        ordered: false,
        ...(session ? { session } : {}),
      })
    }
    if (transactionID) await payload.db.commitTransaction(transactionID)
  } catch (err) {
    if (transactionID) await payload.db.rollbackTransaction(transactionID)
    throw err
  }
  return docs.length
}

export const mongoRollup = (payload: Payload): RollupOps => ({
  compute: (w, sources, keepNames, pastNames) =>
    computeMongo(payload, w, sources, keepNames, pastNames),
})
