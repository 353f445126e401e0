import type { PayloadRequest } from 'payload'
import type { TrainingPlanRow } from '@/reporting/dashboard'

/**
 * Trainings against plan for the reports page: one row per programme with its planned and actual
 * trainees for the year (and campaign, unit when given). The trainings collection and the
 * campaigns' `traineeTargets` (per programme and year) come from the reporting-inputs work; until
 * they are wired this returns null and the page says the section is not connected yet. Wire it
 * here: read both as `req.user` (overrideAccess: false): planned = the campaigns' traineeTargets of
 * the year per programme, actual = the held trainings' `trainees` rows per programme in the year
 * (narrowed by campaign and ownerUnit when given), and return TrainingPlanRow[] (an empty array
 * means "no plan for this year"); trainingsVersusPlan() judges them.
 */
export async function loadTrainingsAgainstPlan(_req: PayloadRequest, _filters: { year: number; campaign: string | null; unit: string | null }): Promise<TrainingPlanRow[] | null> {
  return null
}
