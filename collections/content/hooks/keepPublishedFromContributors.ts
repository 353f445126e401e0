import { APIError, type CollectionBeforeOperationHook, type Where } from 'payload'
import { hasRole, unitIdOf } from '@/access/roles'
import { type ContentKind, DocStatus, Role } from '@/vocabulary'

/**
 * Contributors may propose changes to published content only as a draft revision. Taking it
 * down (`_status` → draft without `draft: true`) is for editors, like publishing. This needs the
 * operation's `draft` flag, which change hooks do not get, so it is a beforeOperation hook.
 */
export const keepPublishedFromContributors: CollectionBeforeOperationHook<ContentKind> = async ({
  args,
  collection,
  operation,
  req,
}) => {
  // The operation's arguments are typed per operation; an update's are these.
  const { id, data, draft, where } = args as {
    id?: string | number
    data?: { _status?: string }
    draft?: boolean
    where?: Where
  }
  if (
    operation !== 'update' ||
    !hasRole(req.user, Role.Contributor) ||
    draft ||
    data?._status !== DocStatus.Draft
  )
    return args
  const target: Where = id != null ? { id: { equals: id } } : (where ?? {})
  // Only their own unit's documents: for another unit's, access control answers (Forbidden) as usual.
  const live = await req.payload.count({
    collection: collection.slug as ContentKind,
    where: {
      and: [
        target,
        { ownerUnit: { equals: unitIdOf(req.user) } },
        { _status: { equals: DocStatus.Published } },
      ],
    },
    overrideAccess: true,
    req,
  })
  if (live.totalDocs > 0) {
    throw new APIError(
      'Cộng tác viên không có quyền gỡ nội dung đã xuất bản. Hãy đề nghị biên tập viên của đơn vị.',
      403,
      undefined,
      true,
    )
  }
  return args
}
