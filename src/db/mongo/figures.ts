import type { Payload } from 'payload'
import { portableFigures } from '../portable/figures'
import type { FigureReads } from '../types'

type Aggregating = {
  collections: Record<string, { aggregate(p: object[]): Promise<{ _id: string; total: number }[]> }>
}

/** MongoDB: the subtree's totals are one pipeline; the rest through the Local API. */
export const mongoFigures = (payload: Payload): FigureReads => ({
  ...portableFigures(payload),
  async subtreeTotals(year, units) {
    const db = payload.db as unknown as Aggregating
    const rows = await db.collections['rollup-cells'].aggregate(subtreeTotalsPipeline(year, units))
    return new Map(rows.map((r) => [String(r._id), Number(r.total)]))
  },
  // No one-statement sums here: the caller sums the units' facts (src/reporting/indicators/aggregate.ts).
  indicatorSums: null,
})

/** The pipeline of subtreeTotals over `rollup-cells` (run by mingo in the tests). */
export const subtreeTotalsPipeline = (year: number, units: string[]) => [
  { $match: { year, campaign: null, topic: null, unit: { $in: units } } },
  { $group: { _id: '$metric', total: { $sum: '$value' } } },
]
