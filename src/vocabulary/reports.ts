import type { KpiMetric } from './campaigns'
import { l, vocabulary } from './define'
import { Metric } from './metrics'

/**
 * How a KPI target stands (the reports dashboard): `reached` when the actual figure is at least the
 * target; otherwise `on-track` when actual / target is at least the share of the year elapsed (Vietnam
 * time; 1 for a past year, 0 for a future one), else `behind`. `not-measured`: no rollup measure
 * counts this target yet (see KPI_MEASURES).
 */
export const KpiState = {
  Reached: 'reached',
  OnTrack: 'on-track',
  Behind: 'behind',
  NotMeasured: 'not-measured',
} as const
export type KpiState = (typeof KpiState)[keyof typeof KpiState]

export const kpiStates = vocabulary<KpiState>({
  reached: l('Đã đạt', 'Reached'),
  'on-track': l('Đúng tiến độ', 'On track'),
  behind: l('Chậm tiến độ', 'Behind'),
  'not-measured': l('Chưa có số liệu đo', 'Not measured yet'),
})

/**
 * Which rollup measure counts each KPI metric of a campaign's targets. `metric` is read over the
 * campaign's own cell family (campaign = X, topic = all), narrowed by the target's content type and
 * channel when it names them; `withChannel` replaces it when the target names a channel and the usual
 * measure has no channel dimension ("items published" on one channel = publications on that channel).
 * Each is the measure of the figure the reports page shows beside the KPI table, so the two agree:
 * trainees = the courses' totals (the trainings table's total), reach = the social posts' reach
 * (their latest observation in the year). Null: nothing in the rollup counts it.
 */
export const KPI_MEASURES: Record<KpiMetric, { metric: Metric; withChannel?: Metric } | null> = {
  'items-published': { metric: Metric.ContentPublished, withChannel: Metric.PublicationsPublished },
  'broadcasts-aired': { metric: Metric.BroadcastsAired },
  'broadcast-minutes': { metric: Metric.BroadcastMinutes },
  'events-held': { metric: Metric.EventsHeld },
  participants: { metric: Metric.Participants },
  trainees: { metric: Metric.Trainees },
  reach: { metric: Metric.EngagementReach },
}

/** The year's counters on the reports dashboard, in display order (their labels are the headings). */
export const DashboardCounter = {
  ContentPublished: 'content-published',
  PublicationsPublished: 'publications-published',
  BroadcastsAired: 'broadcasts-aired',
  BroadcastMinutes: 'broadcast-minutes',
  LoudspeakerBroadcasts: 'loudspeaker-broadcasts',
  EventsHeld: 'events-held',
  Participants: 'participants',
  BudgetPlanned: 'budget-planned',
  BudgetSpent: 'budget-spent',
} as const
export type DashboardCounter = (typeof DashboardCounter)[keyof typeof DashboardCounter]

export const dashboardCounters = vocabulary<DashboardCounter>({
  'content-published': l('Tin, bài, sản phẩm đã xuất bản', 'Content published'),
  'publications-published': l('Lượt đăng trên các kênh', 'Publications published'),
  'broadcasts-aired': l('Lượt phát sóng', 'Broadcasts aired'),
  'broadcast-minutes': l('Phút phát sóng', 'Minutes aired'),
  'loudspeaker-broadcasts': l('Lượt phát trên loa truyền thanh cơ sở', 'Loudspeaker broadcasts'),
  'events-held': l('Sự kiện đã tổ chức', 'Events held'),
  participants: l('Người tham dự sự kiện', 'Event participants'),
  'budget-planned': l('Kinh phí dự toán (VNĐ)', 'Budget planned (VND)'),
  'budget-spent': l('Kinh phí đã chi (VNĐ)', 'Budget spent (VND)'),
})

/** Where a background rebuild of a year's figures stands. */
export const RebuildState = {
  Waiting: 'waiting',
  Running: 'running',
  Done: 'done',
  Failed: 'failed',
} as const
export type RebuildState = (typeof RebuildState)[keyof typeof RebuildState]

export const rebuildStates = vocabulary<RebuildState>({
  waiting: l('Đang chờ lượt tổng hợp khác xong', 'Waiting for another run'),
  running: l('Đang tính lại', 'Rebuilding'),
  done: l('Đã tính lại xong', 'Done'),
  failed: l('Tính lại bị lỗi', 'Failed'),
})
