/**
 * The demo campaign (Tây Ninh's plan 1155/QĐ-UBND), the channels content goes to, and a few
 * publications scheduled over the coming days so the calendar and the dispatcher have work.
 * Social channels are seeded "disabled": they need real tokens before they can send.
 */
import type { Campaign } from '@/payload-types'
import { type ChannelKind, ChannelStatus, type ContentKind } from '@/vocabulary'
import type { UnitKey } from './units'

export const CAMPAIGN_SEED = {
  name: 'Nâng cao nhận thức, phổ cập kỹ năng và phát triển nguồn nhân lực chuyển đổi số tỉnh Tây Ninh',
  planReference: '1155/QĐ-UBND',
  startsOn: '2022-05-24T00:00:00+07:00',
  endsOn: '2025-12-31T00:00:00+07:00',
  description:
    'Triển khai Quyết định số 146/QĐ-TTg ngày 28/01/2022 của Thủ tướng Chính phủ trên địa bàn tỉnh: tuyên truyền chuyển đổi số trên các phương tiện thông tin đại chúng, mạng xã hội và hệ thống thông tin cơ sở.',
  lead: 'stttt' as UnitKey,
  coordinating: ['snv', 'stc', 'sgddt', 'bao', 'dai'] as UnitKey[],
  // Budget from the plan: 5,191,000,000 VND for 2022–2025.
  // Spent: the demo's own figures (the plan gives only what was planned).
  budgets: [
    { year: 2022, planned: 1_170_385_000, spent: 1_102_000_000 },
    { year: 2023, planned: 1_340_205_000, spent: 1_296_450_000 },
    { year: 2024, planned: 1_340_205_000, spent: 1_318_900_000 },
    { year: 2025, planned: 1_340_205_000, spent: 1_287_600_000 },
  ],
  phases: [
    {
      name: 'Tháng cao điểm Ngày Chuyển đổi số quốc gia 10/10',
      startsOn: '2025-09-15T00:00:00+07:00',
      endsOn: '2025-10-15T00:00:00+07:00',
    },
  ],
  kpiTargets: [
    { metric: 'items-published', contentType: 'articles', year: 2025, target: 120 },
    { metric: 'broadcasts-aired', year: 2025, target: 48 },
    { metric: 'events-held', contentType: 'events', year: 2025, target: 6 },
    { metric: 'trainees', year: 2025, target: 1500 },
  ] satisfies NonNullable<Campaign['kpiTargets']>,
}

export type ChannelSeed = {
  key: string
  name: string
  kind: ChannelKind
  owner?: UnitKey
  openToAllUnits?: boolean
  status: ChannelStatus
  acceptedTypes?: ContentKind[]
  textMaxLength?: number
}

export const CHANNELS: ChannelSeed[] = [
  {
    key: 'page',
    name: 'Chuyên trang Chuyển đổi số tỉnh',
    kind: 'web-page',
    owner: 'stttt',
    openToAllUnits: true,
    status: ChannelStatus.Active,
  },
  {
    key: 'rss',
    name: 'Nguồn tin RSS chuyên trang',
    kind: 'feed',
    owner: 'stttt',
    openToAllUnits: true,
    status: ChannelStatus.Active,
  },
  {
    key: 'radio',
    name: 'Phát thanh Đài PT-TH Tây Ninh',
    kind: 'radio',
    owner: 'dai',
    status: ChannelStatus.Active,
    acceptedTypes: ['articles', 'videos'],
  },
  {
    key: 'loa',
    name: 'Truyền thanh cơ sở xã Thạnh Tân',
    kind: 'loudspeaker',
    owner: 'thanhtan',
    status: ChannelStatus.Active,
    acceptedTypes: ['articles'],
  },
  {
    key: 'facebook',
    name: 'Trang Facebook Sở TT&TT',
    kind: 'facebook-page',
    owner: 'stttt',
    status: ChannelStatus.Disabled,
    textMaxLength: 63206,
  },
  {
    key: 'zalo',
    name: 'Zalo OA Tây Ninh',
    kind: 'zalo-oa',
    owner: 'stttt',
    status: ChannelStatus.Disabled,
  },
  {
    key: 'youtube',
    name: 'Kênh YouTube Đài PT-TH Tây Ninh',
    kind: 'youtube',
    owner: 'dai',
    status: ChannelStatus.Disabled,
    acceptedTypes: ['videos'],
  },
  {
    key: 'tiktok',
    name: 'TikTok Đài PT-TH Tây Ninh',
    kind: 'tiktok',
    owner: 'dai',
    status: ChannelStatus.Disabled,
    acceptedTypes: ['videos', 'infographics'],
  },
  {
    key: 'tv',
    name: 'Truyền hình Đài PT-TH Tây Ninh (TTV)',
    kind: 'tv',
    owner: 'dai',
    status: ChannelStatus.Active,
    acceptedTypes: ['videos'],
  },
  {
    key: 'portal',
    name: 'Cổng Thông tin điện tử tỉnh',
    kind: 'webhook',
    owner: 'stttt',
    status: ChannelStatus.Disabled,
  },
  {
    key: 'app',
    name: 'Ứng dụng Tây Ninh Smart',
    kind: 'app',
    owner: 'stttt',
    status: ChannelStatus.Disabled,
  },
]

/** Upcoming publications: which article (by its index in the seeded list), where, how many days ahead, at what time. */
export const UPCOMING: {
  article: number
  channels: string[]
  inDays: number
  at: string
  message?: string
}[] = [
  {
    article: 0,
    channels: ['rss', 'radio'],
    inDays: 1,
    at: '07:00',
    message: 'Bản tin chuyển đổi số sáng nay',
  },
  {
    article: 1,
    channels: ['rss', 'loa'],
    inDays: 1,
    at: '17:30',
    message: 'Loa truyền thanh xã: thông tin chuyển đổi số',
  },
  { article: 2, channels: ['rss', 'radio'], inDays: 2, at: '11:15' },
  { article: 3, channels: ['rss'], inDays: 3, at: '08:00' },
]
