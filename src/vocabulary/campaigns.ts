import { l, vocabulary } from './define'

export const CampaignStatus = { Planned: 'planned', Active: 'active', Closed: 'closed' } as const
export type CampaignStatus = (typeof CampaignStatus)[keyof typeof CampaignStatus]

export const campaignStatuses = vocabulary<CampaignStatus>({
  planned: l('Kế hoạch', 'Planned'),
  active: l('Đang triển khai', 'Active'),
  closed: l('Đã kết thúc', 'Closed'),
})

/** What a campaign's yearly targets measure. */
export const kpiMetrics = vocabulary({
  'items-published': l('Số tin, bài, sản phẩm đã đăng', 'Items published'),
  'broadcasts-aired': l('Số lượt phát sóng', 'Broadcasts aired'),
  'broadcast-minutes': l('Số phút phát sóng', 'Broadcast minutes'),
  'events-held': l('Số sự kiện đã tổ chức', 'Events held'),
  participants: l('Số người tham dự', 'Participants'),
  trainees: l('Số người được tập huấn', 'Trainees'),
  reach: l('Lượt tiếp cận', 'Reach'),
})
export type KpiMetric = (typeof kpiMetrics.values)[number]
