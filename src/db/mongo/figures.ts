import type { Payload } from 'payload'
import type { Indicator } from '@/reporting/indicators/catalogue'
import {
  hasRollupSide,
  rollupMeasures,
  type FactQuery,
  type Sums,
} from '@/reporting/indicators/shapes'
import { OperandSource } from '@/vocabulary'
import { portableFigures } from '../portable/figures'
import type { FigureReads } from '../types'

/** A grouped row: `_id` the group's key, then the sums. */
type Row = { _id: { indicator: string; year: number }; [sum: string]: unknown }

type Aggregating = {
  collections: Record<
    string,
    { aggregate(p: object[]): Promise<Row[]>; collection: { name: string } }
  >
}

/** MongoDB: the subtree's totals are one pipeline; the rest through the Local API. */
export const mongoFigures = (payload: Payload): FigureReads => ({
  ...portableFigures(payload),
  async subtreeTotals(year, units) {
    const db = payload.db as unknown as Aggregating
    const rows = await db.collections['rollup-cells'].aggregate(subtreeTotalsPipeline(year, units))
    return new Map(rows.map((r) => [String(r._id), Number(r.total)]))
  },
  async indicatorSums(q) {
    const db = payload.db as unknown as Aggregating
    const cells = db.collections['rollup-cells'].collection.name
    const out = new Map<string, Sums>()
    for (const r of await db.collections['indicator-facts'].aggregate(
      indicatorSumsPipeline(q, cells),
    ))
      out.set(`${r._id.indicator}|${Number(r._id.year)}`, {
        numerator: Number(r.n ?? 0),
        denominator: Number(r.d ?? 0),
        weight: Number(r.w ?? 0),
        weighted: Number(r.wn ?? 0),
        reported: Number(r.c),
      })
    return out
  },
})

/** The pipeline of subtreeTotals over `rollup-cells` (run by mingo in the tests). */
export const subtreeTotalsPipeline = (year: number, units: string[]) => [
  { $match: { year, campaign: null, topic: null, unit: { $in: units } } },
  { $group: { _id: '$metric', total: { $sum: '$value' } } },
]

/** A side's value in a fact document: the stored entered value, or the unit's rollup total of the measure (none is 0). */
const sideExpr = (indicators: readonly Indicator[], side: 'numerator' | 'denominator') => {
  const branches = indicators.flatMap((ind) => {
    const op = ind[side]
    if (op?.source !== OperandSource.Rollup) return []
    const total = {
      $sum: {
        $map: {
          input: { $filter: { input: '$rollup', cond: { $eq: ['$$this._id', op.measure] } } },
          in: '$$this.total',
        },
      },
    }
    return [{ case: { $eq: ['$indicator', ind.code] }, then: total }]
  })
  const stored = { $ifNull: [`$${side}`, 0] }
  return branches.length ? { $switch: { branches, default: stored } } : stored
}

/**
 * The pipeline of indicatorSums over `indicator-facts` (run by mingo in the tests): the group's
 * complete facts, each joined to its unit's yearly rollup totals when an indicator has a rollup side
 * (`cells`: the rollup cells' collection name; all campaigns, all topics), then Σ numerators,
 * Σ denominators, the survey's weighted columns and the count per indicator and year, as the
 * SQLite statement and `addFact` do.
 */
export function indicatorSumsPipeline(q: FactQuery, cells: string): Record<string, unknown>[] {
  const match: Record<string, unknown> = {
    complete: true,
    indicator: { $in: q.indicators.map((i) => i.code) },
    year: { $in: [...q.years] },
  }
  if (q.units) match.unit = { $in: [...q.units] }
  const measures = rollupMeasures(q.indicators)
  const rollupSided = q.indicators.filter(hasRollupSide).map((i) => i.code)
  const lookup = measures.length
    ? [
        {
          $lookup: {
            from: cells,
            let: { unit: '$unit', year: '$year', wanted: { $in: ['$indicator', rollupSided] } },
            pipeline: [
              {
                $match: {
                  campaign: null,
                  topic: null,
                  metric: { $in: measures },
                  $expr: {
                    $and: ['$$wanted', { $eq: ['$unit', '$$unit'] }, { $eq: ['$year', '$$year'] }],
                  },
                },
              },
              { $group: { _id: '$metric', total: { $sum: '$value' } } },
            ],
            as: 'rollup',
          },
        },
      ]
    : []
  const weighted = { $and: [{ $gt: ['$d', 0] }, { $ne: [{ $ifNull: ['$weight', null] }, null] }] }
  return [
    { $match: match },
    ...lookup,
    {
      $project: {
        indicator: 1,
        year: 1,
        weight: 1,
        n: sideExpr(q.indicators, 'numerator'),
        d: sideExpr(q.indicators, 'denominator'),
      },
    },
    {
      $group: {
        _id: { indicator: '$indicator', year: '$year' },
        n: { $sum: '$n' },
        d: { $sum: '$d' },
        w: { $sum: { $cond: [weighted, '$weight', 0] } },
        wn: { $sum: { $cond: [weighted, { $divide: [{ $multiply: ['$weight', '$n'] }, '$d'] }, 0] } },
        c: { $sum: 1 },
      },
    },
  ]
}
