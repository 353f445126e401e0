import { unitsUnder } from '@/units/load'
import type { Payload, PayloadRequest, Where } from 'payload'
import {
  dashboardCells,
  kpiProgress,
  measuresOf,
  shareOfYearElapsed,
  yearCounters,
  yearTargets,
  type DashCell,
  type KpiRow,
} from '../dashboard'
import { channelNames, readCells } from '../readCells'
import {
  dashboardCounters,
  ENGAGEMENT_METRICS,
  FigureGroup,
  Metric,
  metrics,
  TRAINEE_PROGRAMME_METRICS,
} from '@/vocabulary'

/** One pre-filled line of a unit's report: a figure of the year and, for a KPI line, its target. */
export type FigureRow = { group: FigureGroup; label: string; value: number; target: number | null }

const sumOf = (cells: readonly DashCell[], metric: string) =>
  Math.round(cells.reduce((n, c) => (c.metric === metric ? n + c.value : n), 0) * 100) / 100

/**
 * The lines of a unit's report from the unit's cells of the (all campaigns, all topics) family,
 * through the dashboard's own builders (the year's counters, KPI progress), so a unit's report and
 * the dashboard filtered on that unit always show the same figures. Trainee breakdowns with no
 * trainee are left out; KPI lines are the unit's contribution to each campaign target of the year.
 */
export function figureRows(cells: readonly DashCell[], kpi: readonly KpiRow[]): FigureRow[] {
  const row = (group: FigureGroup, label: string, value: number, target: number | null = null) => ({
    group,
    label,
    value,
    target,
  })
  const scope = { year: cells[0]?.year ?? 0, campaign: null, unit: null }
  return [
    ...yearCounters(cells, scope).map((c) =>
      row(FigureGroup.Output, dashboardCounters.label(c.id), c.value),
    ),
    row(
      FigureGroup.Trainings,
      metrics.label(Metric.TrainingsHeld),
      sumOf(cells, Metric.TrainingsHeld),
    ),
    row(FigureGroup.Trainings, metrics.label(Metric.Trainees), sumOf(cells, Metric.Trainees)),
    ...TRAINEE_PROGRAMME_METRICS.map((m) =>
      row(FigureGroup.Trainings, metrics.label(m), sumOf(cells, m)),
    ).filter((r) => r.value > 0),
    ...ENGAGEMENT_METRICS.map(({ metric }) =>
      row(FigureGroup.Engagement, metrics.label(metric), sumOf(cells, metric)),
    ),
    ...kpi
      .filter((k) => k.actual !== null)
      .map((k) =>
        row(FigureGroup.Targets, `${k.campaignName}: ${k.label}`, k.actual ?? 0, k.target),
      ),
  ]
}

/** Reads the unit's cells and the year's campaign targets, and builds its report's lines. */
export async function unitFigures(
  payload: Payload,
  unit: string,
  year: number,
  req?: PayloadRequest,
  now = new Date(),
  options: { subtree?: boolean } = {},
): Promise<FigureRow[]> {
  const as = { req, system: true }
  const base: Where[] = [
    { year: { equals: year } },
    { topic: { exists: false } },
    options.subtree
      ? { unit: { in: await unitsUnder(payload, unit, { year }, req) } }
      : { unit: { equals: unit } },
  ]
  const [cells, campaigns, channels] = await Promise.all([
    readCells(payload, [...base, { campaign: { exists: false } }], as),
    payload.find({
      collection: 'campaigns',
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
      select: { name: true, kpiTargets: true },
    }),
    channelNames(payload, req),
  ])
  const targets = yearTargets(campaigns.docs, year, channels)
  const measured = measuresOf(targets)
  const kpiCells =
    targets.length && measured.length
      ? await readCells(
          payload,
          [
            ...base,
            { campaign: { in: [...new Set(targets.map((t) => t.campaign))] } },
            { metric: { in: measured } },
          ],
          as,
        )
      : []
  const kpi = kpiProgress(targets, kpiCells, shareOfYearElapsed(year, now), { unit })
  return figureRows(dashboardCells(cells, null), kpi)
}
