import type { DashCell } from './types'

/**
 * The cells the dashboard sums: the (all campaigns, all topics) family, or campaign X's family when
 * a campaign is chosen. Never both, never topic cells: an item in two campaigns or two topics is
 * counted once in each, so summing across them overstates (see collections/RollupCells.ts).
 */
export const dashboardCells = <C extends Pick<DashCell, 'campaign' | 'topic'>>(
  cells: readonly C[],
  campaign: string | null,
): C[] => cells.filter((c) => !c.topic && (campaign ? c.campaign === campaign : !c.campaign))

/** No figure at all for the year in view: the page explains itself instead of showing zeros. */
export const isEmptyYear = (cells: readonly unknown[]) => cells.length === 0
