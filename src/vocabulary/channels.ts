import { l, vocabulary } from './define'

export const ChannelKind = {
  WebPage: 'web-page',
  Feed: 'feed',
  Webhook: 'webhook',
  FacebookPage: 'facebook-page',
  ZaloOa: 'zalo-oa',
  Youtube: 'youtube',
  TikTok: 'tiktok',
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
  tiktok: l('Tài khoản TikTok', 'TikTok account'),
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
  ChannelKind.TikTok,
]

/** Social channels whose access token is renewed by an OAuth 2.0 refresh_token grant (client ID/key, secret, refresh token). */
export const OAUTH_REFRESH_KINDS: readonly ChannelKind[] = [ChannelKind.Youtube, ChannelKind.TikTok]

/**
 * Who may see a TikTok post, as the Content Posting API names the levels; an account offers a subset
 * (creator_info's `privacy_level_options`).
 * https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info/
 */
export const TikTokPrivacyLevel = {
  Public: 'PUBLIC_TO_EVERYONE',
  Friends: 'MUTUAL_FOLLOW_FRIENDS',
  Followers: 'FOLLOWER_OF_CREATOR',
  SelfOnly: 'SELF_ONLY',
} as const
export type TikTokPrivacyLevel = (typeof TikTokPrivacyLevel)[keyof typeof TikTokPrivacyLevel]

export const tiktokPrivacyLevels = vocabulary<TikTokPrivacyLevel>({
  PUBLIC_TO_EVERYONE: l('Mọi người', 'Everyone'),
  MUTUAL_FOLLOW_FRIENDS: l('Bạn bè (theo dõi lẫn nhau)', 'Friends'),
  FOLLOWER_OF_CREATOR: l('Người theo dõi', 'Followers'),
  SELF_ONLY: l('Chỉ mình tôi', 'Only me'),
})

/** How TikTok gets a video: it downloads it from our public media URL, or we upload the file in chunks. */
export const TikTokVideoSource = {
  PullFromUrl: 'PULL_FROM_URL',
  FileUpload: 'FILE_UPLOAD',
} as const
export type TikTokVideoSource = (typeof TikTokVideoSource)[keyof typeof TikTokVideoSource]

export const tiktokVideoSources = vocabulary<TikTokVideoSource>({
  PULL_FROM_URL: l(
    'TikTok tải về từ địa chỉ công khai của tệp',
    'TikTok pulls it from our public URL',
  ),
  FILE_UPLOAD: l('Tải tệp lên TikTok theo từng phần', 'Upload the file in chunks'),
})

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
