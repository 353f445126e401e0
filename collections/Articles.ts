import { l } from '@/lib/i18n'
import { applyContentBlock } from './content'

export const Articles = applyContentBlock({
  slug: 'articles',
  labels: { singular: l('Bài viết', 'Article'), plural: l('Tin, bài', 'Articles') },
  admin: { defaultColumns: ['title', 'ownerUnit', '_status', 'reviewState', 'publishedAt'] },
  fields: [
    {
      name: 'sapo',
      type: 'textarea',
      maxLength: 600,
      label: l('Sapo (tóm tắt)', 'Summary'),
      admin: {
        description: l(
          'Hiện dưới tiêu đề trên chuyên trang; là lời dẫn khi đăng lên các kênh nếu không nhập lời dẫn riêng.',
          'Shown under the title; the lead on channels unless a message is given.',
        ),
      },
    },
    { name: 'body', type: 'richText', label: l('Nội dung', 'Body') },
    {
      name: 'coverImage',
      type: 'upload',
      relationTo: 'media',
      label: l('Ảnh đại diện', 'Cover image'),
    },
    { name: 'byline', type: 'text', maxLength: 200, label: l('Tác giả / bút danh', 'Byline') },
    { name: 'source', type: 'text', maxLength: 300, label: l('Nguồn tin', 'Source') },
  ],
})
