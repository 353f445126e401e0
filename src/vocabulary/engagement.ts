import { l, vocabulary } from './define'

/** Reach and engagement figures of one publication at one date. */
export const EngagementMetric = {
  Views: 'views',
  Reach: 'reach',
  Reactions: 'reactions',
  Shares: 'shares',
  Comments: 'comments',
  WatchTimeSeconds: 'watchTimeSeconds',
} as const
export type EngagementMetric = (typeof EngagementMetric)[keyof typeof EngagementMetric]

export const engagementMetrics = vocabulary<EngagementMetric>({
  views: l('Lượt xem', 'Views'),
  reach: l('Lượt tiếp cận', 'Reach'),
  reactions: l('Lượt tương tác (thích, cảm xúc)', 'Reactions'),
  shares: l('Lượt chia sẻ', 'Shares'),
  comments: l('Bình luận', 'Comments'),
  watchTimeSeconds: l('Thời gian xem (giây)', 'Watch time (seconds)'),
})

/** Where a figure came from: typed in, imported from a CSV file, or pulled from the platform. */
export const EngagementSource = { Manual: 'manual', Csv: 'csv', Api: 'api' } as const
export type EngagementSource = (typeof EngagementSource)[keyof typeof EngagementSource]

export const engagementSources = vocabulary<EngagementSource>({
  manual: l('Nhập tay', 'Entered by hand'),
  csv: l('Nhập từ tệp CSV', 'CSV import'),
  api: l('Lấy từ nền tảng', 'Pulled from the platform'),
})
