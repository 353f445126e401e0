import { IndicatorStatus, type UnitKind } from '@/vocabulary'
import type { Indicator, Target } from './catalogue'

/**
 * A plan's targets for an indicator: the stated years for the unit kind if the plan gives it one,
 * otherwise those for every unit.
 */
export function targetsFor(
  ind: Indicator,
  campaign: string | null,
  unitKind: UnitKind | null,
): Target[] {
  const ofPlan = ind.targets.filter((t) => campaign == null || t.campaign === campaign)
  const plan = campaign ?? ofPlan[0]?.campaign ?? null
  const mine = ofPlan.filter((t) => t.campaign === plan)
  const kinded = unitKind ? mine.filter((t) => t.unitKind === unitKind) : []
  return (kinded.length ? kinded : mine.filter((t) => t.unitKind == null)).sort(
    (a, b) => a.year - b.year,
  )
}

/**
 * The yearly path: a year the plan states is its value; between two stated years the path is linear;
 * after the last it stays there; before the first there is no path (the plan says nothing yet).
 */
export function pathValue(targets: readonly Target[], year: number): number | null {
  if (!targets.length || year < targets[0].year) return null
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i]
    if (t.year === year) return t.value
    const next = targets[i + 1]
    if (!next) return t.value
    if (year > t.year && year < next.year)
      return t.value + ((next.value - t.value) * (year - t.year)) / (next.year - t.year)
  }
  return null
}

/** The goal the year works towards: the first stated year not before it (the last one after the plan). */
export function goalFor(targets: readonly Target[], year: number): Target | null {
  return targets.find((t) => t.year >= year) ?? targets.at(-1) ?? null
}

const meets = (ind: Indicator, value: number, target: number) =>
  ind.higherIsBetter ? value >= target - 1e-9 : value <= target + 1e-9

/** Achieved: at the goal already; on track: at or past this year's point of the path; else behind. */
export function statusOf(
  ind: Indicator,
  value: number | null,
  targets: readonly Target[],
  year: number,
): IndicatorStatus | null {
  if (!targets.length) return null
  if (value == null) return IndicatorStatus.NoData
  const goal = goalFor(targets, year)
  if (goal && meets(ind, value, goal.value)) return IndicatorStatus.Achieved
  const path = pathValue(targets, year)
  if (path != null && meets(ind, value, path)) return IndicatorStatus.OnTrack
  return IndicatorStatus.Behind
}

/** The value as the indicator shows it: its decimal places, Vietnamese separators, % for a share. */
export function formatIndicator(ind: Indicator, value: number | null): string {
  if (value == null) return '—'
  const text = new Intl.NumberFormat('vi-VN', {
    minimumFractionDigits: ind.kind === 'count' ? 0 : ind.decimals,
    maximumFractionDigits: ind.kind === 'count' ? 0 : ind.decimals,
  }).format(value)
  return ind.kind === 'percentage' ? `${text}%` : text
}
