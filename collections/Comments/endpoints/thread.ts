import type { Endpoint } from 'payload'
import { isCommentable, mentionableUsers, readTarget } from '@/comments/target'
import { relationId } from '@/lib/relation'

const json = (status: number, body: unknown) => Response.json(body, { status })

/**
 * GET /api/comments/thread?collection=articles&id=…: a document's comments, oldest first, with the
 * names of those mentioned, and the people who may be mentioned on it (for the "@" picker). Only
 * for someone who may read the document; the comments come through the collection's read access.
 */
export const threadEndpoint: Endpoint = {
  path: '/thread',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return json(401, { errors: [{ message: 'Bạn cần đăng nhập.' }] })
    const collection = req.searchParams.get('collection')
    const id = req.searchParams.get('id')
    if (!isCommentable(collection) || !id)
      return json(400, { errors: [{ message: 'Thiếu tài liệu cần xem bình luận.' }] })
    const target = await readTarget(req, collection, id)
    if (!target) return json(403, { errors: [{ message: 'Bạn không xem được tài liệu này.' }] })
    const [found, mentionable] = await Promise.all([
      req.payload.find({
        collection: 'comments',
        where: {
          and: [{ 'doc.relationTo': { equals: collection } }, { 'doc.value': { equals: id } }],
        },
        sort: 'createdAt',
        depth: 0,
        limit: 1000,
        overrideAccess: false,
        user: req.user,
        req,
      }),
      mentionableUsers(req, target.ownerUnit),
    ])
    const names = new Map(mentionable.map((u) => [u.id, u.name]))
    return json(200, {
      comments: found.docs.map((c) => ({
        id: String(c.id),
        parent: relationId(c.parent),
        body: c.body,
        authorName: c.authorName,
        createdAt: c.createdAt,
        docVersion: c.docVersion ?? null,
        mentions: (c.mentions ?? []).map((m) => {
          const mid = String(relationId(m))
          return { id: mid, name: names.get(mid) ?? 'người dùng' }
        }),
      })),
      mentionable,
    })
  },
}
