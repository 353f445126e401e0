import { l, vocabulary } from './define'

/**
 * Where a content item stands in its unit's review (the newsroom's "duyệt bài"): a draft, sent for
 * review, sent back with changes requested, approved by a reviewer (and so published), or published
 * directly by someone who needs no review. Kept beside Payload's `_status`, which says only
 * draft/published.
 */
export const ReviewState = {
  Draft: 'draft',
  InReview: 'in-review',
  ChangesRequested: 'changes-requested',
  Approved: 'approved',
  Published: 'published',
} as const
export type ReviewState = (typeof ReviewState)[keyof typeof ReviewState]

export const reviewStates = vocabulary<ReviewState>({
  draft: l('Bản nháp', 'Draft'),
  'in-review': l('Chờ duyệt', 'In review'),
  'changes-requested': l('Yêu cầu sửa', 'Changes requested'),
  approved: l('Đã duyệt, xuất bản', 'Approved (published)'),
  published: l('Xuất bản trực tiếp', 'Published directly'),
})

/** The states an author may submit from (a new draft, or one sent back for changes). */
export const SUBMITTABLE: readonly ReviewState[] = [ReviewState.Draft, ReviewState.ChangesRequested]
/** The states of a live item (approved by a reviewer or published directly). */
export const LIVE_REVIEW_STATES: readonly ReviewState[] = [
  ReviewState.Approved,
  ReviewState.Published,
]

/** What a notification is about; each kind has its wording in src/notifications/messages.ts. */
export const NotificationEvent = {
  ReviewRequested: 'review-requested',
  ChangesRequested: 'changes-requested',
  Approved: 'approved',
  ApprovalAwaited: 'approval-awaited',
  PublicationFailed: 'publication-failed',
  ChannelAttention: 'channel-attention',
  TokenExpiring: 'token-expiring',
  UnitReportReturned: 'unit-report-returned',
  UnitReportAccepted: 'unit-report-accepted',
  TaskReminder: 'task-reminder',
  CommissionAssigned: 'commission-assigned',
  CommissionOverdue: 'commission-overdue',
  CommentMention: 'comment-mention',
} as const
export type NotificationEvent = (typeof NotificationEvent)[keyof typeof NotificationEvent]

export const notificationEvents = vocabulary<NotificationEvent>({
  'review-requested': l('Bài chờ duyệt', 'Review requested'),
  'changes-requested': l('Bài bị yêu cầu sửa', 'Changes requested'),
  approved: l('Bài đã được duyệt', 'Approved'),
  'approval-awaited': l('Lịch đăng chờ duyệt', 'Publication awaiting approval'),
  'publication-failed': l('Đăng bài thất bại', 'Publication failed'),
  'channel-attention': l('Kênh cần xử lý', 'Channel needs attention'),
  'token-expiring': l('Mã truy cập kênh sắp hết hạn', 'Channel token expiring'),
  'unit-report-returned': l('Báo cáo bị trả lại', 'Unit report returned'),
  'unit-report-accepted': l('Báo cáo được chấp nhận', 'Unit report accepted'),
  'task-reminder': l('Nhắc hạn nhiệm vụ', 'Task reminder'),
  'commission-assigned': l('Được đặt bài', 'Commission assigned'),
  'commission-overdue': l('Bài đặt quá hạn', 'Commission overdue'),
  'comment-mention': l('Được nhắc đến trong bình luận', 'Mentioned in a comment'),
})

/** How a user wants their notifications by email (they always show under the bell). */
export const EmailPreference = {
  Immediate: 'immediate',
  Digest: 'digest',
  None: 'none',
} as const
export type EmailPreference = (typeof EmailPreference)[keyof typeof EmailPreference]

export const emailPreferences = vocabulary<EmailPreference>({
  immediate: l('Gửi ngay từng thư', 'Immediately'),
  digest: l('Một thư tổng hợp mỗi ngày', 'Daily digest'),
  none: l('Không gửi thư', 'No email'),
})

/** Where a notification's email stands. */
export const NotificationEmail = {
  Pending: 'pending',
  Sent: 'sent',
  Digest: 'digest',
  Digested: 'digested',
  None: 'none',
  Failed: 'failed',
} as const
export type NotificationEmail = (typeof NotificationEmail)[keyof typeof NotificationEmail]

export const notificationEmails = vocabulary<NotificationEmail>({
  pending: l('Đang gửi', 'Sending'),
  sent: l('Đã gửi thư', 'Emailed'),
  digest: l('Chờ thư tổng hợp', 'Waiting for the digest'),
  digested: l('Đã gửi trong thư tổng hợp', 'Sent in a digest'),
  none: l('Không gửi thư', 'No email'),
  failed: l('Gửi thư lỗi', 'Email failed'),
})

/** Days ahead within which a channel's expiring access token is announced. */
export const TOKEN_EXPIRY_NOTICE_DAYS = 7
