import type { CollectionConfig } from 'payload'
import { unitContentAccess } from '@/access/unitContent'
import { contentSidebar, titleField } from '@/fields/content'
import { cancelPublicationsOfDeletedContent } from '@/hooks/cancelPublicationsOfDeletedContent'
import { enforceUnitRules } from '@/hooks/enforceUnitRules'
import { keepPublishedFromContributors } from '@/hooks/keepPublishedFromContributors'
import { reopenApprovalsOnEdit } from '@/hooks/reopenApprovalsOnEdit'
import { stampPublishedAt } from '@/hooks/stampPublishedAt'
import { draftVersions } from '@/lib/drafts'
import { l, options } from '@/lib/i18n'

/** Infographics, posters and motion graphics, each with a text equivalent for screen readers. */
export const Infographics: CollectionConfig = {
  slug: 'infographics',
  labels: { singular: l('Infographic', 'Infographic'), plural: l('Infographic, pa-nô', 'Infographics') },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'kind', 'ownerUnit', '_status'], group: l('Nội dung', 'Content') },
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
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'infographic',
      label: l('Loại', 'Kind'),
      options: options([
        ['infographic', 'Đồ họa thông tin', 'Infographic'],
        ['poster', 'Pa-nô, áp phích', 'Poster'],
        ['motion-graphic', 'Đồ họa chuyển động', 'Motion graphic'],
      ]),
    },
    { name: 'file', type: 'upload', relationTo: 'media', required: true, label: l('Tệp ảnh hoặc video', 'Image or video file') },
    { name: 'alt', type: 'text', required: true, maxLength: 300, label: l('Mô tả ngắn (alt)', 'Alt text') },
    {
      name: 'longDescription',
      type: 'textarea',
      required: true,
      maxLength: 10000,
      label: l('Mô tả chi tiết cho trình đọc màn hình', 'Long description for screen readers'),
      admin: { description: l('Trình bày đầy đủ số liệu và nội dung của đồ họa bằng văn bản.', 'All figures and text of the graphic, as text.') },
    },
    { name: 'dataSource', type: 'text', maxLength: 300, label: l('Nguồn số liệu', 'Data source') },
    ...contentSidebar(),
  ],
}
