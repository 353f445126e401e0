import type { KpiState } from '@/vocabulary'
import { kpiState, percentOf } from './kpi'

/** One training programme's plan and what was done (trainees), for the year in view. */
export type TrainingPlanRow = { programme: string; planned: number; actual: number }

export type TrainingProgress = TrainingPlanRow & { percent: number; state: KpiState }

/**
 * Trainings against plan, judged like KPI targets (reached, on track or behind for the share of the
 * year elapsed), with a total row. The rows come from the trainings collection and the campaigns'
 * trainee targets (src/admin/reports/trainingsAgainstPlan.ts builds the rows).
 */
export function trainingsVersusPlan(
  rows: readonly TrainingPlanRow[],
  share: number,
): { rows: TrainingProgress[]; total: TrainingProgress | null } {
  const judge = (r: TrainingPlanRow): TrainingProgress => ({
    ...r,
    percent: percentOf(r.actual, r.planned),
    state: kpiState(r.actual, r.planned, share),
  })
  if (!rows.length) return { rows: [], total: null }
  const total = rows.reduce(
    (t, r) => ({ ...t, planned: t.planned + r.planned, actual: t.actual + r.actual }),
    { programme: 'Tổng cộng', planned: 0, actual: 0 },
  )
  return { rows: rows.map(judge), total: judge(total) }
}
