import { APIError, type CollectionBeforeChangeHook } from 'payload'
import { refuseFields } from '@/lib/refuse'
import { hasRole, isCrossUnit } from '@/access/roles'
import { managesUnit } from '@/access/subtree'
import { relationId } from '@/lib/relation'
import { reportingChain } from '@/reporting/unitReports/chain'
import { Role, UNIT_EDITABLE, UnitReportStatus, unitReportStatuses } from '@/vocabulary'

/** Fields only the workflow writes: whatever a client sends for them is replaced. */
const SYSTEM_FIELDS = [
  'submittedAt',
  'submittedBy',
  'forwardedAt',
  'forwardedBy',
  'reviewedAt',
  'reviewedBy',
] as const
/** What the unit writes; frozen once the report is submitted. */
const NARRATIVE = ['results', 'difficulties', 'proposals'] as const

const refuse = (message: string, status = 403) => new APIError(message, status, undefined, true)

/**
 * The unit report's workflow: draft → submitted → accepted, or returned with a reason → draft.
 * - Only the unit's editors submit (the collection's access keeps them to their unit).
 * - A manager of a unit above (role unit-manager) accepts it for the parent ("forwarded") or
 *   returns it; where the year's deadlines route reports through the parent (`throughParent`) and
 *   the unit has a parent below the top, Sở TT&TT acts only on a forwarded report.
 * - Only campaign managers (and admins) accept, or return, a submitted or forwarded report.
 * - A submitted report is read-only for the unit; an accepted one for everybody.
 * - A returned report that the unit edits becomes a draft again (its reason stays visible).
 * - The unit and year of a report never change; one report per unit and year.
 */
export const workflow: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
  collection,
}) => {
  const user = req.user
  const prev = (originalDoc?.status ?? null) as UnitReportStatus | null
  let next = (data.status ?? prev ?? UnitReportStatus.Draft) as UnitReportStatus
  const reviewer = isCrossUnit(user)
  const unit = relationId(data.ownerUnit ?? originalDoc?.ownerUnit)
  const year = Number(data.year ?? originalDoc?.year)
  const parentReviewer =
    hasRole(user, Role.UnitManager) && operation === 'update' && (await managesUnit(req, unit))
  const now = new Date().toISOString()
  for (const f of SYSTEM_FIELDS) data[f] = originalDoc?.[f] ?? null

  if (prev === UnitReportStatus.Accepted)
    throw refuse('Báo cáo đã được chấp nhận nên không thể sửa nữa.')
  if (operation === 'update') {
    if (
      (data.ownerUnit !== undefined &&
        relationId(data.ownerUnit) !== relationId(originalDoc.ownerUnit)) ||
      (data.year !== undefined && Number(data.year) !== Number(originalDoc.year))
    )
      throw refuse('Không thể đổi đơn vị hoặc năm của một báo cáo đã lập.', 400)
  } else {
    const taken = await req.payload.count({
      collection: 'unit-reports',
      where: {
        and: [
          { ownerUnit: { equals: relationId(data.ownerUnit) } },
          { year: { equals: data.year } },
        ],
      },
      overrideAccess: true,
      req,
    })
    if (taken.totalDocs)
      refuseFields(req, collection.slug, [
        { path: 'year', message: `Đơn vị đã có báo cáo năm ${data.year}.` },
      ])
  }

  if (prev === UnitReportStatus.Forwarded && !reviewer)
    throw refuse('Báo cáo đã được cấp trên chấp nhận, đang chờ Sở TT&TT xem xét.')
  if (prev === UnitReportStatus.Submitted || prev === UnitReportStatus.Forwarded) {
    if (!reviewer && !parentReviewer)
      throw refuse('Báo cáo đã nộp, đang chờ Sở TT&TT xem xét: đơn vị không thể sửa.')
    const changed = NARRATIVE.filter(
      (f) => data[f] !== undefined && (data[f] ?? '') !== (originalDoc[f] ?? ''),
    )
    if (changed.length)
      throw refuse(
        'Báo cáo đã nộp: Sở TT&TT chỉ có thể chấp nhận hoặc trả lại, không sửa nội dung.',
      )
  }

  if (!reviewer && prev === UnitReportStatus.Returned && next === UnitReportStatus.Returned)
    next = UnitReportStatus.Draft
  if (next !== prev) {
    const via =
      next === UnitReportStatus.Accepted || next === UnitReportStatus.Returned
        ? ((await reportingChain(req.payload, year, req))?.(unit ?? '') ?? null)
        : null
    if (next === UnitReportStatus.Forwarded) {
      if (!parentReviewer && !hasRole(user, Role.Admin))
        throw refuse('Chỉ lãnh đạo đơn vị cấp trên mới được chấp nhận báo cáo cho cấp trên.')
      if (prev !== UnitReportStatus.Submitted)
        throw refuse(
          `Cấp trên chỉ chấp nhận được báo cáo đã nộp (báo cáo này: ${unitReportStatuses.label(prev ?? UnitReportStatus.Draft)}).`,
          400,
        )
      data.forwardedAt = now
      data.forwardedBy = user?.id ?? null
    } else if (
      parentReviewer &&
      !reviewer &&
      next === UnitReportStatus.Returned &&
      prev === UnitReportStatus.Submitted
    ) {
      // The parent's manager sends a submitted report back to the unit.
      if (!String(data.returnReason ?? '').trim())
        refuseFields(req, collection.slug, [
          { path: 'returnReason', message: 'Hãy ghi lý do trả lại báo cáo.' },
        ])
      data.reviewedAt = now
      data.reviewedBy = user?.id ?? null
    } else if (next === UnitReportStatus.Accepted || next === UnitReportStatus.Returned) {
      if (!reviewer)
        throw refuse('Chỉ Sở TT&TT (quản lý chiến dịch) mới được chấp nhận hoặc trả lại báo cáo.')
      if (via && prev === UnitReportStatus.Submitted)
        throw refuse(
          `Năm ${year} báo cáo đi qua đơn vị cấp trên: ${via.name} phải chấp nhận báo cáo này trước khi Sở TT&TT xem xét.`,
        )
      if (prev !== UnitReportStatus.Submitted && prev !== UnitReportStatus.Forwarded)
        throw refuse(
          `Chỉ chấp nhận hoặc trả lại được báo cáo đã nộp (báo cáo này: ${unitReportStatuses.label(prev ?? UnitReportStatus.Draft)}).`,
          400,
        )
      if (next === UnitReportStatus.Returned && !String(data.returnReason ?? '').trim())
        refuseFields(req, collection.slug, [
          { path: 'returnReason', message: 'Hãy ghi lý do trả lại báo cáo.' },
        ])
      data.reviewedAt = now
      data.reviewedBy = user?.id ?? null
    } else if (next === UnitReportStatus.Submitted) {
      if (!hasRole(user, Role.Editor))
        throw refuse('Chỉ biên tập viên của đơn vị mới được nộp báo cáo.')
      data.submittedAt = now
      data.submittedBy = user?.id ?? null
    } else if (prev && !UNIT_EDITABLE.includes(prev)) {
      throw refuse('Báo cáo đã nộp không thể chuyển về bản nháp; Sở TT&TT trả lại nếu cần sửa.')
    }
  }
  data.status = next
  return data
}
