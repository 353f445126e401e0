import type { Payload, PayloadRequest } from 'payload'
import { dbOps } from '@/db'
import { unitsUnder as treeUnitsUnder } from '@/units/load'
import type { TreeUnit } from './shapes'

export type { TreeUnit } from './shapes'

/**
 * Every unit, as the tree below reads it (one query). On SQLite straight from the table: the Local
 * API's per-document work took most of the panel's time at 10,000 units.
 */
export const allUnits = (payload: Payload, req?: PayloadRequest): Promise<TreeUnit[]> =>
  dbOps(payload).figures.allUnits(req)

/**
 * THE place where indicators read the unit tree: `unitId` and every unit under it in the tree of
 * `year` (every unit that was under it on some day of that year, src/units: the dated parents; so a
 * commune counts with its former district in 2024 and with the province in 2026), or every unit for
 * the province (null).
 */
export async function groupInYear(
  payload: Payload,
  units: readonly TreeUnit[],
  unitId: string | null,
  year: number,
  req?: PayloadRequest,
): Promise<TreeUnit[]> {
  if (unitId == null) return [...units]
  const ids = new Set(await treeUnitsUnder(payload, unitId, { year }, req))
  return units.filter((u) => ids.has(u.id))
}

/** The units of the group in any of `years` (each unit once): whose own rows a report lists. */
export async function groupInYears(
  payload: Payload,
  units: readonly TreeUnit[],
  unitId: string | null,
  years: readonly number[],
  req?: PayloadRequest,
): Promise<TreeUnit[]> {
  if (unitId == null) return [...units]
  const ids = new Set<string>()
  for (const year of years)
    for (const u of await groupInYear(payload, units, unitId, year, req)) ids.add(u.id)
  return units.filter((u) => ids.has(u.id))
}
