import { APIError, ValidationError, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'
import { hasRole, isCrossUnit, unitIdOf } from '@/access/roles'
import { adapterFor, toChannelInfo } from '@/channels'
import { contentFingerprint, contentRef, loadContentItem } from '@/channels/content'
import type { ContentItem } from '@/channels/types'
import { formatVietnamTime } from '@/lib/time'
import { relationId, sameId } from '@/lib/relation'

/** How far in the past a schedule may be (clock skew, time to fill the form) before it counts as "in the past". */
const PAST_TOLERANCE_MS = 60_000

/** Statuses people may set; the rest (sending, retrying, published) belong to the dispatcher. */
const PEOPLE_STATUSES = new Set(['draft', 'awaiting-approval', 'scheduled', 'cancelled'])

type Data = Record<string, any>

const invalid = (path: string, message: string): never => {
  throw new ValidationError({ collection: 'publications', errors: [{ path, message }] })
}


async function loadChannel(req: PayloadRequest, id: unknown) {
  if (!id) return invalid('channel', 'Cần chọn kênh đăng.')
  try {
    return await req.payload.findByID({ collection: 'channels', id: relationId(id)!, depth: 0, overrideAccess: true, req })
  } catch {
    return invalid('channel', `Kênh "${relationId(id)}" không tồn tại.`)
  }
}

/**
 * Everything a person's schedule must satisfy, checked on the server so nothing bad is stored:
 * the channel and content exist, the channel takes this content and text, the time is ahead
 * (unless "publish now"), the editor's own unit, and the approval rule for other units' channels.
 */
export const checkSchedule: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (req.context?.dispatcher) return data
  const d = data as Data
  const before = (originalDoc ?? {}) as Data
  const user = req.user
  const merged: Data = { ...before, ...d }

  const channelDoc = (await loadChannel(req, merged.channel)) as Data
  if (channelDoc.status === 'disabled') invalid('channel', `Kênh "${channelDoc.name}" đang tạm dừng, không thể lên lịch.`)
  const ref = contentRef(merged.content)
  if (!ref) return invalid('content', 'Cần chọn nội dung (tin bài, video, infographic hoặc sự kiện).')
  const content = (await loadContentItem(req.payload, ref.kind, ref.id)) as ContentItem | null
  if (!content) return invalid('content', `Nội dung "${ref.id}" không tồn tại.`)

  if (user && !isCrossUnit(user)) {
    if (!hasRole(user, 'editor')) throw new APIError('Chỉ biên tập viên và quản lý chiến dịch được lên lịch đăng.', 403, undefined, true)
    if (!sameId(content.ownerUnitId, unitIdOf(user))) invalid('content', 'Bạn chỉ được lên lịch nội dung của đơn vị mình.')
  }

  // Time: "publish now" means now; otherwise a new or moved time must lie ahead.
  if (d.publishNow) d.scheduledAt = new Date().toISOString()
  const scheduledAt = new Date(merged.publishNow ? d.scheduledAt : merged.scheduledAt)
  if (Number.isNaN(scheduledAt.getTime())) invalid('scheduledAt', 'Thời điểm đăng không hợp lệ.')
  const timeChanged = operation === 'create' || (d.scheduledAt && new Date(d.scheduledAt).getTime() !== new Date(before.scheduledAt).getTime())
  if (timeChanged && !d.publishNow && scheduledAt.getTime() < Date.now() - PAST_TOLERANCE_MS) {
    invalid('scheduledAt', `Thời điểm đăng ${formatVietnamTime(scheduledAt)} đã qua. Hãy chọn thời điểm sắp tới hoặc chọn "Đăng ngay".`)
  }

  // The channel's own rules: content type, lengths, settings.
  const problems = adapterFor(channelDoc.kind).validate(toChannelInfo(channelDoc), {
    publicationId: String(before.id ?? 'new'),
    idempotencyKey: merged.idempotencyKey ?? 'new',
    scheduledAt: scheduledAt.toISOString(),
    message: merged.message ?? '',
    hashtags: merged.hashtags ?? [],
    content,
  })
  if (problems.length) invalid('channel', problems.join(' '))

  d.title = `${content.title} → ${channelDoc.name}`
  d.ownerUnit = content.ownerUnitId ?? null
  d.channelKind = channelDoc.kind

  // Status and approval.
  const status: string = d.status ?? before.status ?? 'scheduled'
  if (d.status && d.status !== before.status && !PEOPLE_STATUSES.has(d.status) && !(d.status === 'scheduled')) {
    invalid('status', 'Trạng thái này do bộ điều phối ghi, không đặt bằng tay.')
  }
  const needsApproval =
    !!user && !isCrossUnit(user) && !channelDoc.openToAllUnits && !sameId(channelDoc.ownerUnit, unitIdOf(user))
  d.approval = { ...(before.approval ?? {}), ...(d.approval ?? {}) }
  if (operation === 'create') d.approval.required = needsApproval
  if (user && operation === 'create') d.approval.requestedBy = user.id

  const contentEdited = operation === 'update' && !!d.content && !sameId(contentRef(d.content)?.id, contentRef(before.content)?.id)
  if (status === 'scheduled') {
    if (needsApproval || (d.approval.required && !isCrossUnit(user))) {
      if (operation === 'create' || before.status === 'awaiting-approval' || contentEdited || d.status === 'scheduled' && before.status !== 'scheduled') {
        if (operation === 'create') d.status = 'awaiting-approval'
        else invalid('status', `Kênh "${channelDoc.name}" cần quản lý chiến dịch (Sở TT&TT) duyệt trước khi lên lịch.`)
      }
    } else if (isCrossUnit(user) || !user) {
      // An approver scheduling (or approving) records what they saw; an edit after that needs approval again.
      d.approval.approvedBy = user?.id ?? d.approval.approvedBy ?? null
      d.approval.approvedAt = new Date().toISOString()
      d.approval.contentFingerprint = contentFingerprint(content)
    }
  }
  const finalStatus = d.status ?? status
  if (finalStatus === 'scheduled' && (operation === 'create' || timeChanged || before.status !== 'scheduled')) {
    d.nextAttemptAt = scheduledAt.toISOString()
    d.scheduledAt = scheduledAt.toISOString()
    if (before.status === 'failed') d.attemptCount = 0
  }
  return data
}
