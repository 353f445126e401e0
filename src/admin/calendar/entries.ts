import type { PayloadRequest, Where } from 'payload'
import { isOverdue } from '@/commissions/overdue'
import { vnDayKey, vnTime, type DayKey } from '@/lib/time'
import {
  CalendarKind,
  commissionStatuses,
  COMMISSION_OVERDUE_LABEL,
  publicationStatuses,
  SET_BY_PEOPLE,
  trainingStatuses,
  type PublicationStatus,
} from '@/vocabulary'
import { addDays, type CalendarRange } from './dates'
import type { CalendarEntry } from './entry'

/** More than this of one kind in one view means the filters are too wide; say so rather than render thousands. */
export const MAX_PER_KIND = 1000

export type CalendarFilters = { campaign?: string; channel?: string; unit?: string }

export type KindResult = { entries: CalendarEntry[]; total: number; forbidden?: boolean }

type Ctx = {
  req: PayloadRequest
  range: CalendarRange
  filters: CalendarFilters
  adminRoute: string
}

const first = (range: CalendarRange) => range.days[0]
const last = (range: CalendarRange) => range.days[range.days.length - 1]

/** One entry per day of [from, to] that the view shows (a phase of months shows on every day in view). */
function eachDay(
  range: CalendarRange,
  from: DayKey,
  to: DayKey,
  make: (day: DayKey) => CalendarEntry,
) {
  const out: CalendarEntry[] = []
  let day = from < first(range) ? first(range) : from
  const end = to > last(range) ? last(range) : to
  for (; day <= end; day = addDays(day, 1)) out.push(make(day))
  return out
}

/** Reads as the logged-in user, so everyone sees exactly what they may see; a refusal shows as such. */
async function read<T>(
  ctx: Ctx,
  collection: 'publications' | 'events' | 'trainings' | 'campaigns' | 'commissions',
  where: Where[],
  sort: string,
  select: Record<string, true>,
): Promise<{ docs: T[]; total: number; forbidden?: boolean }> {
  try {
    const found = await ctx.req.payload.find({
      collection,
      where: { and: where },
      sort,
      limit: MAX_PER_KIND,
      depth: 0,
      overrideAccess: false,
      user: ctx.req.user,
      select,
      ...(collection === 'events' ? { draft: true } : {}),
    })
    return { docs: found.docs as T[], total: found.totalDocs }
  } catch {
    return { docs: [], total: 0, forbidden: true }
  }
}

const between = (field: string, range: CalendarRange): Where[] => [
  { [field]: { greater_than_equal: range.from.toISOString() } },
  { [field]: { less_than: range.to.toISOString() } },
]
/**
 * Things that span days: they overlap the view when they start before its end and end after its
 * start; one with no end date lasts its first day.
 */
const overlapping = (start: string, end: string, range: CalendarRange): Where[] => [
  { [start]: { less_than: range.to.toISOString() } },
  {
    or: [
      { [end]: { greater_than_equal: range.from.toISOString() } },
      {
        and: [
          { [end]: { exists: false } },
          { [start]: { greater_than_equal: range.from.toISOString() } },
        ],
      },
    ],
  },
]

async function publications(ctx: Ctx): Promise<KindResult> {
  const { filters } = ctx
  const where = between('scheduledAt', ctx.range)
  if (filters.campaign) where.push({ campaign: { equals: filters.campaign } })
  if (filters.channel) where.push({ channel: { equals: filters.channel } })
  if (filters.unit) where.push({ ownerUnit: { equals: filters.unit } })
  type Doc = {
    id: string
    contentTitle?: string
    channelName?: string
    scheduledAt: string
    status: PublicationStatus
  }
  const found = await read<Doc>(ctx, 'publications', where, 'scheduledAt', {
    contentTitle: true,
    channelName: true,
    scheduledAt: true,
    status: true,
  })
  return {
    ...found,
    entries: found.docs.map((doc) => ({
      key: `publication:${doc.id}`,
      kind: CalendarKind.Publication,
      id: String(doc.id),
      day: vnDayKey(doc.scheduledAt),
      time: vnTime(doc.scheduledAt),
      title: doc.contentTitle || '(không tên)',
      detail: doc.channelName ?? undefined,
      href: `${ctx.adminRoute}/collections/publications/${doc.id}`,
      status: doc.status,
      statusLabel: publicationStatuses.label(doc.status),
      // What people may still move: not sent, not being sent, not cancelled.
      scheduledAt:
        SET_BY_PEOPLE.includes(doc.status) && doc.status !== 'cancelled'
          ? doc.scheduledAt
          : undefined,
    })),
  }
}

async function events(ctx: Ctx): Promise<KindResult> {
  const { filters } = ctx
  if (filters.channel) return { entries: [], total: 0 }
  const where = overlapping('startsAt', 'endsAt', ctx.range)
  if (filters.campaign) where.push({ campaigns: { in: [filters.campaign] } })
  if (filters.unit) where.push({ ownerUnit: { equals: filters.unit } })
  type Doc = { id: string; title: string; startsAt: string; endsAt: string; venue?: string }
  const found = await read<Doc>(ctx, 'events', where, 'startsAt', {
    title: true,
    startsAt: true,
    endsAt: true,
    venue: true,
  })
  return {
    ...found,
    entries: found.docs.flatMap((doc) =>
      eachDay(ctx.range, vnDayKey(doc.startsAt), vnDayKey(doc.endsAt), (day) => ({
        key: `event:${doc.id}:${day}`,
        kind: CalendarKind.Event,
        id: String(doc.id),
        day,
        time: day === vnDayKey(doc.startsAt) ? vnTime(doc.startsAt) : undefined,
        title: doc.title,
        detail: doc.venue ?? undefined,
        href: `${ctx.adminRoute}/collections/events/${doc.id}`,
      })),
    ),
  }
}

async function trainings(ctx: Ctx): Promise<KindResult> {
  const { filters } = ctx
  if (filters.channel) return { entries: [], total: 0 }
  const where = overlapping('startsOn', 'endsOn', ctx.range)
  if (filters.campaign) where.push({ campaign: { equals: filters.campaign } })
  if (filters.unit) where.push({ ownerUnit: { equals: filters.unit } })
  type Doc = {
    id: string
    title: string
    startsOn: string
    endsOn?: string
    venue?: string
    status?: string
  }
  const found = await read<Doc>(ctx, 'trainings', where, 'startsOn', {
    title: true,
    startsOn: true,
    endsOn: true,
    venue: true,
    status: true,
  })
  return {
    ...found,
    entries: found.docs.flatMap((doc) =>
      eachDay(ctx.range, vnDayKey(doc.startsOn), vnDayKey(doc.endsOn ?? doc.startsOn), (day) => ({
        key: `training:${doc.id}:${day}`,
        kind: CalendarKind.Training,
        id: String(doc.id),
        day,
        title: doc.title,
        detail: doc.venue ?? undefined,
        href: `${ctx.adminRoute}/collections/trainings/${doc.id}`,
        status: doc.status,
        statusLabel: doc.status ? trainingStatuses.label(doc.status) : undefined,
      })),
    ),
  }
}

async function phases(ctx: Ctx): Promise<KindResult> {
  const { filters } = ctx
  if (filters.channel) return { entries: [], total: 0 }
  // A phase lies within its campaign: the campaigns overlapping the view hold every phase in view.
  const where = overlapping('startsOn', 'endsOn', ctx.range)
  if (filters.campaign) where.push({ id: { equals: filters.campaign } })
  if (filters.unit) where.push({ leadUnit: { equals: filters.unit } })
  type Doc = {
    id: string
    name: string
    phases?:
      | { id?: string | null; name: string; startsOn?: string | null; endsOn?: string | null }[]
      | null
  }
  const found = await read<Doc>(ctx, 'campaigns', where, 'startsOn', { name: true, phases: true })
  const entries = found.docs.flatMap((campaign) =>
    (campaign.phases ?? [])
      .filter((p) => p.startsOn)
      .flatMap((phase, i) =>
        eachDay(
          ctx.range,
          vnDayKey(phase.startsOn!),
          vnDayKey(phase.endsOn ?? phase.startsOn!),
          (day) => ({
            key: `phase:${campaign.id}:${phase.id ?? i}:${day}`,
            kind: CalendarKind.Phase,
            id: String(campaign.id),
            day,
            title: phase.name,
            detail: campaign.name,
            href: `${ctx.adminRoute}/collections/campaigns/${campaign.id}`,
          }),
        ),
      ),
  )
  return { ...found, entries }
}

async function commissions(ctx: Ctx): Promise<KindResult> {
  const { filters } = ctx
  const where = between('dueAt', ctx.range)
  if (filters.campaign) where.push({ campaign: { equals: filters.campaign } })
  if (filters.channel) where.push({ channels: { in: [filters.channel] } })
  if (filters.unit) where.push({ assigneeUnit: { equals: filters.unit } })
  type Doc = { id: string; title: string; dueAt: string; status: string; assigneeUnit?: unknown }
  const found = await read<Doc>(ctx, 'commissions', where, 'dueAt', {
    title: true,
    dueAt: true,
    status: true,
  })
  return {
    ...found,
    entries: found.docs.map((doc) => {
      const overdue = isOverdue(doc)
      return {
        key: `commission:${doc.id}`,
        kind: CalendarKind.Commission,
        id: String(doc.id),
        day: vnDayKey(doc.dueAt),
        time: vnTime(doc.dueAt),
        title: doc.title,
        href: `${ctx.adminRoute}/collections/commissions/${doc.id}`,
        status: overdue ? 'overdue' : doc.status,
        statusLabel: overdue ? COMMISSION_OVERDUE_LABEL.vi : commissionStatuses.label(doc.status),
        overdue,
      }
    }),
  }
}

const LOADERS: Record<CalendarKind, (ctx: Ctx) => Promise<KindResult>> = {
  publication: publications,
  event: events,
  training: trainings,
  phase: phases,
  commission: commissions,
}

/** The entries of the kinds asked for, in the view's range, read as the user. */
export async function loadCalendarEntries(
  req: PayloadRequest,
  range: CalendarRange,
  filters: CalendarFilters,
  kinds: readonly CalendarKind[],
  adminRoute: string,
): Promise<Partial<Record<CalendarKind, KindResult>>> {
  const ctx: Ctx = { req, range, filters, adminRoute }
  const results = await Promise.all(kinds.map(async (k) => [k, await LOADERS[k](ctx)] as const))
  return Object.fromEntries(results)
}
