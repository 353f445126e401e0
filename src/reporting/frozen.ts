import type { Cell } from './cells'
import type { DashCell } from './dashboard/types'

// The shapes of a snapshot's frozen cells, shared by the reporting code and the databases'
// implementations in src/db (a leaf module, so neither imports the other through it).

export type FrozenCell = Cell & { key: string }

/** How many cells travel at once when a snapshot is copied, checked or exported. */
export const PAGE_SIZE = 5000

/**
 * Which units' cells a read takes: one unit, a set of units (a unit with its descendants: on SQLite
 * handed as one JSON array), or all (null).
 */
export type UnitFilter = string | readonly string[] | null | undefined

/**
 * One year's frozen figures as the export's tables need them, read from the snapshot a page at a
 * time and folded as they come (a 1,000,000-publication year has ~500,000 cells; none is kept):
 *  - `cells`: the campaign families' and the (all, all) family's cells with their months summed
 *    (month 0), one per unit, content type, channel and campaign: every yearly table (summary,
 *    campaigns, units, channels, KPI, budget, trainings) sums over those dimensions only. Topic
 *    cells are left out: no table sums them (they stay in the detail rows).
 *  - `monthly`: the (all, all) family per measure and month (index 1-12), for the month table.
 */
export type YearFigures = {
  cells: DashCell[]
  monthly: Map<string, number[]>
  /** How many frozen cells the scope holds (0: the year has no figures). */
  count: number
}
