import type { CollectionConfig, Field } from 'payload'
import { crossUnit } from '@/access/crossUnit'
import { loggedIn } from '@/access/loggedIn'
import { l } from '@/lib/i18n'
import {
  BROADCAST_KINDS,
  ChannelKind,
  ChannelStatus,
  OAUTH_REFRESH_KINDS,
  SOCIAL_KINDS,
  TikTokVideoSource,
  channelKinds,
  channelStatuses,
  contentKinds,
  tiktokPrivacyLevels,
  tiktokVideoSources,
} from '@/vocabulary'
import { credentialsField, forgetExpiryOfReplacedToken, noteCredentialChanges } from './credentials'

const when =
  (...kinds: readonly ChannelKind[]) =>
  (data: Record<string, unknown>) =>
    kinds.includes(data?.kind as ChannelKind)

const text = (
  name: string,
  vi: string,
  en: string,
  kinds: readonly ChannelKind[],
  extra: Partial<Field> = {},
): Field =>
  ({
    name,
    type: 'text',
    label: l(vi, en),
    admin: { condition: when(...kinds) },
    ...extra,
  }) as Field

const url = (value: unknown) =>
  !value || /^https?:\/\/[^\s]+$/.test(String(value))
    ? true
    : 'Địa chỉ phải bắt đầu bằng http:// hoặc https://'

/** A place content goes: the dedicated page, a feed, a portal's webhook, a social account, a station. */
export const Channels: CollectionConfig<'channels'> = {
  slug: 'channels',
  labels: { singular: l('Kênh', 'Channel'), plural: l('Kênh phát hành', 'Channels') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'ownerUnit', 'status'],
    group: l('Kế hoạch', 'Planning'),
  },
  access: { read: loggedIn, create: crossUnit, update: crossUnit, delete: crossUnit },
  hooks: { beforeChange: [forgetExpiryOfReplacedToken, noteCredentialChanges] },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 150, label: l('Tên kênh', 'Name') },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: channelKinds.options,
      label: l('Loại kênh', 'Kind'),
    },
    {
      name: 'ownerUnit',
      type: 'relationship',
      relationTo: 'units',
      label: l('Đơn vị quản lý kênh', 'Owner unit'),
      admin: {
        description: l(
          'Biên tập viên của đơn vị này lên lịch trên kênh mà không cần duyệt.',
          "This unit's editors schedule here without approval.",
        ),
      },
    },
    {
      name: 'openToAllUnits',
      type: 'checkbox',
      defaultValue: false,
      label: l(
        'Mọi đơn vị đăng không cần duyệt (chuyên trang)',
        'Any unit may schedule without approval',
      ),
    },
    {
      name: 'settings',
      type: 'group',
      label: l('Cấu hình', 'Settings'),
      fields: [
        text(
          'url',
          'Địa chỉ (URL)',
          'URL',
          [ChannelKind.WebPage, ChannelKind.Webhook, ChannelKind.App],
          { validate: url } as Partial<Field>,
        ),
        text('apiBaseUrl', 'Địa chỉ API (để trống dùng mặc định)', 'API base URL', SOCIAL_KINDS, {
          validate: url,
        } as Partial<Field>),
        text('pageId', 'Mã trang Facebook (Page ID)', 'Page ID', [ChannelKind.FacebookPage]),
        text('oaId', 'Mã Zalo OA', 'OA ID', [ChannelKind.ZaloOa]),
        text('youtubeChannelId', 'Mã kênh YouTube', 'YouTube channel ID', [ChannelKind.Youtube]),
        text(
          'oauthBaseUrl',
          'Địa chỉ máy chủ cấp mã OAuth (để trống dùng mặc định: https://oauth2.googleapis.com cho YouTube, https://open.tiktokapis.com cho TikTok)',
          'OAuth token server',
          OAUTH_REFRESH_KINDS,
          { validate: url } as Partial<Field>,
        ),
        {
          name: 'tiktokPrivacyLevel',
          type: 'select',
          options: tiktokPrivacyLevels.options,
          label: l('Ai xem được bài đăng TikTok', 'TikTok privacy level'),
          admin: {
            condition: when(ChannelKind.TikTok),
            description: l(
              'Phải là một lựa chọn tài khoản TikTok cho phép (ứng dụng chưa được TikTok duyệt chỉ đăng được "Chỉ mình tôi"); được kiểm tra trước mỗi lần đăng.',
              'Must be one the account offers; checked before each post.',
            ),
          },
        },
        {
          name: 'tiktokVideoSource',
          type: 'select',
          options: tiktokVideoSources.options,
          defaultValue: TikTokVideoSource.PullFromUrl,
          label: l('Cách gửi video lên TikTok', 'How videos reach TikTok'),
          admin: {
            condition: when(ChannelKind.TikTok),
            description: l(
              'Tải về từ địa chỉ công khai cần tên miền của trang đã được xác minh với TikTok.',
              'Pulling needs our domain verified with TikTok.',
            ),
          },
        },
        {
          name: 'tiktokDisableComment',
          type: 'checkbox',
          defaultValue: false,
          label: l('Tắt bình luận trên TikTok', 'Disable comments on TikTok'),
          admin: { condition: when(ChannelKind.TikTok) },
        },
        {
          name: 'timeoutMs',
          type: 'number',
          min: 1000,
          max: 120000,
          defaultValue: 15000,
          label: l('Thời gian chờ (ms)', 'Timeout (ms)'),
        },
        {
          name: 'unconfirmedAfterMinutes',
          type: 'number',
          min: 5,
          defaultValue: 60,
          label: l(
            'Cảnh báo khung giờ chưa xác nhận sau (phút)',
            'Flag unconfirmed slots after (minutes)',
          ),
          admin: { condition: when(...BROADCAST_KINDS) },
        },
      ],
    },
    credentialsField,
    {
      name: 'limits',
      type: 'group',
      label: l('Giới hạn', 'Limits'),
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'titleMaxLength',
              type: 'number',
              min: 1,
              label: l('Tiêu đề tối đa (ký tự)', 'Max title length'),
            },
            {
              name: 'textMaxLength',
              type: 'number',
              min: 1,
              label: l('Nội dung tối đa (ký tự)', 'Max text length'),
            },
          ],
        },
        {
          name: 'acceptedTypes',
          type: 'select',
          hasMany: true,
          options: contentKinds.options,
          label: l('Loại nội dung nhận', 'Accepted content types'),
          admin: { description: l('Để trống: nhận mọi loại.', 'Empty: all types.') },
        },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: ChannelStatus.Active,
      label: l('Trạng thái', 'Status'),
      options: channelStatuses.options,
      admin: { position: 'sidebar' },
    },
    {
      name: 'lastError',
      type: 'textarea',
      label: l('Lỗi gần nhất', 'Last error'),
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'lastErrorAt',
      type: 'date',
      label: l('Thời điểm lỗi', 'Last error at'),
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      // Written by the engagement pull (src/engagement/pull/) only; a failed pull never holds sending.
      name: 'engagementPull',
      type: 'group',
      label: l('Lấy số liệu tương tác', 'Engagement pull'),
      // Staff read it (why a channel's figures are missing); only the pull writes it, through the adapter.
      access: { create: () => false, update: () => false },
      admin: { position: 'sidebar', condition: when(...SOCIAL_KINDS) },
      fields: [
        {
          name: 'lastPulledAt',
          type: 'date',
          label: l('Lấy thành công lần cuối', 'Last pulled'),
          admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
        },
        {
          name: 'lastError',
          type: 'textarea',
          label: l('Lỗi lần lấy gần nhất', 'Last pull error'),
          admin: { readOnly: true },
        },
        {
          name: 'lastErrorAt',
          type: 'date',
          label: l('Thời điểm lỗi', 'Failed at'),
          admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
        },
        {
          name: 'retryAt',
          type: 'date',
          label: l('Thử lại lúc', 'Retry at'),
          admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
  ],
}
