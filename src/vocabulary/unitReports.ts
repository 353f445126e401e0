import { l, vocabulary } from './define'
import { UnitKind, unitKinds } from './units'

/**
 * A unit's yearly results report ("báo cáo kết quả thực hiện"): the unit drafts it, its editors
 * submit it, Sở TT&TT accepts it or returns it with a reason (then the unit edits it again, as a
 * draft). Submitted and accepted reports are read-only for the unit; accepted ones for everybody.
 */
export const UnitReportStatus = {
  Draft: 'draft',
  Submitted: 'submitted',
  /** Accepted by the unit's parent (the reporting chain): now Sở TT&TT's to accept or return. */
  Forwarded: 'forwarded',
  Accepted: 'accepted',
  Returned: 'returned',
} as const
export type UnitReportStatus = (typeof UnitReportStatus)[keyof typeof UnitReportStatus]

export const unitReportStatuses = vocabulary<UnitReportStatus>({
  draft: l('Đang soạn', 'Draft'),
  submitted: l('Đã nộp, chờ xem xét', 'Submitted'),
  forwarded: l('Cấp trên đã chấp nhận, chờ Sở TT&TT', 'Accepted by the parent unit'),
  accepted: l('Đã chấp nhận', 'Accepted'),
  returned: l('Bị trả lại', 'Returned'),
})

/** Statuses in which the unit may still edit its report. */
export const UNIT_EDITABLE: readonly UnitReportStatus[] = [
  UnitReportStatus.Draft,
  UnitReportStatus.Returned,
]
/** Statuses that count as handed in (for the reporting rate). */
export const HANDED_IN: readonly UnitReportStatus[] = [
  UnitReportStatus.Submitted,
  UnitReportStatus.Forwarded,
  UnitReportStatus.Accepted,
]

/**
 * The reminders sent to a unit whose report is not handed in: the worker's, each at most once per
 * unit and year; and Sở TT&TT's own, sent from the board ("Gửi nhắc nhở"), numbered in turn.
 */
export const ReminderKind = {
  WeekBefore: 'week-before',
  DayBefore: 'day-before',
  Overdue: 'overdue',
  Manual: 'manual',
} as const
export type ReminderKind = (typeof ReminderKind)[keyof typeof ReminderKind]

export const reminderKinds = vocabulary<ReminderKind>({
  'week-before': l('Nhắc trước hạn 7 ngày', 'A week before the deadline'),
  'day-before': l('Nhắc trước hạn 1 ngày', 'A day before the deadline'),
  overdue: l('Đã quá hạn', 'Overdue'),
  manual: l('Sở TT&TT nhắc nộp báo cáo', 'Reminder sent by Sở TT&TT'),
})

/** Where a unit stands on the submission board (Sở TT&TT's view of the year's reports). */
export const SubmissionState = {
  NotStarted: 'not-started',
  Draft: 'draft',
  OnTime: 'on-time',
  Late: 'late',
  Forwarded: 'forwarded',
  Accepted: 'accepted',
  Returned: 'returned',
  /** Not handed in (not started or a draft) once the deadline day has ended. */
  Overdue: 'overdue',
} as const
export type SubmissionState = (typeof SubmissionState)[keyof typeof SubmissionState]

export const submissionStates = vocabulary<SubmissionState>({
  'not-started': l('Chưa lập báo cáo', 'Not started'),
  draft: l('Đang soạn', 'Draft'),
  'on-time': l('Đã nộp đúng hạn', 'Submitted on time'),
  late: l('Nộp muộn', 'Submitted late'),
  forwarded: l('Cấp trên đã chấp nhận', 'Accepted by the parent unit'),
  accepted: l('Đã chấp nhận', 'Accepted'),
  returned: l('Bị trả lại', 'Returned'),
  overdue: l('Quá hạn', 'Overdue'),
})

/** The sections of a unit report's figures (pre-filled from the rollup). */
export const FigureGroup = {
  Output: 'output',
  Trainings: 'trainings',
  Engagement: 'engagement',
  Targets: 'targets',
} as const
export type FigureGroup = (typeof FigureGroup)[keyof typeof FigureGroup]

export const figureGroups = vocabulary<FigureGroup>({
  output: l('Sản phẩm, phát sóng, sự kiện', 'Output, airings, events'),
  trainings: l('Đào tạo, bồi dưỡng', 'Trainings'),
  engagement: l('Tiếp cận, tương tác', 'Reach and engagement'),
  targets: l('So với chỉ tiêu', 'Against targets'),
})

/**
 * Kinds of unit expected to send Sở TT&TT a yearly report: everyone but Sở TT&TT itself (it
 * compiles them) and UBND tỉnh (it receives the province's report).
 */
export const REPORTING_UNIT_KINDS: readonly UnitKind[] = unitKinds.values.filter(
  (k) => k !== UnitKind.Dic && k !== UnitKind.Province,
)

/**
 * Versions of the province's generated yearly report: a draft early in December, the final by 15/12;
 * and exports asked for in the admin (a year or a period, any format, possibly one unit's).
 */
export const GeneratedReportKind = {
  Draft: 'draft',
  Final: 'final',
  OnDemand: 'on-demand',
} as const
export type GeneratedReportKind = (typeof GeneratedReportKind)[keyof typeof GeneratedReportKind]

export const generatedReportKinds = vocabulary<GeneratedReportKind>({
  draft: l('Dự thảo', 'Draft'),
  final: l('Chính thức', 'Final'),
  'on-demand': l('Theo yêu cầu', 'On demand'),
})

/** An export asked for in the admin runs as a job on the server: queued, running, then done or failed. */
export const ExportJobStatus = {
  Queued: 'queued',
  Running: 'running',
  Done: 'done',
  Failed: 'failed',
} as const
export type ExportJobStatus = (typeof ExportJobStatus)[keyof typeof ExportJobStatus]

export const exportJobStatuses = vocabulary<ExportJobStatus>({
  queued: l('Chờ chạy', 'Queued'),
  running: l('Đang xuất', 'Running'),
  done: l('Đã xong', 'Done'),
  failed: l('Lỗi', 'Failed'),
})

/** The export's file formats. */
export const ExportFormat = { Xlsx: 'xlsx', Csv: 'csv', Json: 'json', Docx: 'docx' } as const
export type ExportFormat = (typeof ExportFormat)[keyof typeof ExportFormat]

export const exportFormats = vocabulary<ExportFormat>({
  xlsx: l('Excel (.xlsx)', 'Excel (.xlsx)'),
  csv: l('CSV (.csv)', 'CSV (.csv)'),
  json: l('JSON (.json)', 'JSON (.json)'),
  docx: l('Báo cáo Word (.docx)', 'Word report (.docx)'),
})
