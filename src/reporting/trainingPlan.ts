import type { Payload } from 'payload'
import type { Campaign } from '@/payload-types'
import {
  PlanSubtotal,
  SHORT_COURSE_PROGRAMMES,
  TrainingProgramme,
  type UnitKind,
} from '@/vocabulary'

export type NeedRow = {
  unitKind: UnitKind
  units: number
  expertsPerUnit: number
  experts: number
  traineesPerUnit: number
  trainees: number
}
export type Disagreement = {
  row: PlanSubtotal
  year: number | null
  typed: number
  computed: number
}

export type TrainingPlan = {
  /** Need by unit type: active units of the kind × the average need per unit. */
  needs: NeedRow[]
  needTotals: { experts: number; trainees: number; all: number }
  years: number[]
  /** People per programme and year, from the detail rows. */
  byProgramme: Map<TrainingProgramme, Map<number, number>>
  /** The plan's subtotal rows, computed from the detail rows, per year (and `total` for the period). */
  subtotals: Record<PlanSubtotal, { byYear: Map<number, number>; total: number }>
  /** Typed subtotals that do not match what the detail rows give: shown, not refused. */
  disagreements: Disagreement[]
}

const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0)

/**
 * A campaign's training plan computed from its detail rows, the two shapes of the provincial
 * annexes (Bến Tre: need by unit type; yearly phasing by programme). Totals always come from the
 * detail rows; a subtotal typed from the printed plan is compared, never trusted.
 */
export function computeTrainingPlan(
  campaign: Pick<Campaign, 'traineeTargets' | 'unitKindNeeds' | 'typedSubtotals'>,
  unitCounts: Partial<Record<UnitKind, number>>,
): TrainingPlan {
  const needs: NeedRow[] = (campaign.unitKindNeeds ?? [])
    .filter((n) => n.unitKind)
    .map((n) => {
      const units = unitCounts[n.unitKind as UnitKind] ?? 0
      const expertsPerUnit = n.expertsPerUnit ?? 0
      const traineesPerUnit = n.traineesPerUnit ?? 0
      return {
        unitKind: n.unitKind as UnitKind,
        units,
        expertsPerUnit,
        experts: units * expertsPerUnit,
        traineesPerUnit,
        trainees: units * traineesPerUnit,
      }
    })
  const experts = sum(needs.map((n) => n.experts))
  const trainees = sum(needs.map((n) => n.trainees))

  const byProgramme = new Map<TrainingProgramme, Map<number, number>>()
  const years = new Set<number>()
  for (const row of campaign.traineeTargets ?? []) {
    if (!row.programme || row.year == null) continue
    years.add(row.year)
    const perYear = byProgramme.get(row.programme) ?? new Map<number, number>()
    perYear.set(row.year, (perYear.get(row.year) ?? 0) + (row.target ?? 0))
    byProgramme.set(row.programme, perYear)
  }
  const sortedYears = [...years].sort((a, b) => a - b)
  const rowOf = (programmes: readonly TrainingProgramme[]) => {
    const byYear = new Map(
      sortedYears.map((y) => [y, sum(programmes.map((p) => byProgramme.get(p)?.get(y) ?? 0))]),
    )
    return { byYear, total: sum(byYear.values()) }
  }
  const subtotals: TrainingPlan['subtotals'] = {
    [PlanSubtotal.DxExperts]: rowOf([TrainingProgramme.DxExperts]),
    [PlanSubtotal.ShortCourses]: rowOf(SHORT_COURSE_PROGRAMMES),
    [PlanSubtotal.GrandTotal]: rowOf([...byProgramme.keys()]),
  }
  const disagreements: Disagreement[] = []
  for (const typed of campaign.typedSubtotals ?? []) {
    if (!typed.row || typed.value == null) continue
    const computed =
      typed.year == null
        ? subtotals[typed.row].total
        : (subtotals[typed.row].byYear.get(typed.year) ?? 0)
    if (computed !== typed.value)
      disagreements.push({ row: typed.row, year: typed.year ?? null, typed: typed.value, computed })
  }
  return {
    needs,
    needTotals: { experts, trainees, all: experts + trainees },
    years: sortedYears,
    byProgramme,
    subtotals,
    disagreements,
  }
}

/** Active units per kind, as the units collection holds them: the "số đơn vị" column of the need table. */
export async function countUnitsByKind(
  payload: Payload,
): Promise<Partial<Record<UnitKind, number>>> {
  const units = await payload.find({
    collection: 'units',
    where: { active: { not_equals: false } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { kind: true },
  })
  const counts: Partial<Record<UnitKind, number>> = {}
  for (const u of units.docs) counts[u.kind] = (counts[u.kind] ?? 0) + 1
  return counts
}
