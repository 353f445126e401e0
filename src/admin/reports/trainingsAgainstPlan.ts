import type { PayloadRequest, Where } from 'payload'
import { vnMonthRange } from '@/lib/time'
import type { TrainingPlanRow } from '@/reporting/dashboard'
import { type TrainingProgramme, trainingProgrammes, TrainingStatus } from '@/vocabulary'

/**
 * Trainings against plan for the reports page, one row per programme: planned = the campaigns'
 * trainee targets for the year (the chosen campaign's, or every campaign's), actual = trainees of
 * the courses held in the year (Vietnam time), narrowed by campaign and organiser unit when given.
 * Both are read as the user, so editors see their unit's courses. Courses are few (tens a year), so
 * they are read directly rather than through the rollup. An empty array means no plan and no course.
 */
export async function loadTrainingsAgainstPlan(
  req: PayloadRequest,
  filters: { year: number; campaign: string | null; unit: string | null },
): Promise<TrainingPlanRow[] | null> {
  const { from, to } = vnMonthRange(filters.year)
  const as = {
    user: req.user,
    overrideAccess: false,
    req,
    depth: 0,
    limit: 0,
    pagination: false,
  } as const
  const campaigns = await req.payload.find({
    collection: 'campaigns',
    ...as,
    where: filters.campaign ? { id: { equals: filters.campaign } } : {},
    select: { traineeTargets: true },
  })
  const held: Where[] = [
    { status: { equals: TrainingStatus.Held } },
    { startsOn: { greater_than_equal: from.toISOString() } },
    { startsOn: { less_than: to.toISOString() } },
  ]
  if (filters.campaign) held.push({ campaign: { equals: filters.campaign } })
  if (filters.unit) held.push({ ownerUnit: { equals: filters.unit } })
  const courses = await req.payload.find({
    collection: 'trainings',
    ...as,
    where: { and: held },
    select: { trainees: true, totalTrainees: true },
  })

  const planned = new Map<TrainingProgramme, number>()
  for (const c of campaigns.docs) {
    for (const t of c.traineeTargets ?? []) {
      if (t.year === filters.year && t.programme)
        planned.set(t.programme, (planned.get(t.programme) ?? 0) + t.target)
    }
  }
  const actual = new Map<TrainingProgramme, number>()
  let unassigned = 0
  for (const course of courses.docs) {
    let assigned = 0
    for (const r of course.trainees ?? []) {
      if (!r.programme) continue
      actual.set(r.programme, (actual.get(r.programme) ?? 0) + r.count)
      assigned += r.count
    }
    unassigned += Math.max(0, (course.totalTrainees ?? 0) - assigned)
  }
  const rows = trainingProgrammes.values
    .filter((p) => planned.has(p) || actual.has(p))
    .map((p) => ({
      programme: trainingProgrammes.label(p),
      planned: planned.get(p) ?? 0,
      actual: actual.get(p) ?? 0,
    }))
  // A course's total may exceed its rows by programme: the rest is shown, so the table's total is
  // the courses' total, the figure the KPI "Số người được tập huấn" counts (KPI_MEASURES).
  return unassigned
    ? [...rows, { programme: UNASSIGNED_PROGRAMME, planned: 0, actual: unassigned }]
    : rows
}

/** The row of trainees a course's total counts but no programme row names. */
export const UNASSIGNED_PROGRAMME = 'Chưa phân theo chương trình'
