import type { Payload, PayloadRequest } from 'payload'
import { unitTree } from '@/units/load'
import { rawReader } from '@/db/sqlite/connection'

/**
 * A unit's figures together with its descendants', in the tree of the year (every unit that was
 * under it on some day of that year, each once: no figure counted twice): the (all campaigns, all
 * topics) family's cells of the year summed by measure. One statement on either database: on
 * SQLite a GROUP BY over the units' ids handed as one JSON array, on MongoDB the pipeline below.
 */
export async function subtreeTotals(
  payload: Payload,
  unit: string,
  year: number,
  req?: PayloadRequest,
): Promise<Map<string, number>> {
  const units = (await unitTree(payload, req)).unitsUnderInYear(unit, year)
  if (payload.db.name === 'sqlite') {
    const db = await rawReader(payload)
    const rows = db
      .prepare(
        `SELECT metric, sum(value) FROM rollup_cells
         WHERE year = ? AND campaign IS NULL AND topic IS NULL
           AND unit IN (SELECT value FROM json_each(?))
         GROUP BY metric`,
      )
      .raw(true)
      .all(year, JSON.stringify(units))
    return new Map(rows.map((r) => [String(r[0]), Number(r[1])]))
  }
  const db = payload.db as unknown as {
    collections: Record<
      string,
      { aggregate(p: object[]): Promise<{ _id: string; total: number }[]> }
    >
  }
  const rows = await db.collections['rollup-cells'].aggregate(subtreeTotalsPipeline(year, units))
  return new Map(rows.map((r) => [String(r._id), Number(r.total)]))
}

/** The MongoDB pipeline of subtreeTotals over `rollup-cells` (run by mingo in the tests). */
export const subtreeTotalsPipeline = (year: number, units: string[]) => [
  { $match: { year, campaign: null, topic: null, unit: { $in: units } } },
  { $group: { _id: '$metric', total: { $sum: '$value' } } },
]
