import { APIError, ValidationError, type CollectionBeforeChangeHook } from 'payload'
import { hasRole, isCrossUnit } from '@/access/roles'
import { relationId } from '@/lib/relation'
import { Role, UNIT_EDITABLE, UnitReportStatus, unitReportStatuses } from '@/vocabulary'

const SYSTEM_FIELDS = ['submittedAt', 'submittedBy', 'reviewedAt', 'reviewedBy'] as const
const refuse = (message: string, status = 403) => new APIError(message, status, undefined, true)

/**
 * The indicator form follows the unit report's workflow (draft → submitted → accepted, or returned
 * with a reason), with one step more: an accepted form can be reopened, by a campaign manager only
 * (it goes back to the unit as returned). The unit edits only a draft or returned form.
 */
export const workflow: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
  collection,
}) => {
  const user = req.user
  const reviewer = isCrossUnit(user)
  const prev = (originalDoc?.status ?? null) as UnitReportStatus | null
  let next = (data.status ?? prev ?? UnitReportStatus.Draft) as UnitReportStatus
  const now = new Date().toISOString()
  for (const f of SYSTEM_FIELDS) data[f] = originalDoc?.[f] ?? null

  if (operation === 'update') {
    if (
      (data.ownerUnit !== undefined &&
        relationId(data.ownerUnit) !== relationId(originalDoc.ownerUnit)) ||
      (data.year !== undefined && Number(data.year) !== Number(originalDoc.year))
    )
      throw refuse('Không thể đổi đơn vị hoặc năm của biểu mẫu đã lập.', 400)
  } else {
    const taken = await req.payload.count({
      collection: 'indicator-reports',
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
      throw new ValidationError({
        collection: collection.slug,
        errors: [{ path: 'year', message: `Đơn vị đã có biểu mẫu chỉ tiêu năm ${data.year}.` }],
      })
  }

  const valuesChanged =
    operation === 'update' &&
    data.values !== undefined &&
    JSON.stringify(
      (data.values ?? []).map((v: { element?: unknown; value?: unknown }) => [
        relationId(v.element),
        v.value ?? null,
      ]),
    ) !==
      JSON.stringify(
        (originalDoc.values ?? []).map((v: { element?: unknown; value?: unknown }) => [
          relationId(v.element),
          v.value ?? null,
        ]),
      )

  if (prev === UnitReportStatus.Accepted) {
    if (!reviewer)
      throw refuse('Số liệu đã được chấp nhận; chỉ Sở TT&TT (quản lý chiến dịch) mới mở lại được.')
    if (next === UnitReportStatus.Accepted || valuesChanged)
      throw refuse('Số liệu đã được chấp nhận: hãy mở lại (trả lại đơn vị) trước khi sửa.')
    if (next !== UnitReportStatus.Returned)
      throw refuse('Số liệu đã chấp nhận chỉ có thể được mở lại (trả lại đơn vị).', 400)
  } else if (prev === UnitReportStatus.Submitted) {
    if (!reviewer) throw refuse('Số liệu đã nộp, đang chờ Sở TT&TT xem xét: đơn vị không thể sửa.')
    if (valuesChanged)
      throw refuse('Số liệu đã nộp: Sở TT&TT chỉ có thể chấp nhận hoặc trả lại, không sửa số liệu.')
  }

  if (!reviewer && prev === UnitReportStatus.Returned && next === UnitReportStatus.Returned)
    next = UnitReportStatus.Draft
  if (next !== prev) {
    if (next === UnitReportStatus.Accepted || next === UnitReportStatus.Returned) {
      if (!reviewer)
        throw refuse(
          'Chỉ Sở TT&TT (quản lý chiến dịch) mới được chấp nhận, trả lại hoặc mở lại số liệu.',
        )
      const from: UnitReportStatus[] =
        next === UnitReportStatus.Returned
          ? [UnitReportStatus.Submitted, UnitReportStatus.Accepted]
          : [UnitReportStatus.Submitted]
      if (!prev || !from.includes(prev))
        throw refuse(
          `Không thể chuyển số liệu ${unitReportStatuses.label(prev ?? UnitReportStatus.Draft).toLowerCase()} sang ${unitReportStatuses.label(next).toLowerCase()}.`,
          400,
        )
      if (next === UnitReportStatus.Returned && !String(data.returnReason ?? '').trim())
        throw new ValidationError({
          collection: collection.slug,
          errors: [{ path: 'returnReason', message: 'Hãy ghi lý do trả lại hoặc mở lại.' }],
        })
      data.reviewedAt = now
      data.reviewedBy = user?.id ?? null
    } else if (next === UnitReportStatus.Submitted) {
      // The unit's editors hand in; the seed (no user) too.
      if (user && !hasRole(user, Role.Editor))
        throw refuse('Chỉ biên tập viên của đơn vị mới được nộp số liệu.')
      data.submittedAt = now
      data.submittedBy = user?.id ?? null
    } else if (prev && !UNIT_EDITABLE.includes(prev)) {
      throw refuse('Số liệu đã nộp không thể chuyển về bản nháp; Sở TT&TT trả lại nếu cần sửa.')
    }
  }
  data.status = next
  return data
}
