import type { Payload, PayloadRequest } from 'payload'
import { dbOps } from '@/db'
import { unitTree } from '@/units/load'

/**
 * A unit's figures together with its descendants', in the tree of the year (every unit that was
 * under it on some day of that year, each once: no figure counted twice): the (all campaigns, all
 * topics) family's cells of the year summed by measure. One statement on either database: on
 * SQLite a GROUP BY over the units' ids handed as one JSON array, on MongoDB a pipeline (src/db).
 */
export async function subtreeTotals(
  payload: Payload,
  unit: string,
  year: number,
  req?: PayloadRequest,
): Promise<Map<string, number>> {
  const units = (await unitTree(payload, req)).unitsUnderInYear(unit, year)
  return dbOps(payload).figures.subtreeTotals(year, units)
}
