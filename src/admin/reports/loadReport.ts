import type { PayloadRequest, Where } from 'payload'
import { readCells } from '@/reporting/readCells'
import { hasRole, unitIdOf } from '@/access/roles'
import { canRebuildFigures } from '@/access/canRebuildFigures'
import {
  byChannel,
  byUnit,
  dashboardCells,
  isEmptyYear,
  kpiProgress,
  measuresOf,
  monthByType,
  shareOfYearElapsed,
  trainingsVersusPlan,
  yearCounters,
  yearTargets,
  type Scope,
} from '@/reporting/dashboard'
import { managedUnitIds } from '@/access/subtree'
import { unitsUnder } from '@/units/load'
import { READ_ALL_ROLES, SUBTREE_ROLES } from '@/vocabulary'
import { loadTrainingsAgainstPlan } from './trainingsAgainstPlan'

/** `subtree`: the unit together with every unit under it in the year's tree. */
export type ReportFilters = {
  year: number
  campaign: string | null
  unit: string | null
  subtree?: boolean
}
type Option = { id: string; name: string }

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
 * their scope names that unit so drill-down lists match the counts. Unit managers choose among the
 * units of their subtree (their own unit with everything under it by default). With `subtree`, the
 * unit's figures are summed with those of every unit under it in the year's tree.
 */
export async function loadReport(req: PayloadRequest, filters: ReportFilters, now = new Date()) {
  const user = req.user
  const manager = hasRole(user, ...SUBTREE_ROLES)
  const managed = manager ? await managedUnitIds(req) : null
  const ownUnitOnly = !hasRole(user, ...READ_ALL_ROLES) && !manager
  const own = unitIdOf(user) == null ? null : String(unitIdOf(user))
  const unit = ownUnitOnly
    ? own
    : managed
      ? filters.unit && managed.includes(filters.unit)
        ? filters.unit
        : own
      : filters.unit
  const subtree = !!unit && (!!filters.subtree || (manager && unit === own && !filters.unit))
  const scope: Scope = {
    year: filters.year,
    campaign: filters.campaign,
    unit,
    adminRoute: req.payload.config.routes.admin,
  }

  const base: Where[] = [{ year: { equals: filters.year } }, { topic: { exists: false } }]
  if (unit)
    base.push(
      subtree
        ? { unit: { in: await unitsUnder(req.payload, unit, { year: filters.year }, req) } }
        : { unit: { equals: unit } },
    )
  const [raw, campaigns, channels, allUnits] = await Promise.all([
    readCells(
      req.payload,
      [
        ...base,
        filters.campaign
          ? { campaign: { equals: filters.campaign } }
          : { campaign: { exists: false } },
      ],
      { req },
    ),
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
  const targets = yearTargets(
    campaigns.docs.filter((c) => !filters.campaign || String(c.id) === filters.campaign),
    filters.year,
    channelNames,
  )
  const measured = measuresOf(targets)
  const kpiCells =
    targets.length && measured.length
      ? await readCells(
          req.payload,
          [
            ...base,
            { campaign: { in: [...new Set(targets.map((t) => t.campaign))] } },
            { metric: { in: measured } },
          ],
          { req },
        )
      : []

  const plan = await loadTrainingsAgainstPlan(req, { ...filters, unit })
  const unitName = unit ? (allUnits.find((u) => u.id === unit)?.name ?? null) : null

  return {
    filters: { ...filters, subtree },
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
      units: ownUnitOnly
        ? allUnits.filter((u) => u.id === unit)
        : managed
          ? allUnits.filter((u) => managed.includes(u.id))
          : allUnits,
    },
  }
}

export type ReportData = Awaited<ReturnType<typeof loadReport>>
