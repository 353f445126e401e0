import type { Where } from 'payload'
import { hasRole, isCrossUnit, unitIdOf } from '@/access/roles'
import { relationId } from '@/lib/relation'
import { daysBetween, formatDay, vnDayKey, vnYearMonth } from '@/lib/time'
import { stringify } from 'qs-esm'
import { formatNumber, formatPercent } from '@/lib/format'
import { provinceKpi } from '@/reporting/yearKpi'
import { loadBoard } from '@/reporting/unitReports/board'
import { deadlinesOf, deadlineState, deadlineText } from '@/reporting/unitReports/deadlines'
import {
  ChannelStatus,
  CONTENT_KINDS,
  contentKinds,
  DocStatus,
  KpiState,
  PublicationStatus,
  Role,
  UnitReportStatus,
  unitReportStatuses,
} from '@/vocabulary'
import { listHref, type TodoContext, type TodoItem, type TodoProvider } from './todo'

const S = PublicationStatus

const count = async (ctx: TodoContext, collection: string, where: Where) =>
  (
    await ctx.payload.count({
      collection: collection as 'publications',
      where,
      user: ctx.user,
      overrideAccess: false,
    })
  ).totalDocs

/** Sở TT&TT: publications waiting for its approval, failed ones, channels that need attention. */
export const managerPublishing: TodoProvider = async (ctx) => {
  if (!isCrossUnit(ctx.user)) return []
  const waiting: Where = { status: { equals: S.AwaitingApproval } }
  const failed: Where = { status: { equals: S.Failed } }
  const attention: Where = { status: { equals: ChannelStatus.NeedsAttention } }
  const [approvals, failures, channels] = await Promise.all([
    count(ctx, 'publications', waiting),
    count(ctx, 'publications', failed),
    count(ctx, 'channels', attention),
  ])
  const items: TodoItem[] = [
    {
      key: 'approvals',
      label: 'Lịch đăng chờ duyệt',
      count: approvals,
      href: listHref(ctx.adminRoute, 'publications', waiting, 'scheduledAt'),
      tone: 'urgent',
    },
    {
      key: 'failed-publications',
      label: 'Lịch đăng gửi thất bại',
      count: failures,
      href: listHref(ctx.adminRoute, 'publications', failed, '-updatedAt'),
      tone: 'warning',
    },
    {
      key: 'channels-attention',
      label: 'Kênh cần xử lý (lỗi xác thực, bị tạm giữ)',
      count: channels,
      href: listHref(ctx.adminRoute, 'channels', attention),
      tone: 'warning',
    },
  ]
  return items.filter((i) => i.count)
}

/** Sở TT&TT: reports handed in waiting for review, and units late with this year's report. */
export const managerReports: TodoProvider = async (ctx) => {
  if (!isCrossUnit(ctx.user)) return []
  const { year } = vnYearMonth(ctx.now)
  const submitted: Where = { status: { equals: UnitReportStatus.Submitted } }
  const [handedIn, { units: deadline }] = await Promise.all([
    count(ctx, 'unit-reports', submitted),
    deadlinesOf(ctx.payload, year),
  ])
  const items: TodoItem[] = []
  if (handedIn)
    items.push({
      key: 'reports-submitted',
      label: 'Báo cáo đơn vị đã nộp, chờ xem xét',
      count: handedIn,
      href: listHref(ctx.adminRoute, 'unit-reports', submitted, 'submittedAt'),
      tone: 'urgent',
    })
  if (daysBetween(deadline, vnDayKey(ctx.now)) > 0) {
    const board = await loadBoard(ctx.payload, year, undefined, { asOf: ctx.now })
    // Not handed in after the deadline: overdue on the board (a returned report included).
    const late = board.rows.filter((r) => r.overdueDays !== null).length
    if (late)
      items.push({
        key: 'reports-overdue',
        label: `Đơn vị quá hạn nộp báo cáo năm ${year}`,
        count: late,
        detail: `hạn ${formatDay(deadline)}`,
        href: `${ctx.adminRoute}/report-submissions?year=${year}`,
        tone: 'warning',
      })
  }
  return items
}

/**
 * Sở TT&TT: this year's plan targets falling behind, one item each: a target whose share reached
 * is below the share of the year elapsed (src/reporting/dashboard/kpi.ts, as the reports page
 * judges it), leading to the reports page on its campaign, where the KPI table shows it.
 */
export const managerTargets: TodoProvider = async (ctx) => {
  if (!isCrossUnit(ctx.user)) return []
  const { year } = vnYearMonth(ctx.now)
  const { rows, share } = await provinceKpi(ctx.payload, year, {
    now: ctx.now,
    adminRoute: ctx.adminRoute,
  })
  const elapsed = formatPercent(Math.round(share * 1000) / 10)
  return rows
    .filter((r) => r.state === KpiState.Behind)
    .map((r, i) => {
      const narrowed = [
        r.contentType ? contentKinds.label(r.contentType) : null,
        r.channelName,
      ].filter(Boolean)
      return {
        key: `target-behind-${r.campaign}-${i}`,
        label: `Chỉ tiêu chậm tiến độ: ${r.label}${narrowed.length ? ` (${narrowed.join(', ')})` : ''} – ${r.campaignName}`,
        count: null,
        detail: `đạt ${formatNumber(r.actual ?? 0)}/${formatNumber(r.target)} (${formatPercent(r.percent ?? 0)}), đã qua ${elapsed} thời gian năm ${year}`,
        href: `${ctx.adminRoute}/reports?${stringify({ year, campaign: r.campaign })}#report-kpi`,
        tone: 'warning' as const,
      }
    })
}

const unitWhere = (ctx: TodoContext): Where => ({ ownerUnit: { equals: unitIdOf(ctx.user) } })

/** An editor or contributor: the unit's drafts, returned and coming publications. */
export const unitWork: TodoProvider = async (ctx) => {
  if (isCrossUnit(ctx.user) || !unitIdOf(ctx.user) || hasRole(ctx.user, Role.Viewer)) return []
  const drafts: Where = { and: [unitWhere(ctx), { _status: { equals: DocStatus.Draft } }] }
  const draftCounts = await Promise.all(
    CONTENT_KINDS.map(async (kind) => ({ kind, n: await count(ctx, kind, drafts) })),
  )
  const week = new Date(ctx.now.getTime() + 7 * 86_400_000).toISOString()
  const coming: Where = {
    and: [
      unitWhere(ctx),
      { status: { in: [S.Scheduled, S.AwaitingApproval] } },
      { scheduledAt: { greater_than_equal: ctx.now.toISOString() } },
      { scheduledAt: { less_than: week } },
    ],
  }
  const returned: Where = {
    and: [
      unitWhere(ctx),
      { status: { equals: S.Draft } },
      { 'approval.returnReason': { exists: true } },
    ],
  }
  const [next, back] = await Promise.all([
    count(ctx, 'publications', coming),
    count(ctx, 'publications', returned),
  ])
  const items: TodoItem[] = draftCounts
    .filter((d) => d.n)
    .map((d) => ({
      key: `drafts-${d.kind}`,
      label: `${contentKinds.label(d.kind)}: bản nháp của đơn vị`,
      count: d.n,
      href: listHref(ctx.adminRoute, d.kind, drafts, '-updatedAt'),
      tone: 'info' as const,
    }))
  if (back)
    items.unshift({
      key: 'returned-publications',
      label: 'Lịch đăng bị Sở TT&TT trả lại',
      count: back,
      href: listHref(ctx.adminRoute, 'publications', returned, '-updatedAt'),
      tone: 'urgent',
    })
  items.push({
    key: 'next-publications',
    label: 'Lịch đăng của đơn vị trong 7 ngày tới',
    count: next,
    href: `${ctx.adminRoute}/calendar`,
    tone: 'info',
  })
  return items
}

/** An editor: the unit's report of this year, its state and its deadline. */
export const unitReport: TodoProvider = async (ctx) => {
  if (isCrossUnit(ctx.user) || !hasRole(ctx.user, Role.Editor) || !unitIdOf(ctx.user)) return []
  const { year } = vnYearMonth(ctx.now)
  const [{ units: deadline }, found] = await Promise.all([
    deadlinesOf(ctx.payload, year),
    ctx.payload.find({
      collection: 'unit-reports',
      where: { and: [unitWhere(ctx), { year: { equals: year } }] },
      limit: 1,
      depth: 0,
      user: ctx.user,
      overrideAccess: false,
      select: { status: true, ownerUnit: true },
    }),
  ])
  const report = found.docs.find((r) => relationId(r.ownerUnit) === String(unitIdOf(ctx.user)))
  const status = report?.status ?? null
  const handedIn = status === UnitReportStatus.Submitted || status === UnitReportStatus.Accepted
  const left = daysBetween(vnDayKey(ctx.now), deadline)
  const when = deadlineText(deadlineState(vnDayKey(ctx.now), deadline), deadline)
  return [
    {
      key: 'unit-report',
      label: `Báo cáo năm ${year} của đơn vị: ${status ? unitReportStatuses.label(status) : 'chưa lập'}`,
      count: null,
      detail: handedIn ? `hạn ${formatDay(deadline)}` : when,
      href: report
        ? `${ctx.adminRoute}/collections/unit-reports/${report.id}`
        : `${ctx.adminRoute}/collections/unit-reports/create`,
      tone: handedIn ? 'info' : left < 0 ? 'urgent' : left <= 14 ? 'warning' : 'info',
    },
  ]
}

/** The providers, in the order their items show. */
export const todoProviders: TodoProvider[] = [
  managerPublishing,
  managerReports,
  managerTargets,
  unitWork,
  unitReport,
]
