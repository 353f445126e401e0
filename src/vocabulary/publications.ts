import { l, vocabulary } from './define'

/** Where a publication stands: `draft → awaiting-approval → scheduled → sending → published | failed | cancelled`, plus `retrying`. */
export const PublicationStatus = {
  Draft: 'draft',
  AwaitingApproval: 'awaiting-approval',
  Scheduled: 'scheduled',
  Sending: 'sending',
  Retrying: 'retrying',
  Published: 'published',
  Failed: 'failed',
  Cancelled: 'cancelled',
} as const
export type PublicationStatus = (typeof PublicationStatus)[keyof typeof PublicationStatus]

export const publicationStatuses = vocabulary<PublicationStatus>({
  draft: l('Nháp', 'Draft'),
  'awaiting-approval': l('Chờ duyệt', 'Awaiting approval'),
  scheduled: l('Đã lên lịch', 'Scheduled'),
  sending: l('Đang gửi', 'Sending'),
  retrying: l('Đang thử lại', 'Retrying'),
  published: l('Đã đăng', 'Published'),
  failed: l('Thất bại', 'Failed'),
  cancelled: l('Đã hủy', 'Cancelled'),
})

const S = PublicationStatus

/** Not yet sent and not held by a worker: a person's change (an edit, a deletion) can still move these. */
export const WAITING: readonly PublicationStatus[] = [
  S.Draft,
  S.AwaitingApproval,
  S.Scheduled,
  S.Retrying,
]
/** Held by a worker under a lease. */
export const IN_FLIGHT: readonly PublicationStatus[] = [S.Sending]
/** Nothing more happens to these on their own. */
export const FINAL: readonly PublicationStatus[] = [S.Published, S.Failed, S.Cancelled]

/** Approved and waiting for their time: what a worker may claim once `nextAttemptAt` has come. */
export const READY: readonly PublicationStatus[] = [S.Scheduled, S.Retrying]
/** Statuses people may set; the others are the dispatcher's. */
export const SET_BY_PEOPLE: readonly PublicationStatus[] = [
  S.Draft,
  S.AwaitingApproval,
  S.Scheduled,
  S.Cancelled,
]
/** Nothing went out, so the record may be deleted; once something was sent its record stays. */
export const UNSENT: readonly PublicationStatus[] = [
  S.Draft,
  S.AwaitingApproval,
  S.Scheduled,
  S.Cancelled,
  S.Failed,
]
/** On a station's rundown: approved for the slot, whether or not it has gone out yet. */
export const ON_RUNDOWN: readonly PublicationStatus[] = [
  S.Scheduled,
  S.Sending,
  S.Retrying,
  S.Published,
]

/** How one attempt ended. */
export const AttemptOutcome = {
  Success: 'success',
  Retry: 'retry',
  Permanent: 'permanent',
  Reauth: 'reauth',
  Held: 'held',
  /** Accepted by the platform, which is still processing it (a TikTok post): checked again later, the publication stays "sending". */
  Pending: 'pending',
  /** Only a person can finish this (a removal the platform's API does not offer, or refuses for good). */
  Manual: 'manual',
} as const
export type AttemptOutcome = (typeof AttemptOutcome)[keyof typeof AttemptOutcome]

export const attemptOutcomes = vocabulary<AttemptOutcome>({
  success: l('Thành công', 'Success'),
  retry: l('Lỗi tạm thời, sẽ thử lại', 'Will retry'),
  permanent: l('Lỗi không thử lại', 'Permanent error'),
  reauth: l('Lỗi xác thực kênh', 'Authentication error'),
  held: l('Tạm giữ', 'Held'),
  pending: l('Đã gửi, chờ nền tảng xử lý', 'Sent, platform processing'),
  manual: l('Cần người xử lý', 'Needs a person'),
})

/** Whether a broadcast slot really aired, as its operator confirmed. */
export const AiringStatus = { Pending: 'pending', Aired: 'aired', NotAired: 'not-aired' } as const
export type AiringStatus = (typeof AiringStatus)[keyof typeof AiringStatus]

export const airingStatuses = vocabulary<AiringStatus>({
  pending: l('Chưa xác nhận', 'Pending'),
  aired: l('Đã phát', 'Aired'),
  'not-aired': l('Không phát', 'Not aired'),
})

/**
 * The code of a scheduling refusal that the editor can lift by confirming: a web-page time ahead
 * would hide an item already live on the public page until then (checkSchedule, the schedule form).
 */
export const HIDES_LIVE_CONTENT = 'hides-live-content'

/**
 * Where the removal of one withdrawn publication from its channel stands ("gỡ bài"): a job the
 * dispatcher claims like a send (`pending`/`retrying` when due, `removing` under a lease), ending
 * `done` or `manual` (only a person can: TikTok, a channel with no removal API, a platform that
 * refuses for good).
 */
export const RemovalStatus = {
  Pending: 'pending',
  Removing: 'removing',
  Retrying: 'retrying',
  Done: 'done',
  Manual: 'manual',
} as const
export type RemovalStatus = (typeof RemovalStatus)[keyof typeof RemovalStatus]

export const removalStatuses = vocabulary<RemovalStatus>({
  pending: l('Đang chờ gỡ', 'Pending'),
  removing: l('Đang gỡ', 'Removing'),
  retrying: l('Đang thử gỡ lại', 'Retrying'),
  done: l('Đã gỡ', 'Removed'),
  manual: l('Cần người gỡ', 'Needs a person'),
})

/** Removals a worker may claim once `nextAttemptAt` has come (the READY of removals). */
export const REMOVAL_READY: readonly RemovalStatus[] = [
  RemovalStatus.Pending,
  RemovalStatus.Retrying,
]

/** What a withdrawal takes down: a whole content item (every channel and the public page) or one publication. */
export const WithdrawalScope = { Content: 'content', Publication: 'publication' } as const
export type WithdrawalScope = (typeof WithdrawalScope)[keyof typeof WithdrawalScope]

export const withdrawalScopes = vocabulary<WithdrawalScope>({
  content: l('Cả nội dung (mọi kênh)', 'The whole item (every channel)'),
  publication: l('Một lịch đăng', 'One publication'),
})
