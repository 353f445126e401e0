import type { CollectionConfig } from 'payload'
import { unitContentAccess } from '@/access/unitContent'
import { contentSidebar, titleField } from '@/fields/content'
import { cancelPublicationsOfDeletedContent } from '@/hooks/cancelPublicationsOfDeletedContent'
import { enforceUnitRules } from '@/hooks/enforceUnitRules'
import { keepPublishedFromContributors } from '@/hooks/keepPublishedFromContributors'
import { reopenApprovalsOnEdit } from '@/hooks/reopenApprovalsOnEdit'
import { stampPublishedAt } from '@/hooks/stampPublishedAt'
import { draftVersions } from '@/lib/drafts'
import { l } from '@/lib/i18n'

export const Articles: CollectionConfig = {
  slug: 'articles',
  labels: { singular: l('Bài viết', 'Article'), plural: l('Tin, bài', 'Articles') },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'ownerUnit', '_status', 'publishedAt'], group: l('Nội dung', 'Content') },
  access: unitContentAccess,
  versions: draftVersions,
  hooks: {
    beforeOperation: [keepPublishedFromContributors],
    beforeChange: [enforceUnitRules, stampPublishedAt],
    afterChange: [reopenApprovalsOnEdit],
    beforeDelete: [cancelPublicationsOfDeletedContent],
  },
  fields: [
    titleField(),
    { name: 'sapo', type: 'textarea', maxLength: 600, label: l('Sapo (tóm tắt)', 'Summary') },
    { name: 'body', type: 'richText', label: l('Nội dung', 'Body') },
    { name: 'coverImage', type: 'upload', relationTo: 'media', label: l('Ảnh đại diện', 'Cover image') },
    { name: 'byline', type: 'text', maxLength: 200, label: l('Tác giả / bút danh', 'Byline') },
    { name: 'source', type: 'text', maxLength: 300, label: l('Nguồn tin', 'Source') },
    ...contentSidebar(),
  ],
}
