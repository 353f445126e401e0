import type { CollectionBeforeChangeHook } from 'payload'
import { hasRole } from '@/access/roles'
import { refuseFields } from '@/lib/refuse'
import type { Publication } from '@/payload-types'
import { CROSS_UNIT_ROLES, PublicationStatus, Role } from '@/vocabulary'

const S = PublicationStatus
/** Who returns a publication: Sở TT&TT, or a unit manager for the units below (see approver.ts). */
const DECIDERS = [...CROSS_UNIT_ROLES, Role.UnitManager]

/**
 * The decision on a publication waiting for approval: returning it (back to a draft) needs a
 * reason, which the unit then reads on it; approving it, or the unit sending it again, clears the
 * old reason. Who may approve and what approval records stay in checkSchedule.
 */
export const approvalDecision: CollectionBeforeChangeHook<Publication> = ({
  data,
  originalDoc,
  req,
}) => {
  if (req.context?.dispatcher || !originalDoc) return data
  const from = originalDoc.status
  const to = data.status ?? from
  if (from === S.AwaitingApproval && to === S.Draft && hasRole(req.user, ...DECIDERS)) {
    const reason = String(data.approval?.returnReason ?? '').trim()
    if (!reason)
      refuseFields(req, 'publications', [
        { path: 'approval.returnReason', message: 'Hãy ghi lý do trả lại lịch đăng.' },
      ])
    data.approval = { ...originalDoc.approval, ...data.approval, returnReason: reason }
  } else if (to !== S.Draft && from !== to) {
    data.approval = { ...originalDoc.approval, ...data.approval, returnReason: null }
  }
  return data
}
