import { l, vocabulary } from './define'

/**
 * What the rollup counts (issue 7): each value is one measure in `rollup-cells`. Counts are whole
 * numbers; minutes and money are sums. The labels are the row headings of the yearly report.
 */
export const Metric = {
  ContentProduced: 'content-produced',
  ContentPublished: 'content-published',
  PublicationsPublished: 'publications-published',
  BroadcastsAired: 'broadcasts-aired',
  BroadcastMinutes: 'broadcast-minutes',
  EventsHeld: 'events-held',
  Participants: 'participants',
  ParticipantsLeaders: 'participants-leaders',
  ParticipantsDxSpecialists: 'participants-dx-specialists',
  ParticipantsCivilServants: 'participants-civil-servants',
  ParticipantsCitizens: 'participants-citizens',
  ParticipantsStudents: 'participants-students',
  BudgetPlanned: 'budget-planned',
  BudgetSpent: 'budget-spent',
} as const
export type Metric = (typeof Metric)[keyof typeof Metric]

export const metrics = vocabulary<Metric>({
  'content-produced': l('Tin, bài, sản phẩm đã tạo', 'Content produced'),
  'content-published': l('Tin, bài, sản phẩm đã xuất bản', 'Content published'),
  'publications-published': l('Lượt đăng trên các kênh', 'Publications published'),
  'broadcasts-aired': l('Lượt phát sóng (phát thanh, truyền hình, loa)', 'Broadcasts aired'),
  'broadcast-minutes': l('Số phút phát sóng', 'Minutes aired'),
  'events-held': l('Sự kiện đã tổ chức', 'Events held'),
  participants: l('Người tham dự sự kiện', 'Event participants'),
  'participants-leaders': l('Tham dự: lãnh đạo', 'Participants: leaders'),
  'participants-dx-specialists': l('Tham dự: cán bộ chuyên trách CĐS', 'Participants: DX specialists'),
  'participants-civil-servants': l('Tham dự: cán bộ, công chức, viên chức', 'Participants: civil servants'),
  'participants-citizens': l('Tham dự: người dân', 'Participants: citizens'),
  'participants-students': l('Tham dự: học sinh, sinh viên', 'Participants: students'),
  'budget-planned': l('Kinh phí dự toán (VNĐ)', 'Budget planned (VND)'),
  'budget-spent': l('Kinh phí đã chi (VNĐ)', 'Budget spent (VND)'),
})

/** An event's audience groups (its `audience` group fields) and the measure each feeds. */
export const AUDIENCE_METRICS = [
  { field: 'leaders', column: 'audience_leaders', metric: Metric.ParticipantsLeaders },
  { field: 'dxSpecialists', column: 'audience_dx_specialists', metric: Metric.ParticipantsDxSpecialists },
  { field: 'civilServants', column: 'audience_civil_servants', metric: Metric.ParticipantsCivilServants },
  { field: 'citizens', column: 'audience_citizens', metric: Metric.ParticipantsCitizens },
  { field: 'students', column: 'audience_students', metric: Metric.ParticipantsStudents },
] as const

/** Measures kept per year, not per month: their cells carry month 0 ("the whole year"). */
export const YEARLY_METRICS: readonly Metric[] = [Metric.BudgetPlanned, Metric.BudgetSpent]
/** The month number of a yearly figure. */
export const WHOLE_YEAR = 0

/** The modules that compute measures; a dirty mark says which one must recompute a month. */
export const RollupSource = { Content: 'content', Publications: 'publications', Events: 'events', Budgets: 'budgets' } as const
export type RollupSource = (typeof RollupSource)[keyof typeof RollupSource]
export const rollupSources = vocabulary<RollupSource>({
  content: l('Nội dung', 'Content'),
  publications: l('Lịch đăng, phát sóng', 'Publications and airings'),
  events: l('Sự kiện', 'Events'),
  budgets: l('Kinh phí', 'Budgets'),
})
