import { APIError, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'
import { hasRole, isCrossUnit, unitIdOf } from '@/access/roles'
import { adapterFor, toChannelInfo } from '@/channels'
import { contentFingerprint } from '@/content/fingerprint'
import { contentRef, loadContentItem } from '@/content/item'
import { HOLDING_STATUSES, wouldHideLiveContent } from '@/content/visibility'
import { relationId, sameId } from '@/lib/relation'
import { refuseFields } from '@/lib/refuse'
import { formatVietnamTime } from '@/lib/time'
import type { Channel, Publication } from '@/payload-types'
import { approvesContent, unitNeedsReview } from '@/access/approvesContent'
import {
  ChannelKind,
  ChannelStatus,
  DocStatus,
  PublicationStatus,
  Role,
  SET_BY_PEOPLE,
} from '@/vocabulary'
import { approvesPublication } from './approver'

/** How far in the past a schedule may be (clock skew, time to fill the form) before it counts as "in the past". */
const PAST_TOLERANCE_MS = 60_000

const S = PublicationStatus

/** A field refusal in the request's language. */
const invalidFor =
  (req: PayloadRequest) =>
  (path: string, message: string): never =>
    refuseFields(req, 'publications', [{ path, message }])

async function loadChannel(req: PayloadRequest, id: unknown): Promise<Channel> {
  const invalid = invalidFor(req)
  if (!id) return invalid('channel', 'Cần chọn kênh đăng.')
  try {
    return await req.payload.findByID({
      collection: 'channels',
      id: relationId(id)!,
      depth: 0,
      overrideAccess: true,
      req,
    })
  } catch {
    return invalid('channel', `Kênh "${relationId(id)}" không tồn tại.`)
  }
}

/**
 * Everything a person's schedule must satisfy, checked on the server so nothing bad is stored:
 * the channel and content exist, the channel takes this content and text, the time is ahead
 * (unless "publish now"), the editor's own unit, and the approval rule for other units' channels.
 */
export const checkSchedule: CollectionBeforeChangeHook<Publication> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (req.context?.dispatcher) return data
  const invalid = invalidFor(req)
  const before: Partial<Publication> = originalDoc ?? {}
  const user = req.user
  // A unit manager's save keeps the decision only: every other field stays as stored.
  if (user && !isCrossUnit(user) && hasRole(user, Role.UnitManager) && originalDoc)
    for (const key of Object.keys(data) as (keyof Publication)[])
      if (key !== 'status' && key !== 'approval') Object.assign(data, { [key]: originalDoc[key] })
  const merged = { ...before, ...data }

  const channelDoc = await loadChannel(req, merged.channel)
  if (channelDoc.status === ChannelStatus.Disabled)
    invalid('channel', `Kênh "${channelDoc.name}" đang tạm dừng, không thể lên lịch.`)
  const ref = contentRef(merged.content)
  if (!ref)
    return invalid('content', 'Cần chọn nội dung (tin bài, video, infographic hoặc sự kiện).')
  const content = await loadContentItem(req.payload, ref.kind, ref.id)
  if (!content) return invalid('content', `Nội dung "${ref.id}" không tồn tại.`)

  // Sở TT&TT, or a unit manager deciding on a publication of a unit below onto their own channel.
  const approver =
    !!user &&
    (await approvesPublication(
      req,
      relationId(before.ownerUnit) ?? content.ownerUnitId,
      relationId(channelDoc.ownerUnit),
    ))
  if (user && !isCrossUnit(user) && hasRole(user, Role.UnitManager)) {
    // A unit manager only decides: approve or return what waits for approval, nothing else.
    const decision =
      approver &&
      operation === 'update' &&
      before.status === S.AwaitingApproval &&
      (data.status === S.Scheduled || data.status === S.Draft)
    if (!decision)
      throw new APIError(
        'Quản lý đơn vị chỉ được duyệt hoặc trả lại lịch đăng đang chờ duyệt của các đơn vị trực thuộc, lên kênh của đơn vị mình.',
        403,
        undefined,
        true,
      )
  } else if (user && !isCrossUnit(user)) {
    if (!hasRole(user, Role.Editor))
      throw new APIError(
        'Chỉ biên tập viên và quản lý chiến dịch được lên lịch đăng.',
        403,
        undefined,
        true,
      )
    if (!sameId(content.ownerUnitId, unitIdOf(user)))
      invalid('content', 'Bạn chỉ được lên lịch nội dung của đơn vị mình.')
  }
  // The page publishes a draft when its time comes: in a unit whose publishing needs review, only
  // a reviewer may schedule an item nobody has approved yet (src/access/approvesContent.ts).
  if (
    user &&
    channelDoc.kind === ChannelKind.WebPage &&
    content.status !== DocStatus.Published &&
    !approvesContent(user, content.ownerUnitId, await unitNeedsReview(req, content.ownerUnitId))
  )
    invalid(
      'content',
      'Đơn vị đăng bài cần duyệt: bài chưa được duyệt nên chưa lên lịch đăng lên chuyên trang được. Hãy gửi duyệt trước.',
    )

  // Time: "publish now" means now; otherwise a new or moved time must lie ahead.
  if (data.publishNow) data.scheduledAt = new Date().toISOString()
  const scheduledAt = new Date((merged.publishNow ? data.scheduledAt : merged.scheduledAt) ?? '')
  if (Number.isNaN(scheduledAt.getTime())) invalid('scheduledAt', 'Thời điểm đăng không hợp lệ.')
  const timeChanged =
    operation === 'create' ||
    (!!data.scheduledAt &&
      new Date(data.scheduledAt).getTime() !== new Date(before.scheduledAt ?? '').getTime())
  if (timeChanged && !data.publishNow && scheduledAt.getTime() < Date.now() - PAST_TOLERANCE_MS) {
    invalid(
      'scheduledAt',
      `Thời điểm đăng ${formatVietnamTime(scheduledAt)} đã qua. Hãy chọn thời điểm sắp tới hoặc chọn "Đăng ngay".`,
    )
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

  data.contentTitle = content.title
  data.channelName = channelDoc.name
  data.ownerUnit = content.ownerUnitId ?? null
  data.channelKind = channelDoc.kind

  // Status and approval.
  const status = data.status ?? before.status ?? S.Scheduled
  if (data.status && data.status !== before.status && !SET_BY_PEOPLE.includes(data.status)) {
    invalid('status', 'Trạng thái này do bộ điều phối ghi, không đặt bằng tay.')
  }
  const needsApproval =
    !!user &&
    !approver &&
    !channelDoc.openToAllUnits &&
    !sameId(channelDoc.ownerUnit, unitIdOf(user))
  const approval = { ...(before.approval ?? {}), ...(data.approval ?? {}) }
  data.approval = approval
  if (operation === 'create') approval.required = needsApproval
  if (user && operation === 'create') approval.requestedBy = user.id

  const contentEdited =
    operation === 'update' &&
    !!data.content &&
    !sameId(contentRef(data.content)?.id, contentRef(before.content)?.id)
  if (status === S.Scheduled) {
    if (needsApproval || (approval.required && !approver)) {
      const askedToSchedule = data.status === S.Scheduled && before.status !== S.Scheduled
      if (
        operation === 'create' ||
        before.status === S.AwaitingApproval ||
        contentEdited ||
        askedToSchedule
      ) {
        if (operation === 'create') data.status = S.AwaitingApproval
        else
          invalid(
            'status',
            `Kênh "${channelDoc.name}" cần quản lý chiến dịch (Sở TT&TT) duyệt trước khi lên lịch.`,
          )
      }
    } else if (approver || !user) {
      // An approver scheduling (or approving) records what they saw; an edit after that needs approval again.
      approval.approvedBy = user?.id ?? approval.approvedBy ?? null
      approval.approvedAt = new Date().toISOString()
      approval.contentFingerprint = contentFingerprint(content)
    }
  }
  const finalStatus = data.status ?? status
  // A web-page time ahead hides an item the public already sees until then (src/content/visibility.ts).
  // Refused unless the editor confirms, rather than kept visible: holding back a story that went out
  // too early is a real need, but done by accident it breaks shared links and feeds, so it must be meant.
  if (
    channelDoc.kind === ChannelKind.WebPage &&
    HOLDING_STATUSES.includes(finalStatus) &&
    !data.hideLiveUntilScheduled &&
    (await wouldHideLiveContent(
      req,
      ref.kind,
      ref.id,
      scheduledAt,
      before.id ? String(before.id) : null,
    ))
  )
    invalid(
      'hideLiveUntilScheduled',
      `"${content.title}" đang hiện trên chuyên trang: lên lịch đăng lên chuyên trang lúc ${formatVietnamTime(scheduledAt)} sẽ ẩn nó khỏi chuyên trang cho đến giờ đó. Nếu đúng ý bạn, hãy xác nhận "Ẩn nội dung đang hiện trên chuyên trang cho đến giờ đăng"; nếu không, chọn "Đăng ngay" hoặc bỏ chọn kênh chuyên trang.`,
    )
  if (
    finalStatus === S.Scheduled &&
    (operation === 'create' || timeChanged || before.status !== S.Scheduled)
  ) {
    data.nextAttemptAt = scheduledAt.toISOString()
    data.scheduledAt = scheduledAt.toISOString()
    if (before.status === S.Failed) data.attemptCount = 0
  }
  return data
}
