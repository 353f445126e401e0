import { l, vocabulary } from './define'

/**
 * A plan task's yearly state, as the mid-term and final reviews report it ("Kết quả thực hiện các
 * nhiệm vụ"): done on time, done late, in progress, not done (with the reason), or not started.
 */
export const TaskStatus = {
  NotStarted: 'not-started',
  InProgress: 'in-progress',
  Done: 'done',
  DoneLate: 'done-late',
  NotDone: 'not-done',
} as const
export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus]

export const taskStatuses = vocabulary<TaskStatus>({
  'not-started': l('Chưa triển khai', 'Not started'),
  'in-progress': l('Đang thực hiện', 'In progress'),
  done: l('Hoàn thành đúng hạn', 'Done on time'),
  'done-late': l('Hoàn thành chậm', 'Done late'),
  'not-done': l('Không hoàn thành', 'Not done'),
})

/** States that close a task's year: no reminder, not overdue. */
export const TASK_FINISHED: readonly TaskStatus[] = [TaskStatus.Done, TaskStatus.DoneLate]

/**
 * The review table's columns (counts and %), in the order reviews print them. A task with no
 * progress row for the year counts as not started.
 */
export const TASK_REVIEW_COLUMNS: readonly TaskStatus[] = [
  TaskStatus.Done,
  TaskStatus.DoneLate,
  TaskStatus.InProgress,
  TaskStatus.NotDone,
  TaskStatus.NotStarted,
]

/**
 * How a plan states a task's time frame ("Thời gian thực hiện"): every year, continuously, by a
 * quarter, by a date, over a range of years, when a higher body asks, or a text the parser does
 * not read (kept as typed).
 */
export const TimeFrameKind = {
  Yearly: 'yearly',
  Continuous: 'continuous',
  Quarter: 'quarter',
  Date: 'date',
  Range: 'range',
  WhenAsked: 'when-asked',
  Other: 'other',
} as const
export type TimeFrameKind = (typeof TimeFrameKind)[keyof typeof TimeFrameKind]

export const timeFrameKinds = vocabulary<TimeFrameKind>({
  yearly: l('Hằng năm', 'Yearly'),
  continuous: l('Thường xuyên', 'Continuous'),
  quarter: l('Theo quý', 'By a quarter'),
  date: l('Theo ngày', 'By a date'),
  range: l('Giai đoạn nhiều năm', 'A range of years'),
  'when-asked': l('Khi có yêu cầu, kế hoạch của cấp trên', 'When asked'),
  other: l('Khác (giữ nguyên văn bản)', 'Other (as typed)'),
})

/** What a progress row's evidence can point at. */
export const TASK_EVIDENCE_COLLECTIONS = [
  'articles',
  'videos',
  'infographics',
  'events',
  'trainings',
  'publications',
  'media',
] as const
export type TaskEvidenceCollection = (typeof TASK_EVIDENCE_COLLECTIONS)[number]

/** Collections whose items can be tagged with the tasks they serve (their tags are evidence). */
export const TASK_TAGGED_COLLECTIONS = [
  'articles',
  'videos',
  'infographics',
  'events',
  'trainings',
] as const

/** Days before a task's milestone when its lead unit's editors are reminded. */
export const TASK_REMINDER_DAYS = 30
