import type { PayloadRequest } from 'payload'
import type { TrainingPlanRow } from '@/reporting/dashboard'

/**
 * Trainings against plan for the reports page: one row per programme with its planned and actual
 * trainees for the year (and campaign, unit when given). The trainings collection and the
 * campaigns' `traineeTargets` exist on another branch; until they are merged this returns no rows
 * and the page says the section is not connected yet. Wire it here: read both as `req.user`
 * (overrideAccess: false) and return TrainingPlanRow[]; trainingsVersusPlan() does the rest.
 */
export async function trainingPlan(_req: PayloadRequest, _filters: { year: number; campaign: string | null; unit: string | null }): Promise<TrainingPlanRow[] | null> {
  return null
}
