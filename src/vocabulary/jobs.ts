import { l, vocabulary } from './define'

/** Where a background job (src/jobs) stands: queued, running under a worker's lease, then done or failed. */
export const JobState = {
  Queued: 'queued',
  Running: 'running',
  Done: 'done',
  Failed: 'failed',
} as const
export type JobState = (typeof JobState)[keyof typeof JobState]

export const jobStates = vocabulary<JobState>({
  queued: l('Chờ chạy', 'Queued'),
  running: l('Đang chạy', 'Running'),
  done: l('Đã xong', 'Done'),
  failed: l('Lỗi', 'Failed'),
})

/** What a background job does: the kinds the runner knows (src/jobs/kinds.ts). */
export const JobKind = {
  RebuildYear: 'rebuild-year',
  Export: 'export',
} as const
export type JobKind = (typeof JobKind)[keyof typeof JobKind]

export const jobKinds = vocabulary<JobKind>({
  'rebuild-year': l('Tính lại số liệu một năm', 'Rebuild a year’s figures'),
  export: l('Xuất báo cáo theo yêu cầu', 'On-demand export'),
})
