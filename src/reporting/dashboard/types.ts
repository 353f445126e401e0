import type { Cell } from '../cells'

/** A cell as the dashboard reads it (every field the engine stores). */
export type DashCell = Pick<
  Cell,
  | 'year'
  | 'month'
  | 'metric'
  | 'value'
  | 'campaign'
  | 'unit'
  | 'unitName'
  | 'contentType'
  | 'channel'
  | 'channelKind'
  | 'topic'
>

/**
 * What the figures on screen cover: the year, the campaign filter (null = every campaign, the
 * (all, all) family) and the unit (the unit filter, or the user's own unit when they only see
 * theirs). Drill-down links carry the same, so a list shows the rows its figure counts.
 */
export type Scope = {
  year: number
  campaign: string | null
  unit: string | null
  adminRoute?: string
}

/** A figure and the admin list of the rows it counts (null when no single list holds them). */
export type Linked = { value: number; href: string | null }
