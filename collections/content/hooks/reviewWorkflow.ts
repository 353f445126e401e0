import { APIError, type CollectionAfterChangeHook, type CollectionBeforeChangeHook } from 'payload'
import { approvesContent, unitNeedsReview } from '@/access/approvesContent'
import { hasRole } from '@/access/roles'
import { relationId } from '@/lib/relation'
import { refuseFields } from '@/lib/refuse'
import { notify } from '@/notifications/notify'
import {
  type ContentKind,
  DocStatus,
  LIVE_REVIEW_STATES,
  NotificationEvent,
  ReviewState,
  Role,
  reviewStates,
} from '@/vocabulary'

/** Written only here: whatever a client sends for them is replaced. */
const SYSTEM_FIELDS = [
  'reviewState',
  'reviewComment',
  'reviewRequestedBy',
  'reviewRequestedAt',
  'reviewedBy',
  'reviewedAt',
] as const

const refuse = (message: string, status = 403) => new APIError(message, status, undefined, true)

/**
 * The unit's review of a content item ("duyệt bài"), enforced here for the admin and REST alike:
 * - a contributor or editor sends a draft for review (`reviewState: in-review`);
 * - the unit's reviewers approve it, which publishes it (`_status: published`, state `approved`),
 *   or send it back (`changes-requested`) with a comment, which is required;
 * - in a unit whose publishing needs review (units' `reviewRequired`) nobody but its reviewers
 *   (and Sở TT&TT) publishes; elsewhere editors publish directly (state `published`), as before.
 * Who approves: src/access/approvesContent.ts. A draft saved over a live item is a new revision:
 * its state starts again at `draft`. Contributors never publish (enforceUnitRules says so first).
 */
export const reviewWorkflow: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  req,
  collection,
}) => {
  const user = req.user
  const prev = (originalDoc?.reviewState ?? ReviewState.Draft) as ReviewState
  // The admin's form and the Local API send the stored state back with every save: only a change asks.
  const asked =
    data.reviewState !== prev ? (data.reviewState as ReviewState | undefined) : undefined
  const comment = String(data.reviewComment ?? '').trim()
  for (const f of SYSTEM_FIELDS) data[f] = originalDoc?.[f] ?? null
  const wasLive = LIVE_REVIEW_STATES.includes(prev)
  const publishing = data._status === DocStatus.Published
  const now = new Date().toISOString()

  // The system's own writes (the dispatcher publishing at the scheduled time, seeds, scripts).
  if (!user) {
    data.reviewState = publishing
      ? wasLive || asked === ReviewState.Approved
        ? (asked ?? prev)
        : ReviewState.Published
      : asked && reviewStates.includes(asked) && !LIVE_REVIEW_STATES.includes(asked)
        ? asked
        : wasLive
          ? ReviewState.Draft
          : prev
    return data
  }

  const unit = relationId(data.ownerUnit ?? originalDoc?.ownerUnit)
  const needsReview = await unitNeedsReview(req, unit)
  const approver = approvesContent(user, unit, needsReview)

  if (publishing) {
    if (!approver)
      throw refuse(
        hasRole(user, Role.Editor)
          ? 'Đơn vị của bạn đăng bài cần duyệt: hãy bấm "Gửi duyệt" để người duyệt bài (thư ký tòa soạn) của đơn vị xuất bản.'
          : 'Bạn không có quyền xuất bản bài này. Hãy gửi duyệt.',
      )
    if (prev === ReviewState.InReview || asked === ReviewState.Approved) {
      data.reviewState = ReviewState.Approved
      data.reviewedBy = user.id
      data.reviewedAt = now
      data.reviewComment = null
    } else data.reviewState = wasLive ? prev : ReviewState.Published
    return data
  }

  switch (asked) {
    case ReviewState.InReview:
      data.reviewRequestedBy = user.id
      data.reviewRequestedAt = now
      // The reviewer's earlier comment has been answered; a new one is asked for if needed.
      data.reviewComment = null
      data.reviewState = ReviewState.InReview
      break
    case ReviewState.ChangesRequested:
      if (!approver)
        throw refuse('Chỉ người duyệt bài (thư ký tòa soạn) của đơn vị mới được yêu cầu sửa bài.')
      if (prev !== ReviewState.InReview)
        throw refuse(
          `Chỉ yêu cầu sửa được bài đang chờ duyệt (bài này: ${reviewStates.label(prev)}).`,
          400,
        )
      if (!comment)
        refuseFields(req, collection.slug, [
          { path: 'reviewComment', message: 'Hãy ghi ý kiến: bài cần sửa những gì.' },
        ])
      data.reviewState = ReviewState.ChangesRequested
      data.reviewComment = comment
      data.reviewedBy = user.id
      data.reviewedAt = now
      break
    case ReviewState.Approved:
    case ReviewState.Published:
      throw refuse('Duyệt bài là xuất bản bài: hãy xuất bản (không lưu bản nháp) khi duyệt.', 400)
    case ReviewState.Draft:
      // Withdrawn from review by its author, or a new draft.
      data.reviewState = ReviewState.Draft
      break
    default:
      // An ordinary save: a draft over a live item starts a new revision; otherwise the state stays.
      data.reviewState = wasLive ? ReviewState.Draft : prev
  }
  return data
}

/** Admin paths of the edit view, for the notification's link. */
const docRefOf = (collection: string, id: string | number) => ({ collection, id })

/**
 * Tells the people a review step concerns: the unit's reviewers when a draft is sent for review
 * (its editors in a unit without reviewers marked, who may publish there), and the author when it
 * is sent back or approved. The key carries the time of the step, so each step is told once.
 */
export const notifyReview: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  req,
  collection,
}) => {
  const state = doc.reviewState as ReviewState
  if (!state || state === previousDoc?.reviewState) return doc
  const kind = collection.slug as ContentKind
  const docRef = docRefOf(kind, doc.id)
  const title = String(doc.title ?? '')
  const unit = relationId(doc.ownerUnit)
  const common = { docRef, req, actor: req.user?.id }
  if (state === ReviewState.InReview && unit) {
    const editors = await req.payload.find({
      collection: 'users',
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
      where: { and: [{ unit: { equals: unit } }, { role: { equals: Role.Editor } }] },
      select: { reviewer: true },
    })
    const reviewers = editors.docs.filter((u) => u.reviewer)
    const needsReview = await unitNeedsReview(req, unit)
    await notify(req.payload, {
      ...common,
      event: NotificationEvent.ReviewRequested,
      recipients: (reviewers.length || needsReview ? reviewers : editors.docs).map((u) => u.id),
      key: `review-requested:${kind}:${doc.id}:${doc.reviewRequestedAt}`,
      title: `Bài chờ duyệt: ${title}`,
      body: `${req.user?.fullName ?? 'Một thành viên'} gửi duyệt bài "${title}".`,
    })
  }
  const author = relationId(doc.reviewRequestedBy)
  if (state === ReviewState.ChangesRequested && author)
    await notify(req.payload, {
      ...common,
      event: NotificationEvent.ChangesRequested,
      recipients: [author],
      key: `changes-requested:${kind}:${doc.id}:${doc.reviewedAt}`,
      title: `Bài cần sửa: ${title}`,
      body: `Ý kiến người duyệt: ${doc.reviewComment ?? ''}`,
    })
  if (state === ReviewState.Approved && author)
    await notify(req.payload, {
      ...common,
      event: NotificationEvent.Approved,
      recipients: [author],
      key: `approved:${kind}:${doc.id}:${doc.reviewedAt}`,
      title: `Bài đã được duyệt và xuất bản: ${title}`,
    })
  return doc
}
