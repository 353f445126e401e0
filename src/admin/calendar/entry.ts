import type { CalendarKind } from '@/vocabulary'

/**
 * One thing on the calendar, whatever its kind, as the server hands it to the grid (plain data:
 * it crosses to the browser). Multi-day things (a campaign phase, a course) are one entry per day.
 */
export type CalendarEntry = {
  /** Unique on the page: kind, id and, for multi-day things, the day. */
  key: string
  kind: CalendarKind
  id: string
  day: string
  /** "09:30" when the thing has a time of day; none for all-day things. */
  time?: string
  title: string
  /** A channel, a venue, a unit: what the week view adds after the title. */
  detail?: string
  href: string
  /** The kind's own status value and label (a publication's, a commission's). */
  status?: string
  statusLabel?: string
  overdue?: boolean
  /** Publications not yet sent: their time can be moved by dragging (scheduledAt is the instant). */
  scheduledAt?: string
}
