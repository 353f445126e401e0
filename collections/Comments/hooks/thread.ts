import { APIError, type CollectionBeforeChangeHook } from 'payload'
import { isCommentable, mentionableUsers, readTarget } from '@/comments/target'
import { relationId, sameId } from '@/lib/relation'
import { refuseFields } from '@/lib/refuse'
import type { Comment } from '@/payload-types'

/**
 * A new comment: its writer may read the document (so may comment on it), a reply answers a
 * comment on the same document, a mention names someone who may read it. The writer, their name,
 * the document's unit (which decides who reads the comment) and its version at this moment are
 * stamped here, never taken from the request. Comments are append-only: the collection allows no
 * update or delete, so the thread is the document's history as it was written.
 */
export const commentThread: CollectionBeforeChangeHook<Comment> = async ({
  data,
  operation,
  req,
}) => {
  if (operation !== 'create') return data
  const invalid = (path: string, message: string): never =>
    refuseFields(req, 'comments', [{ path, message }])
  const ref = data.doc as { relationTo?: unknown; value?: unknown } | undefined
  const id = relationId(ref?.value)
  if (!ref || !isCommentable(ref.relationTo) || !id)
    return invalid('doc', 'Cần chọn tài liệu để bình luận.')
  const body = typeof data.body === 'string' ? data.body.trim() : ''
  if (!body) invalid('body', 'Nội dung bình luận đang trống.')
  data.body = body

  const target = await readTarget(req, ref.relationTo, id)
  if (!target)
    throw new APIError(
      'Bạn không xem được tài liệu này nên không bình luận được.',
      403,
      undefined,
      true,
    )

  const parentId = relationId(data.parent)
  if (parentId) {
    const parent = await req.payload
      .findByID({
        collection: 'comments',
        id: parentId,
        depth: 0,
        overrideAccess: true,
        req,
        disableErrors: true,
      })
      .catch(() => null)
    const onSame =
      parent &&
      (parent.doc as { relationTo: string }).relationTo === ref.relationTo &&
      sameId((parent.doc as { value: unknown }).value, id)
    if (!onSame) invalid('parent', 'Bình luận được trả lời không thuộc tài liệu này.')
  }

  const mentions = [
    ...new Set((data.mentions ?? []).map((m) => relationId(m)).filter(Boolean)),
  ] as string[]
  if (mentions.length) {
    const allowed = new Set((await mentionableUsers(req, target.ownerUnit)).map((u) => u.id))
    if (mentions.some((m) => !allowed.has(m)))
      invalid('mentions', 'Chỉ nhắc được người xem được tài liệu này (cùng đơn vị hoặc Sở TT&TT).')
  }

  const user = req.user as { id: string | number; fullName?: string; email?: string } | null
  return {
    ...data,
    doc: { relationTo: ref.relationTo, value: id },
    mentions,
    author: user?.id ?? null,
    authorName: user ? user.fullName || user.email || '' : 'Hệ thống',
    ownerUnit: target.ownerUnit,
    docVersion: target.version,
  } as typeof data
}
