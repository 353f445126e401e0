import type { CollectionConfig } from 'payload'
import { commenters } from '@/access/commenters'
import { readComments } from '@/access/readComments'
import { COMMENTABLE } from '@/comments/target'
import { l } from '@/lib/i18n'
import { threadEndpoint } from './endpoints/thread'
import { announceMentions } from './hooks/announce'
import { commentThread } from './hooks/thread'

const nobody = () => false
const stamp = { readOnly: true }

/**
 * A comment on a content document or a publication: threaded (a reply names its parent), with
 * mentions of people (relations to users). Append-only: nobody edits or deletes a comment, so the
 * thread stays with the document's history as written; each comment records the document's version
 * it was written on. Shown in the document's edit view (src/admin/comments/CommentsPanel.tsx).
 */
export const Comments: CollectionConfig<'comments'> = {
  slug: 'comments',
  labels: { singular: l('Bình luận', 'Comment'), plural: l('Bình luận', 'Comments') },
  admin: {
    useAsTitle: 'body',
    defaultColumns: ['body', 'doc', 'authorName', 'createdAt'],
    group: l('Nội dung', 'Content'),
  },
  access: { read: readComments, create: commenters, update: nobody, delete: nobody },
  endpoints: [threadEndpoint],
  hooks: { beforeChange: [commentThread], afterChange: [announceMentions] },
  fields: [
    {
      name: 'doc',
      type: 'relationship',
      relationTo: [...COMMENTABLE],
      required: true,
      index: true,
      label: l('Tài liệu', 'Document'),
    },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'comments',
      index: true,
      label: l('Trả lời bình luận', 'In reply to'),
    },
    {
      name: 'body',
      type: 'textarea',
      required: true,
      maxLength: 5000,
      label: l('Nội dung', 'Text'),
    },
    {
      name: 'mentions',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      label: l('Nhắc đến', 'Mentions'),
    },
    {
      name: 'author',
      type: 'relationship',
      relationTo: 'users',
      label: l('Người viết', 'Author'),
      admin: stamp,
    },
    { name: 'authorName', type: 'text', label: l('Người viết', 'Author'), admin: stamp },
    {
      name: 'ownerUnit',
      type: 'relationship',
      relationTo: 'units',
      index: true,
      label: l('Đơn vị của tài liệu', 'Document unit'),
      admin: stamp,
    },
    {
      name: 'docVersion',
      type: 'text',
      label: l('Phiên bản tài liệu', 'Document version'),
      admin: stamp,
    },
  ],
}
