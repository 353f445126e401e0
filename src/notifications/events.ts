import type { Payload } from 'payload'
import { credentialSettings } from '@/channels'
import { relationId } from '@/lib/relation'
import { formatVietnamTime } from '@/lib/time'
import {
  ChannelStatus,
  NotificationEvent,
  OAUTH_REFRESH_KINDS,
  PublicationStatus,
  Role,
  TOKEN_EXPIRY_NOTICE_DAYS,
  type ChannelKind,
} from '@/vocabulary'
import { notify } from './notify'
import { unitEditors, withRoles } from './recipients'

/**
 * The dispatcher's and the channels' events, each with its recipients and the key that makes it
 * itself (src/notifications/notify.ts sends each once per recipient). The collections' own events
 * are hooks beside them: the review (collections/content/hooks/reviewWorkflow.ts), approvals
 * (collections/Publications/hooks/notifyApprovers.ts), unit reports
 * (collections/UnitReports/hooks/notifyDecision.ts); the task reminders' in
 * src/reporting/tasks/reminders.ts.
 */

/** Publications that failed for good (the dispatcher gave up): the content unit's editors and who scheduled it. */
export async function notifyPublicationsFailed(payload: Payload, ids: readonly string[]) {
  if (!ids.length) return
  const pubs = await payload.find({
    collection: 'publications',
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    where: { id: { in: [...ids] } },
    select: {
      ownerUnit: true,
      contentTitle: true,
      channelName: true,
      approval: true,
      attempts: true,
      status: true,
    },
  })
  for (const pub of pubs.docs) {
    if (pub.status !== PublicationStatus.Failed) continue
    const last = pub.attempts?.at(-1)?.message
    await notify(payload, {
      event: NotificationEvent.PublicationFailed,
      recipients: [
        ...(await unitEditors(payload, relationId(pub.ownerUnit))),
        relationId(pub.approval?.requestedBy),
      ],
      docRef: { collection: 'publications', id: pub.id },
      key: `publication-failed:${pub.id}`,
      title: `Đăng thất bại: "${pub.contentTitle ?? ''}" lên ${pub.channelName ?? 'kênh'}`,
      body: last ? `Lý do: ${last}` : undefined,
    })
  }
}

/**
 * A channel's credentials failed and its queue is held: the admins (only they see credentials) and
 * the channel's unit's editors. One notice per episode: the key is the channel's last edit by a
 * person, which fixing the credentials changes.
 */
export async function notifyChannelAttention(payload: Payload, channelId: string, reason: string) {
  const channel = await payload.findByID({
    collection: 'channels',
    id: channelId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    select: { name: true, ownerUnit: true, updatedAt: true },
  })
  if (!channel) return
  await notify(payload, {
    event: NotificationEvent.ChannelAttention,
    recipients: [
      ...(await withRoles(payload, [Role.Admin])),
      ...(await unitEditors(payload, relationId(channel.ownerUnit))),
    ],
    docRef: { collection: 'channels', id: channelId },
    key: `channel-attention:${channelId}:${channel.updatedAt}`,
    title: `Kênh "${channel.name}" cần xử lý: các bài của kênh đang tạm giữ`,
    body: `Lỗi xác thực: ${reason} Quản trị viên cần cập nhật thông tin xác thực của kênh.`,
  })
}

/**
 * Channels whose access token expires within TOKEN_EXPIRY_NOTICE_DAYS and that cannot renew it by
 * themselves (no refresh token and OAuth client): the admins, once per token. Tokens the adapters
 * renew (YouTube, TikTok with all three set) expire every hour and need nobody.
 */
export async function notifyExpiringTokens(payload: Payload, now = new Date()): Promise<number> {
  const until = new Date(now.getTime() + TOKEN_EXPIRY_NOTICE_DAYS * 86_400_000)
  const channels = await payload.find({
    collection: 'channels',
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    where: {
      and: [
        { status: { not_equals: ChannelStatus.Disabled } },
        { 'credentials.accessTokenExpiresAt': { greater_than: now.toISOString() } },
        { 'credentials.accessTokenExpiresAt': { less_than_equal: until.toISOString() } },
      ],
    },
  })
  let told = 0
  const admins = await withRoles(payload, [Role.Admin])
  for (const channel of channels.docs) {
    const s = credentialSettings(channel)
    const renews =
      OAUTH_REFRESH_KINDS.includes(channel.kind as ChannelKind) &&
      !!s.refreshToken &&
      !!s.clientId &&
      !!s.clientSecret
    if (renews || !s.accessTokenExpiresAt) continue
    const r = await notify(payload, {
      event: NotificationEvent.TokenExpiring,
      recipients: admins,
      docRef: { collection: 'channels', id: channel.id },
      key: `token-expiring:${channel.id}:${s.accessTokenExpiresAt}`,
      title: `Mã truy cập của kênh "${channel.name}" hết hạn lúc ${formatVietnamTime(s.accessTokenExpiresAt)}`,
      body: 'Kênh không tự gia hạn được: hãy cấp mã truy cập mới trước khi hết hạn, nếu không các bài sẽ bị tạm giữ.',
    })
    if (r.created.length) told++
  }
  return told
}
