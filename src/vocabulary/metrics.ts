import { l, vocabulary, type Label } from './define'
import { AudienceGroup } from './checkIn'
import { EngagementMetric, engagementMetrics } from './engagement'
import { trainingProgrammes, type TrainingProgramme } from './trainings'
import { unitKinds, type UnitKind } from './units'

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
  TrainingsHeld: 'trainings-held',
  Trainees: 'trainees',
  EngagementViews: 'engagement-views',
  EngagementReach: 'engagement-reach',
  EngagementReactions: 'engagement-reactions',
  EngagementShares: 'engagement-shares',
  EngagementComments: 'engagement-comments',
  EngagementWatchTimeSeconds: 'engagement-watch-time-seconds',
} as const

/**
 * Trainees of held courses broken down two ways, one measure per value (so the dashboard reads a
 * breakdown as plain cells, like every other measure): `trainees-programme-<programme>` (the
 * programme of the course's trainee row, trainingProgrammes) and `trainees-unit-kind-<kind>` (the
 * unit type the trainees come from, unitKinds). Each breakdown adds up to at most `trainees` (the
 * course's total: rows may leave some trainees unassigned).
 */
export type TraineeProgrammeMetric = `trainees-programme-${TrainingProgramme}`
export type TraineeUnitKindMetric = `trainees-unit-kind-${UnitKind}`
export const traineeProgrammeMetric = (p: TrainingProgramme): TraineeProgrammeMetric =>
  `trainees-programme-${p}`
export const traineeUnitKindMetric = (k: UnitKind): TraineeUnitKindMetric =>
  `trainees-unit-kind-${k}`
/** The prefixes of the two breakdowns (the SQLite and MongoDB paths build the measure from the row's value). */
export const TRAINEE_PROGRAMME_PREFIX = 'trainees-programme-'
export const TRAINEE_UNIT_KIND_PREFIX = 'trainees-unit-kind-'
export const TRAINEE_PROGRAMME_METRICS: readonly TraineeProgrammeMetric[] =
  trainingProgrammes.values.map(traineeProgrammeMetric)
export const TRAINEE_UNIT_KIND_METRICS: readonly TraineeUnitKindMetric[] =
  unitKinds.values.map(traineeUnitKindMetric)

export type Metric =
  (typeof Metric)[keyof typeof Metric] | TraineeProgrammeMetric | TraineeUnitKindMetric

const traineeLabels = {
  ...Object.fromEntries(
    trainingProgrammes.values.map((p) => [
      traineeProgrammeMetric(p),
      l(
        `Học viên: ${trainingProgrammes.labels[p].vi}`,
        `Trainees: ${trainingProgrammes.labels[p].en}`,
      ),
    ]),
  ),
  ...Object.fromEntries(
    unitKinds.values.map((k) => [
      traineeUnitKindMetric(k),
      l(`Học viên đến từ: ${unitKinds.labels[k].vi}`, `Trainees from: ${unitKinds.labels[k].en}`),
    ]),
  ),
} as Record<TraineeProgrammeMetric | TraineeUnitKindMetric, Label>

export const metrics = vocabulary<Metric>({
  'content-produced': l('Tin, bài, sản phẩm đã tạo', 'Content produced'),
  'content-published': l('Tin, bài, sản phẩm đã xuất bản', 'Content published'),
  'publications-published': l('Lượt đăng trên các kênh', 'Publications published'),
  'broadcasts-aired': l('Lượt phát sóng (phát thanh, truyền hình, loa)', 'Broadcasts aired'),
  'broadcast-minutes': l('Số phút phát sóng', 'Minutes aired'),
  'events-held': l('Sự kiện đã tổ chức', 'Events held'),
  participants: l('Người tham dự sự kiện', 'Event participants'),
  'participants-leaders': l('Tham dự: lãnh đạo', 'Participants: leaders'),
  'participants-dx-specialists': l(
    'Tham dự: cán bộ chuyên trách CĐS',
    'Participants: DX specialists',
  ),
  'participants-civil-servants': l(
    'Tham dự: cán bộ, công chức, viên chức',
    'Participants: civil servants',
  ),
  'participants-citizens': l('Tham dự: người dân', 'Participants: citizens'),
  'participants-students': l('Tham dự: học sinh, sinh viên', 'Participants: students'),
  'budget-planned': l('Kinh phí dự toán (VNĐ)', 'Budget planned (VND)'),
  'budget-spent': l('Kinh phí đã chi (VNĐ)', 'Budget spent (VND)'),
  'trainings-held': l('Khóa đào tạo, bồi dưỡng đã tổ chức', 'Training courses held'),
  trainees: l('Học viên đã đào tạo, bồi dưỡng', 'Trainees'),
  ...traineeLabels,
  // Engagement: per published publication, its latest observation as of the end of the year.
  'engagement-views': l(
    `Tương tác: ${engagementMetrics.labels.views.vi}`,
    `Engagement: ${engagementMetrics.labels.views.en}`,
  ),
  'engagement-reach': l(
    `Tương tác: ${engagementMetrics.labels.reach.vi}`,
    `Engagement: ${engagementMetrics.labels.reach.en}`,
  ),
  'engagement-reactions': l(
    `Tương tác: ${engagementMetrics.labels.reactions.vi}`,
    `Engagement: ${engagementMetrics.labels.reactions.en}`,
  ),
  'engagement-shares': l(
    `Tương tác: ${engagementMetrics.labels.shares.vi}`,
    `Engagement: ${engagementMetrics.labels.shares.en}`,
  ),
  'engagement-comments': l(
    `Tương tác: ${engagementMetrics.labels.comments.vi}`,
    `Engagement: ${engagementMetrics.labels.comments.en}`,
  ),
  'engagement-watch-time-seconds': l(
    `Tương tác: ${engagementMetrics.labels.watchTimeSeconds.vi}`,
    `Engagement: ${engagementMetrics.labels.watchTimeSeconds.en}`,
  ),
})

/**
 * Each engagement figure of an observation (its field, its SQLite column) and the measure it feeds.
 * A publication's figure is the one its latest observation (observedAt, then id) before the end of
 * the year carries, in the cells of the publication's publish month; a figure the latest
 * observation leaves empty is left out, not counted as 0. Watch time stays in seconds.
 */
export const ENGAGEMENT_METRICS = [
  { field: EngagementMetric.Views, column: 'views', metric: Metric.EngagementViews },
  { field: EngagementMetric.Reach, column: 'reach', metric: Metric.EngagementReach },
  { field: EngagementMetric.Reactions, column: 'reactions', metric: Metric.EngagementReactions },
  { field: EngagementMetric.Shares, column: 'shares', metric: Metric.EngagementShares },
  { field: EngagementMetric.Comments, column: 'comments', metric: Metric.EngagementComments },
  {
    field: EngagementMetric.WatchTimeSeconds,
    column: 'watch_time_seconds',
    metric: Metric.EngagementWatchTimeSeconds,
  },
] as const

/** An event's audience groups (its `audience` group fields) and the measure each feeds. */
export const AUDIENCE_METRICS = [
  { field: AudienceGroup.Leaders, column: 'audience_leaders', metric: Metric.ParticipantsLeaders },
  {
    field: AudienceGroup.DxSpecialists,
    column: 'audience_dx_specialists',
    metric: Metric.ParticipantsDxSpecialists,
  },
  {
    field: AudienceGroup.CivilServants,
    column: 'audience_civil_servants',
    metric: Metric.ParticipantsCivilServants,
  },
  {
    field: AudienceGroup.Citizens,
    column: 'audience_citizens',
    metric: Metric.ParticipantsCitizens,
  },
  {
    field: AudienceGroup.Students,
    column: 'audience_students',
    metric: Metric.ParticipantsStudents,
  },
] as const

/** Measures kept per year, not per month: their cells carry month 0 ("the whole year"). */
export const YEARLY_METRICS: readonly Metric[] = [Metric.BudgetPlanned, Metric.BudgetSpent]
/** The month number of a yearly figure. */
export const WHOLE_YEAR = 0

/** The modules that compute measures; a dirty mark says which one must recompute a month. */
export const RollupSource = {
  Content: 'content',
  Publications: 'publications',
  Events: 'events',
  Budgets: 'budgets',
  Trainings: 'trainings',
} as const
export type RollupSource = (typeof RollupSource)[keyof typeof RollupSource]
export const rollupSources = vocabulary<RollupSource>({
  content: l('Nội dung', 'Content'),
  publications: l('Lịch đăng, phát sóng, tương tác', 'Publications, airings and engagement'),
  events: l('Sự kiện', 'Events'),
  budgets: l('Kinh phí', 'Budgets'),
  trainings: l('Đào tạo, bồi dưỡng', 'Trainings'),
})
