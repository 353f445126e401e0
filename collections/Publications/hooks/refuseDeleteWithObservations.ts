import { APIError, type CollectionBeforeDeleteHook } from 'payload'
import { formatNumber } from '@/lib/format'
import { PublicationStatus } from '@/vocabulary'

/**
 * A publication with engagement observations is history: its reach is counted in the yearly totals,
 * and the observations cannot stand without it. Its deletion is refused in Vietnamese (400) and
 * nothing changes; cancelling is what hides it from the plan. Without observations it deletes as before.
 */
export const refuseDeleteWithObservations: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { totalDocs } = await req.payload.count({
    collection: 'engagement-observations',
    where: { publication: { equals: id } },
    overrideAccess: true,
    req,
  })
  if (totalDocs === 0) return
  // People reach this mostly for cancelled publications (access lets them delete only unsent ones),
  // where "cancel it instead" would be no help.
  const publication = await req.payload.findByID({
    collection: 'publications',
    id,
    depth: 0,
    select: { status: true },
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  const advice =
    publication?.status === PublicationStatus.Cancelled
      ? 'Lịch đăng đã huỷ được giữ lại làm lịch sử.'
      : 'Hãy huỷ lịch đăng thay vì xoá.'
  throw new APIError(
    `Không thể xoá lịch đăng đã có số liệu tương tác (${formatNumber(totalDocs)} lần ghi nhận). ${advice}`,
    400,
    undefined,
    true,
  )
}
