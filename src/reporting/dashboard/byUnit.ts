import { CONTENT_KINDS, contentKinds, Metric, metrics, type ContentKind } from '@/vocabulary'
import { figureUrl } from './links'
import type { DashCell, Linked, Scope } from './types'

/**
 * The by-unit table's number columns: content published per kind (one admin list each, so every
 * number has its own list), then the publication and event measures.
 */
export const UNIT_COLUMNS = [
  ...CONTENT_KINDS.map((kind) => ({
    id: `published-${kind}`,
    metric: Metric.ContentPublished,
    contentType: kind as ContentKind | null,
    label: `${contentKinds.label(kind)} đã xuất bản`,
  })),
  ...[
    Metric.PublicationsPublished,
    Metric.BroadcastsAired,
    Metric.BroadcastMinutes,
    Metric.EventsHeld,
    Metric.Participants,
  ].map((metric) => ({
    id: metric as string,
    metric,
    contentType: null as ContentKind | null,
    label: metrics.label(metric),
  })),
]
export type UnitColumn = (typeof UNIT_COLUMNS)[number]

export type UnitRow = { unit: string | null; name: string; figures: Record<string, Linked> }

/** Stands for a unit's name when its cells carry none (content without an owner unit). */
export const NO_UNIT = 'Chưa gán đơn vị'

/** One row per unit with figures in the year, named as its cells were (a renamed unit keeps its past name). */
export function byUnit(cells: readonly DashCell[], scope: Scope): UnitRow[] {
  const rows = new Map<string, UnitRow>()
  for (const c of cells) {
    const column = UNIT_COLUMNS.find(
      (col) =>
        col.metric === c.metric && (col.contentType === null || col.contentType === c.contentType),
    )
    if (!column) continue
    const id = c.unit ?? ''
    let row = rows.get(id)
    if (!row) {
      const unit = c.unit
      const figures = Object.fromEntries(
        UNIT_COLUMNS.map((col) => [
          col.id,
          {
            value: 0,
            href: figureUrl(scope, { metric: col.metric, contentType: col.contentType, unit }),
          },
        ]),
      )
      row = { unit, name: c.unitName ?? NO_UNIT, figures }
      rows.set(id, row)
    }
    row.figures[column.id].value += c.value
  }
  for (const row of rows.values())
    row.figures[Metric.BroadcastMinutes].value =
      Math.round(row.figures[Metric.BroadcastMinutes].value * 100) / 100
  return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'))
}

export type SortKey = 'name' | string
export type SortDirection = 'asc' | 'desc'

/** The table sorted by name (Vietnamese collation) or by a number column; ties keep name order. */
export function sortUnitRows(
  rows: readonly UnitRow[],
  key: SortKey,
  direction: SortDirection,
): UnitRow[] {
  const sign = direction === 'asc' ? 1 : -1
  const byName = (a: UnitRow, b: UnitRow) => a.name.localeCompare(b.name, 'vi')
  return [...rows].sort((a, b) =>
    key === 'name'
      ? sign * byName(a, b)
      : sign * ((a.figures[key]?.value ?? 0) - (b.figures[key]?.value ?? 0)) || byName(a, b),
  )
}
