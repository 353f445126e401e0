import { l, vocabulary } from './define'

export const ChannelKind = {
  WebPage: 'web-page',
  Feed: 'feed',
  Webhook: 'webhook',
  FacebookPage: 'facebook-page',
  ZaloOa: 'zalo-oa',
  Youtube: 'youtube',
  Radio: 'radio',
  Tv: 'tv',
  Loudspeaker: 'loudspeaker',
  App: 'app',
} as const
export type ChannelKind = (typeof ChannelKind)[keyof typeof ChannelKind]

export const channelKinds = vocabulary<ChannelKind>({
  'web-page': l('Chuyên trang / cổng thông tin', 'Web page'),
  feed: l('Nguồn cấp tin (RSS, Atom, JSON, iCal)', 'Feed'),
  webhook: l('Webhook (cổng, hệ thống khác)', 'Webhook'),
  'facebook-page': l('Trang Facebook', 'Facebook page'),
  'zalo-oa': l('Zalo OA', 'Zalo OA'),
  youtube: l('Kênh YouTube', 'YouTube'),
  radio: l('Phát thanh', 'Radio'),
  tv: l('Truyền hình', 'TV'),
  loudspeaker: l('Truyền thanh cơ sở (loa)', 'Loudspeakers'),
  app: l('Ứng dụng của tỉnh', 'Province app'),
})

export const CHANNEL_KINDS = channelKinds.values

/** Channels that air on a schedule (a rundown per day) and whose airing an operator confirms. */
export const BROADCAST_KINDS: readonly ChannelKind[] = [
  ChannelKind.Radio,
  ChannelKind.Tv,
  ChannelKind.Loudspeaker,
]
export const isBroadcastKind = (kind: unknown): kind is ChannelKind =>
  BROADCAST_KINDS.includes(kind as ChannelKind)

/** Social platforms, reached through their APIs with the channel's credentials. */
export const SOCIAL_KINDS: readonly ChannelKind[] = [
  ChannelKind.FacebookPage,
  ChannelKind.ZaloOa,
  ChannelKind.Youtube,
]

export const ChannelStatus = {
  Active: 'active',
  NeedsAttention: 'needs-attention',
  Disabled: 'disabled',
} as const
export type ChannelStatus = (typeof ChannelStatus)[keyof typeof ChannelStatus]

export const channelStatuses = vocabulary<ChannelStatus>({
  active: l('Hoạt động', 'Active'),
  'needs-attention': l('Cần xử lý (lỗi xác thực)', 'Needs attention'),
  disabled: l('Tạm dừng', 'Disabled'),
})
