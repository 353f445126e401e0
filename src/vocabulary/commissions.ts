import { l, vocabulary } from './define'

/**
 * A commission's ("đặt bài") state: assigned to a unit or a person, accepted by them, fulfilled
 * once content is linked, or cancelled by whoever commissioned it. "Overdue" is not a state: it is
 * derived from the due date while the commission is still open (see `COMMISSION_OPEN`).
 */
export const CommissionStatus = {
  Assigned: 'assigned',
  Accepted: 'accepted',
  Fulfilled: 'fulfilled',
  Cancelled: 'cancelled',
} as const
export type CommissionStatus = (typeof CommissionStatus)[keyof typeof CommissionStatus]

export const commissionStatuses = vocabulary<CommissionStatus>({
  assigned: l('Đã giao', 'Assigned'),
  accepted: l('Đã nhận', 'Accepted'),
  fulfilled: l('Đã hoàn thành', 'Fulfilled'),
  cancelled: l('Đã hủy', 'Cancelled'),
})

/** States in which a commission is still owed, so that a due date in the past makes it overdue. */
export const COMMISSION_OPEN: readonly CommissionStatus[] = [
  CommissionStatus.Assigned,
  CommissionStatus.Accepted,
]

/** The label the list and calendar show for an open commission past its due date. */
export const COMMISSION_OVERDUE_LABEL = l('Quá hạn', 'Overdue')

/** The kinds of entry the one calendar shows, each with its legend label. */
export const CalendarKind = {
  Publication: 'publication',
  Event: 'event',
  Training: 'training',
  Phase: 'phase',
  Commission: 'commission',
} as const
export type CalendarKind = (typeof CalendarKind)[keyof typeof CalendarKind]

export const calendarKinds = vocabulary<CalendarKind>({
  publication: l('Lịch đăng', 'Publications'),
  event: l('Sự kiện', 'Events'),
  training: l('Đào tạo, bồi dưỡng', 'Trainings'),
  phase: l('Giai đoạn chiến dịch', 'Campaign phases'),
  commission: l('Hạn đặt bài', 'Commissions due'),
})
