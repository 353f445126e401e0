import type { Payload } from 'payload'
import type { DashCell } from '../dashboard'
import {
  rawReader,
  snapshotCellPages,
  unitFilterArgs,
  unitFilterSql,
  type FrozenCell,
  type UnitFilter,
} from '../snapshot'

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

export async function scanSnapshot(
  payload: Payload,
  snapshot: string,
  unit: UnitFilter,
  onProgress?: (cells: number) => void,
  options: { portable?: boolean } = {},
): Promise<YearFigures> {
  if (payload.db.name === 'sqlite' && !options.portable) {
    const figures = await scanSqlite(payload, snapshot, unit)
    onProgress?.(figures.count)
    return figures
  }
  const folded = new Map<string, DashCell>()
  const monthly = new Map<string, number[]>()
  let count = 0
  for await (const page of snapshotCellPages(payload, snapshot, { unit })) {
    count += page.length
    onProgress?.(page.length)
    for (const c of page) fold(c, folded, monthly)
  }
  return { cells: [...folded.values()], monthly, count }
}

function fold(c: FrozenCell, folded: Map<string, DashCell>, monthly: Map<string, number[]>) {
  if (c.topic) return
  if (!c.campaign && c.month >= 1) {
    let row = monthly.get(c.metric)
    if (!row) monthly.set(c.metric, (row = Array(13).fill(0)))
    row[c.month] += c.value
  }
  const key = [
    c.metric,
    c.campaign ?? '',
    c.unit ?? '',
    c.unitName ?? '',
    c.contentType ?? '',
    c.channel ?? '',
    c.channelKind ?? '',
  ].join('|')
  const cell = folded.get(key)
  if (cell) cell.value += c.value
  else
    folded.set(key, {
      year: c.year,
      month: 0,
      metric: c.metric,
      value: c.value,
      campaign: c.campaign,
      unit: c.unit,
      unitName: c.unitName,
      contentType: c.contentType,
      channel: c.channel,
      channelKind: c.channelKind,
      topic: null,
    })
}

/**
 * The same folding as two GROUP BYs on SQLite's read-only connection (a third of the time of
 * reading every cell into JavaScript); tests/int/snapshot-cells.test.ts requires the same figures
 * as the portable path.
 */
async function scanSqlite(
  payload: Payload,
  snapshot: string,
  unit: UnitFilter,
): Promise<YearFigures> {
  const db = await rawReader(payload)
  const where = `snapshot = ?${unitFilterSql(unit)}`
  const args = [snapshot, ...unitFilterArgs(unit)]
  const count = Number(
    db
      .prepare(`SELECT count(*) FROM snapshot_cells WHERE ${where}`)
      .raw(true)
      .all(...args)[0][0],
  )
  const cells: DashCell[] = db
    .prepare(
      `SELECT year, metric, campaign, unit, unit_name, content_type, channel, channel_kind, sum(value)
       FROM snapshot_cells WHERE ${where} AND topic IS NULL
       GROUP BY year, metric, campaign, unit, unit_name, content_type, channel, channel_kind`,
    )
    .raw(true)
    .all(...args)
    .map((r) => ({
      year: Number(r[0]),
      month: 0,
      metric: r[1] as string,
      value: Number(r[8]),
      campaign: (r[2] as string | null) ?? null,
      unit: (r[3] as string | null) ?? null,
      unitName: (r[4] as string | null) ?? null,
      contentType: (r[5] as string | null) ?? null,
      channel: (r[6] as string | null) ?? null,
      channelKind: (r[7] as string | null) ?? null,
      topic: null,
    }))
  const monthly = new Map<string, number[]>()
  for (const [metric, month, value] of db
    .prepare(
      `SELECT metric, month, sum(value) FROM snapshot_cells
       WHERE ${where} AND topic IS NULL AND campaign IS NULL AND month >= 1 GROUP BY metric, month`,
    )
    .raw(true)
    .all(...args)) {
    let row = monthly.get(metric as string)
    if (!row) monthly.set(metric as string, (row = Array(13).fill(0)))
    row[Number(month)] = Number(value)
  }
  return { cells, monthly, count }
}
