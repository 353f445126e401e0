import type { PayloadRequest, Where } from 'payload'
import { hasRole, unitIdOf } from '@/access/roles'
import { canRebuildFigures } from '@/access/canRebuildFigures'
import {
  byChannel,
  byUnit,
  dashboardCells,
  isEmptyYear,
  kpiProgress,
  monthByType,
  shareOfYearElapsed,
  trainingsVersusPlan,
  yearCounters,
  type DashCell,
  type KpiTarget,
  type Scope,
} from '@/reporting/dashboard'
import { KPI_MEASURES, kpiMetrics, READ_ALL_ROLES } from '@/vocabulary'
import { loadTrainingsAgainstPlan } from './trainingsAgainstPlan'

export type ReportFilters = { year: number; campaign: string | null; unit: string | null }
type Option = { id: string; name: string }

const idOf = (v: unknown): string | null =>
  v == null ? null : typeof v === 'object' ? String((v as { id: unknown }).id) : String(v)

/** Rollup cells of a year, read as the user: the collection's access keeps editors and contributors to their unit. */
async function readCells(req: PayloadRequest, and: Where[]): Promise<DashCell[]> {
  const found = await req.payload.find({
    collection: 'rollup-cells',
    where: { and },
    select: {
      year: true,
      month: true,
      metric: true,
      value: true,
      campaign: true,
      unit: true,
      unitName: true,
      contentType: true,
      channel: true,
      channelKind: true,
      topic: true,
    },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: false,
    user: req.user,
  })
  return found.docs.map((c) => ({
    year: c.year,
    month: c.month,
    metric: c.metric,
    value: c.value,
    campaign: idOf(c.campaign),
    unit: idOf(c.unit),
    unitName: c.unitName ?? null,
    contentType: c.contentType ?? null,
    channel: idOf(c.channel),
    channelKind: c.channelKind ?? null,
    topic: idOf(c.topic),
  }))
}

async function options(
  req: PayloadRequest,
  collection: 'campaigns' | 'channels' | 'units',
): Promise<Option[]> {
  const found = await req.payload.find({
    collection,
    depth: 0,
    limit: 0,
    pagination: false,
    sort: 'name',
    overrideAccess: false,
    user: req.user,
    select: { name: true },
  })
  return found.docs.map((d) => ({ id: String(d.id), name: d.name }))
}

/**
 * Everything the reports page shows for the filters, computed from the rollup cells as the user
 * may read them. The family is (all campaigns, all topics), or campaign X's when one is chosen.
 * Editors and contributors see their own unit's figures only (the cells' read access does that);
 * their scope names that unit so drill-down lists match the counts.
 */
export async function loadReport(req: PayloadRequest, filters: ReportFilters, now = new Date()) {
  const user = req.user
  const ownUnitOnly = !hasRole(user, ...READ_ALL_ROLES)
  const unit = ownUnitOnly ? (unitIdOf(user) == null ? null : String(unitIdOf(user))) : filters.unit
  const scope: Scope = {
    year: filters.year,
    campaign: filters.campaign,
    unit,
    adminRoute: req.payload.config.routes.admin,
  }

  const base: Where[] = [{ year: { equals: filters.year } }, { topic: { exists: false } }]
  if (unit) base.push({ unit: { equals: unit } })
  const [raw, campaigns, channels, allUnits] = await Promise.all([
    readCells(req, [
      ...base,
      filters.campaign
        ? { campaign: { equals: filters.campaign } }
        : { campaign: { exists: false } },
    ]),
    req.payload.find({
      collection: 'campaigns',
      depth: 0,
      limit: 0,
      pagination: false,
      sort: 'name',
      overrideAccess: false,
      user,
      select: { name: true, kpiTargets: true },
    }),
    options(req, 'channels'),
    options(req, 'units'),
  ])
  const cells = dashboardCells(raw, filters.campaign)
  const channelNames = new Map(channels.map((c) => [c.id, c.name]))
  const share = shareOfYearElapsed(filters.year, now)

  // KPI targets of the year, each measured over its own campaign's cells.
  const targets: KpiTarget[] = campaigns.docs
    .filter((c) => !filters.campaign || String(c.id) === filters.campaign)
    .flatMap((c) =>
      (c.kpiTargets ?? [])
        .filter((t) => t.year === filters.year && kpiMetrics.includes(t.metric))
        .map((t) => ({
          campaign: String(c.id),
          campaignName: c.name,
          metric: t.metric,
          contentType: t.contentType ?? null,
          channel: idOf(t.channel),
          channelName: idOf(t.channel) ? (channelNames.get(idOf(t.channel)!) ?? null) : null,
          year: t.year,
          target: t.target,
        })),
    )
  const measured = [...new Set(targets.flatMap((t) => Object.values(KPI_MEASURES[t.metric] ?? {})))]
  const kpiCells =
    targets.length && measured.length
      ? await readCells(req, [
          ...base,
          { campaign: { in: [...new Set(targets.map((t) => t.campaign))] } },
          { metric: { in: measured } },
        ])
      : []

  const plan = await loadTrainingsAgainstPlan(req, { ...filters, unit })
  const unitName = unit ? (allUnits.find((u) => u.id === unit)?.name ?? null) : null

  return {
    filters,
    scope,
    ownUnitOnly,
    unitName,
    canRebuild: canRebuildFigures(user),
    share,
    empty: isEmptyYear(cells),
    counters: yearCounters(cells, scope),
    months: monthByType(cells, scope),
    channels: byChannel(cells, scope, channelNames),
    units: byUnit(cells, scope),
    kpi: kpiProgress(targets, kpiCells, share, { unit, adminRoute: scope.adminRoute }),
    trainings: plan === null ? null : trainingsVersusPlan(plan, share),
    options: {
      campaigns: campaigns.docs.map((c) => ({ id: String(c.id), name: c.name })),
      units: ownUnitOnly ? allUnits.filter((u) => u.id === unit) : allUnits,
    },
  }
}

export type ReportData = Awaited<ReturnType<typeof loadReport>>
