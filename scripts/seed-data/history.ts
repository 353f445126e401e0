/**
 * The demo's past: where each kind of content went once published (2025 and 2026), the courses held,
 * and a yearly plan for 2026, so the totals and the dashboard open with a believable history.
 */
import type { ContentKind, TrainingProgramme, UnitKind } from '@/vocabulary'
import type { UnitKey } from './units'

/** The channels (by seed key) each kind of content went out on, and how long after it appeared on the page (minutes). */
export const ROUTES: Record<ContentKind, { channel: string; afterMinutes: number }[]> = {
  articles: [
    { channel: 'page', afterMinutes: 0 },
    { channel: 'rss', afterMinutes: 0 },
    { channel: 'portal', afterMinutes: 5 },
    { channel: 'app', afterMinutes: 10 },
    { channel: 'facebook', afterMinutes: 60 },
    { channel: 'zalo', afterMinutes: 120 },
    { channel: 'radio', afterMinutes: 24 * 60 },
    { channel: 'loa', afterMinutes: 26 * 60 },
  ],
  videos: [
    { channel: 'page', afterMinutes: 0 },
    { channel: 'tv', afterMinutes: 0 },
    { channel: 'youtube', afterMinutes: 30 },
    { channel: 'tiktok', afterMinutes: 60 },
    { channel: 'facebook', afterMinutes: 90 },
  ],
  infographics: [
    { channel: 'page', afterMinutes: 0 },
    { channel: 'facebook', afterMinutes: 45 },
    { channel: 'tiktok', afterMinutes: 120 },
    { channel: 'zalo', afterMinutes: 180 },
  ],
  events: [
    { channel: 'page', afterMinutes: 0 },
    { channel: 'rss', afterMinutes: 0 },
    { channel: 'app', afterMinutes: 30 },
  ],
}

/** Channels whose reach and engagement the demo records (a week and a month after posting). */
export const MEASURED = ['facebook', 'zalo', 'youtube', 'tiktok']

export type TrainingSeed = {
  title: string
  owner: UnitKey
  startsOn: string
  endsOn: string
  venue: string
  total: number
  trainees: { programme: TrainingProgramme; unitKind: UnitKind; count: number }[]
}

export const TRAININGS: TrainingSeed[] = [
  {
    title: 'Bồi dưỡng kiến thức chuyển đổi số cho lãnh đạo các sở, ngành, địa phương năm 2025',
    owner: 'stttt',
    startsOn: '2025-03-18',
    endsOn: '2025-03-19',
    venue: 'Hội trường Sở Thông tin và Truyền thông',
    total: 120,
    trainees: [
      { programme: 'leaders', unitKind: 'province', count: 8 },
      { programme: 'leaders', unitKind: 'department', count: 52 },
      { programme: 'leaders', unitKind: 'district', count: 45 },
      { programme: 'leaders', unitKind: 'dic', count: 5 },
    ],
  },
  {
    title: 'Tập huấn kỹ năng số cho cán bộ chuyên trách chuyển đổi số cấp xã',
    owner: 'stttt',
    startsOn: '2025-06-10',
    endsOn: '2025-06-12',
    venue: 'Trường Chính trị tỉnh',
    total: 190,
    trainees: [
      { programme: 'dx-staff', unitKind: 'commune', count: 150 },
      { programme: 'dx-staff', unitKind: 'district', count: 36 },
    ],
  },
  {
    title: 'Đào tạo chuyên gia chuyển đổi số cho các ngành, lĩnh vực (khóa 1)',
    owner: 'stttt',
    startsOn: '2025-08-04',
    endsOn: '2025-08-29',
    venue: 'Trung tâm Công nghệ thông tin và Truyền thông',
    total: 32,
    trainees: [
      { programme: 'dx-experts', unitKind: 'department', count: 20 },
      { programme: 'dx-experts', unitKind: 'dic', count: 6 },
      { programme: 'dx-experts', unitKind: 'district', count: 6 },
    ],
  },
  {
    title: 'Phổ cập kỹ năng số, dịch vụ công trực tuyến cho người dân xã Thạnh Tân',
    owner: 'thanhtan',
    startsOn: '2025-10-11',
    endsOn: '2025-10-11',
    venue: 'Nhà văn hóa xã Thạnh Tân',
    total: 260,
    trainees: [{ programme: 'citizens', unitKind: 'commune', count: 260 }],
  },
  {
    title: 'Bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức năm 2026',
    owner: 'snv',
    startsOn: '2026-04-14',
    endsOn: '2026-04-16',
    venue: 'Hội trường Sở Nội vụ',
    total: 640,
    trainees: [
      { programme: 'civil-servants', unitKind: 'department', count: 380 },
      { programme: 'civil-servants', unitKind: 'district', count: 180 },
      { programme: 'civil-servants', unitKind: 'commune', count: 70 },
    ],
  },
  {
    title: 'Ngày hội kỹ năng số cho học sinh, sinh viên',
    owner: 'sgddt',
    startsOn: '2026-09-26',
    endsOn: '2026-09-26',
    venue: 'Trường Cao đẳng Nghề Tây Ninh',
    total: 540,
    trainees: [{ programme: 'students', unitKind: 'other', count: 540 }],
  },
]

/** The province's yearly plan for 2026, after 1155/QĐ-UBND ended: targets for the dashboard's "this year". */
export const PLAN_2026 = {
  name: 'Kế hoạch tuyên truyền chuyển đổi số tỉnh Tây Ninh năm 2026',
  planReference: '215/KH-UBND',
  startsOn: '2026-01-01T00:00:00+07:00',
  endsOn: '2026-12-31T00:00:00+07:00',
  description:
    'Tiếp tục triển khai Quyết định 146/QĐ-TTg: tuyên truyền trên báo chí, mạng xã hội, hệ thống thông tin cơ sở; bồi dưỡng kỹ năng số.',
  budgets: [{ year: 2026, planned: 1_450_000_000, spent: 1_012_500_000 }],
  kpiTargets: [
    { metric: 'items-published', year: 2026, target: 60 },
    { metric: 'broadcasts-aired', year: 2026, target: 24 },
    { metric: 'events-held', year: 2026, target: 4 },
    { metric: 'trainees', year: 2026, target: 1500 },
    { metric: 'reach', year: 2026, target: 500_000 },
  ],
  traineeTargets: [
    { programme: 'dx-experts', year: 2026, target: 40 },
    { programme: 'leaders', year: 2026, target: 80 },
    { programme: 'dx-staff', year: 2026, target: 160 },
    { programme: 'civil-servants', year: 2026, target: 900 },
    { programme: 'citizens', year: 2026, target: 2000 },
    { programme: 'students', year: 2026, target: 1000 },
  ],
  unitKindNeeds: [
    { unitKind: 'province', expertsPerUnit: 7, traineesPerUnit: 50 },
    { unitKind: 'district', expertsPerUnit: 5, traineesPerUnit: 100 },
    { unitKind: 'dic', expertsPerUnit: 7, traineesPerUnit: 40 },
    { unitKind: 'department', expertsPerUnit: 5, traineesPerUnit: 30 },
    { unitKind: 'commune', expertsPerUnit: 2, traineesPerUnit: 15 },
  ],
} as const

/** 1155/QĐ-UBND's training phasing (people per programme and year), as the demo plan carries it. */
export const TRAINEE_TARGETS_1155 = [
  ...[40, 60, 60, 80].map((target, i) => ({
    programme: 'dx-experts' as const,
    year: 2022 + i,
    target,
  })),
  ...[60, 60, 60, 60].map((target, i) => ({
    programme: 'leaders' as const,
    year: 2022 + i,
    target,
  })),
  ...[100, 120, 120, 160].map((target, i) => ({
    programme: 'dx-staff' as const,
    year: 2022 + i,
    target,
  })),
  ...[500, 600, 700, 800].map((target, i) => ({
    programme: 'civil-servants' as const,
    year: 2022 + i,
    target,
  })),
]
