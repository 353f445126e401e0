import { UnitReportStatus } from '@/vocabulary'
import { reviewBelow } from './reviewBelow'

/**
 * Updating unit reports: a unit manager accepts for the parent (or returns) the submitted reports of
 * the units below their own; the workflow hook allows nothing else.
 */
export const reviewUnitReports = reviewBelow(UnitReportStatus.Submitted)
