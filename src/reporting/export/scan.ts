import type { Payload } from 'payload'
import { dbOps } from '@/db'
import { foldFigures } from '@/db/portable/snapshots'
import type { UnitFilter, YearFigures } from '../frozen'
import { snapshotCellPages } from '../snapshot'

export type { YearFigures } from '../frozen'

/**
 * One year's frozen figures as the export's tables need them (see YearFigures), on SQLite as two
 * GROUP BYs; with `portable`, folded in JavaScript from the cells as they are read.
 */
export async function scanSnapshot(
  payload: Payload,
  snapshot: string,
  unit: UnitFilter,
  onProgress?: (cells: number) => void,
  options: { portable?: boolean } = {},
): Promise<YearFigures> {
  if (!options.portable) return dbOps(payload).snapshots.scan(snapshot, unit, onProgress)
  return foldFigures(snapshotCellPages(payload, snapshot, { unit }), onProgress)
}
