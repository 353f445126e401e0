import { vnMonthStart } from '@/lib/time'

/**
 * The share of `year` elapsed at `now`, in Vietnam time: 0 at 00:00 on 1 January (and for a year
 * still to come), 1 once the year is over (a past year). Time, not whole days, so the share moves
 * during the day and a leap year's 366 days are counted as they are.
 */
export function shareOfYearElapsed(year: number, now: Date = new Date()): number {
  const start = vnMonthStart(year, 1).getTime()
  const end = vnMonthStart(year + 1, 1).getTime()
  const t = now.getTime()
  if (t <= start) return 0
  if (t >= end) return 1
  return (t - start) / (end - start)
}
