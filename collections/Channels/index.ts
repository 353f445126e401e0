import type { CollectionConfig, Field } from 'payload'
import { isAdminOrManager } from '@/access/isAdminOrManager'
import { isStaff } from '@/access/isStaff'
import { CHANNEL_KINDS, type ChannelKind } from '@/channels/types'
import { CONTENT_TYPE_OPTIONS } from '@/lib/contentTypes'
import { l, options } from '@/lib/i18n'
import { credentialsField, forgetExpiryOfReplacedToken } from './credentials'

export const CHANNEL_KIND_OPTIONS = options([
  ['web-page', 'Chuyên trang / cổng thông tin', 'Web page'],
  ['feed', 'Nguồn cấp tin (RSS, Atom, JSON, iCal)', 'Feed'],
  ['webhook', 'Webhook (cổng, hệ thống khác)', 'Webhook'],
  ['facebook-page', 'Trang Facebook', 'Facebook page'],
  ['zalo-oa', 'Zalo OA', 'Zalo OA'],
  ['youtube', 'Kênh YouTube', 'YouTube'],
  ['radio', 'Phát thanh', 'Radio'],
  ['tv', 'Truyền hình', 'TV'],
  ['loudspeaker', 'Truyền thanh cơ sở (loa)', 'Loudspeakers'],
  ['app', 'Ứng dụng của tỉnh', 'Province app'],
] satisfies [ChannelKind, string, string][])

const when =
  (...kinds: ChannelKind[]) =>
  (data: Record<string, unknown>) =>
    kinds.includes(data?.kind as ChannelKind)

const text = (name: string, vi: string, en: string, kinds: ChannelKind[], extra: Partial<Field> = {}): Field =>
  ({ name, type: 'text', label: l(vi, en), admin: { condition: when(...kinds) }, ...extra }) as Field

const url = (value: unknown) =>
  !value || /^https?:\/\/[^\s]+$/.test(String(value)) ? true : 'Địa chỉ phải bắt đầu bằng http:// hoặc https://'

/** A place content goes: the dedicated page, a feed, a portal's webhook, a social account, a station. */
export const Channels: CollectionConfig = {
  slug: 'channels',
  labels: { singular: l('Kênh', 'Channel'), plural: l('Kênh phát hành', 'Channels') },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'kind', 'ownerUnit', 'status'], group: l('Kế hoạch', 'Planning') },
  access: { read: isStaff, create: isAdminOrManager, update: isAdminOrManager, delete: isAdminOrManager },
  hooks: { beforeChange: [forgetExpiryOfReplacedToken] },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 150, label: l('Tên kênh', 'Name') },
    { name: 'kind', type: 'select', required: true, options: CHANNEL_KIND_OPTIONS, label: l('Loại kênh', 'Kind') },
    {
      name: 'ownerUnit',
      type: 'relationship',
      relationTo: 'units',
      label: l('Đơn vị quản lý kênh', 'Owner unit'),
      admin: { description: l('Biên tập viên của đơn vị này lên lịch trên kênh mà không cần duyệt.', "This unit's editors schedule here without approval.") },
    },
    {
      name: 'openToAllUnits',
      type: 'checkbox',
      defaultValue: false,
      label: l('Mọi đơn vị đăng không cần duyệt (chuyên trang)', 'Any unit may schedule without approval'),
    },
    {
      name: 'settings',
      type: 'group',
      label: l('Cấu hình', 'Settings'),
      fields: [
        text('url', 'Địa chỉ (URL)', 'URL', ['web-page', 'webhook', 'app'], { validate: url } as Partial<Field>),
        text('apiBaseUrl', 'Địa chỉ API (để trống dùng mặc định)', 'API base URL', ['facebook-page', 'zalo-oa', 'youtube'], { validate: url } as Partial<Field>),
        text('pageId', 'Mã trang Facebook (Page ID)', 'Page ID', ['facebook-page']),
        text('oaId', 'Mã Zalo OA', 'OA ID', ['zalo-oa']),
        text('youtubeChannelId', 'Mã kênh YouTube', 'YouTube channel ID', ['youtube']),
        text('oauthBaseUrl', 'Địa chỉ máy chủ cấp mã OAuth (để trống dùng https://oauth2.googleapis.com)', 'OAuth token server', ['youtube'], { validate: url } as Partial<Field>),
        { name: 'timeoutMs', type: 'number', min: 1000, max: 120000, defaultValue: 15000, label: l('Thời gian chờ (ms)', 'Timeout (ms)') },
        {
          name: 'unconfirmedAfterMinutes',
          type: 'number',
          min: 5,
          defaultValue: 60,
          label: l('Cảnh báo khung giờ chưa xác nhận sau (phút)', 'Flag unconfirmed slots after (minutes)'),
          admin: { condition: when('radio', 'tv', 'loudspeaker') },
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
            { name: 'titleMaxLength', type: 'number', min: 1, label: l('Tiêu đề tối đa (ký tự)', 'Max title length') },
            { name: 'textMaxLength', type: 'number', min: 1, label: l('Nội dung tối đa (ký tự)', 'Max text length') },
          ],
        },
        { name: 'acceptedTypes', type: 'select', hasMany: true, options: CONTENT_TYPE_OPTIONS, label: l('Loại nội dung nhận', 'Accepted content types'), admin: { description: l('Để trống: nhận mọi loại.', 'Empty: all types.') } },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'active',
      label: l('Trạng thái', 'Status'),
      options: options([
        ['active', 'Hoạt động', 'Active'],
        ['needs-attention', 'Cần xử lý (lỗi xác thực)', 'Needs attention'],
        ['disabled', 'Tạm dừng', 'Disabled'],
      ]),
      admin: { position: 'sidebar' },
    },
    { name: 'lastError', type: 'textarea', label: l('Lỗi gần nhất', 'Last error'), admin: { position: 'sidebar', readOnly: true } },
    { name: 'lastErrorAt', type: 'date', label: l('Thời điểm lỗi', 'Last error at'), admin: { position: 'sidebar', readOnly: true } },
  ],
}
