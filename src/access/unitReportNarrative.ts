import type { FieldAccess } from 'payload'
import { UNIT_EDITABLE, UnitReportStatus } from '@/vocabulary'
import { isCrossUnit } from './roles'

/**
 * Whether a unit report's narrative may be edited, so that the admin shows it read-only once the
 * report is handed in: by the unit while a draft or returned; by nobody once accepted. Sở TT&TT keeps
 * the field open on a submitted report only so that an attempt to change it reaches the workflow
 * hook's Vietnamese refusal (a field closed here is silently dropped from the update instead).
 * The rules themselves live in collections/UnitReports/hooks/workflow.ts, which refuses regardless.
 */
export const unitReportNarrative: FieldAccess = ({ req, doc }) => {
  const status = (doc as { status?: UnitReportStatus } | undefined)?.status
  if (!status || UNIT_EDITABLE.includes(status)) return true
  return status === UnitReportStatus.Submitted && isCrossUnit(req.user)
}
