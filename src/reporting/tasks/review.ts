import type { Payload, Where } from 'payload'
import { relationId } from '@/lib/relation'
import { daysBetween, vnDayKey, vnYearMonth, type DayKey } from '@/lib/time'
import { TASK_FINISHED, TASK_REVIEW_COLUMNS, TaskStatus, taskStatuses } from '@/vocabulary'
import {
  activeYears,
  milestonesOf,
  type Milestone,
  type PlanYears,
  type TimeFrame,
} from './timeFrame'

/** A task as the review tables, the board and the reminders read it. */
export type TaskInfo = {
  id: string
  campaign: string
  number: string
  title: string
  group: string
  position: number
  lead: { id: string; name: string }
  coordinating: string[]
  coordinatingIds: string[]
  timeFrame: TimeFrame
  expectedProducts: string
  plan: PlanYears
}
/** A progress row: one task's state in one year. */
export type ProgressInfo = {
  id: string
  task: string
  year: number
  status: TaskStatus
  result: string
  reason: string
}
export type TaskData = {
  tasks: TaskInfo[]
  progress: Map<string, ProgressInfo>
}

const key = (task: string, year: number) => `${task}|${year}`
const all = { depth: 0, limit: 0, pagination: false, overrideAccess: true } as const

/** The numbering order of a plan: 1.a < 1.b < 1.10 < 2 < 3.1.a, roman I < II < IV. */
export const byNumber = (a: { position: number; number: string }, b: typeof a) =>
  a.position - b.position || a.number.localeCompare(b.number, 'vi', { numeric: true })

/**
 * The tasks (of one campaign, or all; optionally only those one unit leads) with their plans' years,
 * and every progress row of theirs. Read with overrideAccess: callers check who may see what.
 */
export async function loadTaskData(
  payload: Payload,
  filter: { campaign?: string | null; leadUnit?: string | null } = {},
): Promise<TaskData> {
  const and: Where[] = []
  if (filter.campaign) and.push({ campaign: { equals: filter.campaign } })
  if (filter.leadUnit) and.push({ leadUnit: { equals: filter.leadUnit } })
  const [found, campaigns, units] = await Promise.all([
    payload.find({ collection: 'plan-tasks', ...all, where: { and } }),
    payload.find({
      collection: 'campaigns',
      ...all,
      select: { startsOn: true, endsOn: true },
    }),
    payload.find({ collection: 'units', ...all, select: { name: true } }),
  ])
  const plans = new Map(
    campaigns.docs.map((c) => [
      String(c.id),
      { from: vnYearMonth(c.startsOn).year, to: vnYearMonth(c.endsOn).year },
    ]),
  )
  const names = new Map(units.docs.map((u) => [String(u.id), u.name]))
  const tasks: TaskInfo[] = found.docs.map((t) => {
    const lead = relationId(t.leadUnit) ?? ''
    const campaign = relationId(t.campaign) ?? ''
    return {
      id: String(t.id),
      campaign,
      number: t.number,
      title: t.title,
      group: t.group ?? '',
      position: t.position ?? 0,
      lead: { id: lead, name: names.get(lead) ?? lead },
      coordinating: [
        ...(t.coordinatingUnits ?? []).map((u) => names.get(relationId(u) ?? '') ?? ''),
        ...(t.coordinatingText ? [t.coordinatingText] : []),
      ].filter(Boolean),
      coordinatingIds: (t.coordinatingUnits ?? []).map((u) => relationId(u) ?? ''),
      timeFrame: t.timeFrame as TimeFrame,
      expectedProducts: t.expectedProducts ?? '',
      plan: plans.get(campaign) ?? { from: 0, to: -1 },
    }
  })
  tasks.sort(byNumber)
  const progress = new Map<string, ProgressInfo>()
  if (tasks.length) {
    const rows = await payload.find({
      collection: 'task-progress',
      ...all,
      where: { task: { in: tasks.map((t) => t.id) } },
      select: { task: true, year: true, status: true, result: true, reason: true },
    })
    for (const r of rows.docs) {
      const task = relationId(r.task) ?? ''
      progress.set(key(task, r.year), {
        id: String(r.id),
        task,
        year: r.year,
        status: r.status as TaskStatus,
        result: r.result ?? '',
        reason: r.reason ?? '',
      })
    }
  }
  return { tasks, progress }
}

/** A task's state in a year: its progress row's, or not started when there is none. */
export const statusIn = (data: TaskData, task: string, year: number): TaskStatus =>
  data.progress.get(key(task, year))?.status ?? TaskStatus.NotStarted

export const progressIn = (data: TaskData, task: string, year: number) =>
  data.progress.get(key(task, year))

/** Whether a task is expected to be worked on in a year (its time frame within its plan). */
export const activeIn = (t: TaskInfo, year: number) =>
  activeYears(t.timeFrame, t.plan).includes(year)

export type ReviewCounts = {
  /** The year, or null for the period's total (task-years). */
  year: number | null
  tasks: number
  counts: Record<TaskStatus, number>
  /** Share of `tasks`, in %, one decimal; null when there are no tasks. */
  percent: Record<TaskStatus, number | null>
}

const zero = () =>
  Object.fromEntries(taskStatuses.values.map((s) => [s, 0])) as Record<TaskStatus, number>
const pct = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 10 : null)
const withPercent = (year: number | null, tasks: number, counts: Record<TaskStatus, number>) => ({
  year,
  tasks,
  counts,
  percent: Object.fromEntries(taskStatuses.values.map((s) => [s, pct(counts[s], tasks)])) as Record<
    TaskStatus,
    number | null
  >,
})

/**
 * The review table ("Kết quả thực hiện các nhiệm vụ"): for each year, the tasks expected that year
 * and how many are done on time, done late, in progress, not done, not started (counts and % of the
 * year's tasks); with more than one year, a last row over the period's task-years.
 */
export function reviewCounts(data: TaskData, years: number[]): ReviewCounts[] {
  const rows: ReviewCounts[] = []
  const total = zero()
  let totalTasks = 0
  for (const year of years) {
    const counts = zero()
    let tasks = 0
    for (const t of data.tasks) {
      if (!activeIn(t, year)) continue
      tasks++
      counts[statusIn(data, t.id, year)]++
    }
    for (const s of taskStatuses.values) total[s] += counts[s]
    totalTasks += tasks
    rows.push(withPercent(year, tasks, counts))
  }
  if (years.length > 1) rows.push(withPercent(null, totalTasks, total))
  return rows
}

export type Overdue = { task: TaskInfo; milestone: Milestone; status: TaskStatus; daysLate: number }

/**
 * Tasks whose milestone has passed (before Vietnam day `today`) and whose year is not finished
 * (done or done late): the dashboard flags them. A task appears once, at its earliest missed milestone.
 */
export function overdueTasks(data: TaskData, today: DayKey = vnDayKey(new Date())): Overdue[] {
  const out: Overdue[] = []
  for (const t of data.tasks) {
    for (const m of milestonesOf(t.timeFrame, t.plan)) {
      if (m.dueOn >= today) break
      const status = statusIn(data, t.id, m.year)
      if (TASK_FINISHED.includes(status)) continue
      out.push({ task: t, milestone: m, status, daysLate: daysBetween(m.dueOn, today) })
      break
    }
  }
  return out.sort((a, b) => b.daysLate - a.daysLate || byNumber(a.task, b.task))
}

export { TASK_REVIEW_COLUMNS }
