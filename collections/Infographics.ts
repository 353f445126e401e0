import { l } from '@/lib/i18n'
import { infographicKinds } from '@/vocabulary'
import { choiceField } from '@/fields/choice'
import { applyContentBlock } from './content'

/** Infographics, posters and motion graphics, each with a text equivalent for screen readers. */
export const Infographics = applyContentBlock({
  slug: 'infographics',
  labels: {
    singular: l('Infographic', 'Infographic'),
    plural: l('Infographic, pa-nô', 'Infographics'),
  },
  admin: { defaultColumns: ['title', 'kind', 'ownerUnit', '_status', 'reviewState'] },
  fields: [
    choiceField('kind', l('Loại', 'Kind'), infographicKinds, 'infographic'),
    {
      name: 'file',
      type: 'upload',
      relationTo: 'media',
      required: true,
      label: l('Tệp ảnh hoặc video', 'Image or video file'),
    },
    {
      name: 'alt',
      type: 'text',
      required: true,
      maxLength: 300,
      label: l('Mô tả ngắn (alt)', 'Alt text'),
    },
    {
      name: 'longDescription',
      type: 'textarea',
      required: true,
      maxLength: 10000,
      label: l('Mô tả chi tiết cho trình đọc màn hình', 'Long description for screen readers'),
      admin: {
        description: l(
          'Trình bày đầy đủ số liệu và nội dung của đồ họa bằng văn bản.',
          'All figures and text of the graphic, as text.',
        ),
      },
    },
    { name: 'dataSource', type: 'text', maxLength: 300, label: l('Nguồn số liệu', 'Data source') },
  ],
})
