import { EventStatus } from '@/vocabulary'

export type CheckInTiming = {
  startsAt: string
  endsAt: string
  status?: string | null
  checkIn?: { marginMinutes?: number | null } | null
}

export const DEFAULT_MARGIN_MINUTES = 30

/**
 * When an event's check-in is open: from its start less the organiser's margin to its end plus the
 * margin. A cancelled event is never open.
 */
export function checkInWindow(event: CheckInTiming, now = new Date()) {
  const margin = (event.checkIn?.marginMinutes ?? DEFAULT_MARGIN_MINUTES) * 60_000
  const opensAt = new Date(new Date(event.startsAt).getTime() - margin)
  const closesAt = new Date(new Date(event.endsAt).getTime() + margin)
  const state =
    event.status === EventStatus.Cancelled
      ? ('cancelled' as const)
      : now < opensAt
        ? ('before' as const)
        : now > closesAt
          ? ('after' as const)
          : ('open' as const)
  return { opensAt, closesAt, state }
}
