import type { Payload } from 'payload'
import { hasRole, unitIdOf } from '@/access/roles'
import { vnDayKey, type DayKey } from '@/lib/time'
import { READ_ALL_ROLES, TASK_REVIEW_COLUMNS, type TaskStatus } from '@/vocabulary'
import {
  activeIn,
  loadTaskData,
  overdueTasks,
  progressIn,
  reviewCounts,
  statusIn,
  type Overdue,
  type ReviewCounts,
  type TaskData,
  type TaskInfo,
} from './review'

export type BoardCard = {
  task: TaskInfo
  status: TaskStatus
  progressId: string | null
  overdue: Overdue | null
}
export type TaskBoard = {
  campaign: { id: string; name: string } | null
  campaigns: { id: string; name: string }[]
  year: number
  years: number[]
  counts: ReviewCounts
  byStatus: { status: TaskStatus; cards: BoardCard[] }[]
  byLead: {
    unit: { id: string; name: string }
    counts: Record<TaskStatus, number>
    total: number
  }[]
  overdue: Overdue[]
  /** Editors and contributors see only the tasks their unit leads or coordinates. */
  ownUnitOnly: boolean
}

/** The tasks a user may see: all for admins, campaign managers and viewers; else lead or coordinating. */
export function visibleTo(user: unknown, data: TaskData): TaskData {
  if (hasRole(user, ...READ_ALL_ROLES)) return data
  const unit = unitIdOf(user)
  const tasks = unit
    ? data.tasks.filter(
        (t) => t.lead.id === String(unit) || t.coordinatingIds.includes(String(unit)),
      )
    : []
  return { tasks, progress: data.progress }
}

/**
 * A plan's task board for a year: its tasks by state (cards, the overdue flagged) and by lead unit
 * (counts per state), with the year's review counts. The campaign asked for, or the first with
 * tasks; the year asked for, or this year within the plan's years.
 */
export async function loadTaskBoard(
  payload: Payload,
  user: unknown,
  ask: { campaign?: string; year?: number },
  today: DayKey = vnDayKey(new Date()),
): Promise<TaskBoard> {
  const found = await payload.find({
    collection: 'campaigns',
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    sort: 'name',
    select: { name: true },
  })
  const all = visibleTo(user, await loadTaskData(payload))
  const campaigns = found.docs
    .filter((c) => all.tasks.some((t) => t.campaign === String(c.id)))
    .map((c) => ({ id: String(c.id), name: c.name }))
  const campaign = campaigns.find((c) => c.id === ask.campaign) ?? campaigns[0] ?? null
  const data: TaskData = {
    tasks: all.tasks.filter((t) => t.campaign === campaign?.id),
    progress: all.progress,
  }
  const plan = data.tasks[0]?.plan ?? {
    from: Number(today.slice(0, 4)),
    to: Number(today.slice(0, 4)),
  }
  const years = Array.from({ length: plan.to - plan.from + 1 }, (_, i) => plan.from + i)
  const thisYear = Number(today.slice(0, 4))
  const year =
    ask.year && years.includes(ask.year)
      ? ask.year
      : Math.min(Math.max(thisYear, plan.from), plan.to)
  const overdue = overdueTasks(data, today)
  const active = data.tasks.filter((t) => activeIn(t, year))
  const cards: BoardCard[] = active.map((t) => ({
    task: t,
    status: statusIn(data, t.id, year),
    progressId: progressIn(data, t.id, year)?.id ?? null,
    overdue: overdue.find((o) => o.task.id === t.id && o.milestone.year <= year) ?? null,
  }))
  const leads = new Map<string, TaskBoard['byLead'][number]>()
  for (const c of cards) {
    let row = leads.get(c.task.lead.id)
    if (!row) {
      row = {
        unit: c.task.lead,
        counts: Object.fromEntries(TASK_REVIEW_COLUMNS.map((s) => [s, 0])) as Record<
          TaskStatus,
          number
        >,
        total: 0,
      }
      leads.set(c.task.lead.id, row)
    }
    row.counts[c.status]++
    row.total++
  }
  return {
    campaign,
    campaigns,
    year,
    years,
    counts: reviewCounts({ tasks: active, progress: data.progress }, [year])[0],
    byStatus: TASK_REVIEW_COLUMNS.map((status) => ({
      status,
      cards: cards.filter((c) => c.status === status),
    })),
    byLead: [...leads.values()].sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'vi')),
    overdue,
    ownUnitOnly: !hasRole(user, ...READ_ALL_ROLES),
  }
}
