import { APIError, type CollectionBeforeChangeHook } from 'payload'
import { refuseFields } from '@/lib/refuse'
import { hasRole, isCrossUnit, unitIdOf } from '@/access/roles'
import { DocStatus, Role } from '@/vocabulary'
import { sameId } from '@/lib/relation'

/**
 * Editors and contributors write only for their own unit, and contributors cannot publish.
 * Access functions cannot see the incoming data on create, so the rule lives here, with a clear message.
 */
export const enforceUnitRules: CollectionBeforeChangeHook = ({
  data,
  req,
  collection,
  originalDoc,
}) => {
  const user = req.user
  if (!user || isCrossUnit(user)) return data
  // A unit manager changes only what their access lets them (the submitted reports of the units
  // below, to accept or return them), and never a document's unit.
  if (
    hasRole(user, Role.UnitManager) &&
    originalDoc &&
    (data.ownerUnit == null || sameId(data.ownerUnit, originalDoc.ownerUnit))
  )
    return data
  const unit = unitIdOf(user)
  if (!unit) {
    throw new APIError(
      'Tài khoản của bạn chưa được gán đơn vị, nên chưa thể tạo hoặc sửa nội dung.',
      403,
      undefined,
      true,
    )
  }
  if (data.ownerUnit == null) data.ownerUnit = originalDoc?.ownerUnit ?? unit
  if (!sameId(data.ownerUnit, unit)) {
    refuseFields(req, collection.slug, [
      { path: 'ownerUnit', message: 'Bạn chỉ được tạo và sửa nội dung của đơn vị mình.' },
    ])
  }
  if (hasRole(user, Role.Contributor) && data._status === DocStatus.Published) {
    throw new APIError(
      'Cộng tác viên không có quyền xuất bản. Hãy lưu bản nháp để biên tập viên duyệt và xuất bản.',
      403,
      undefined,
      true,
    )
  }
  return data
}
