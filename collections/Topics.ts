import type { CollectionConfig } from 'payload'
import { anyone } from '@/access/anyone'
import { crossUnit } from '@/access/crossUnit'
import { slugField } from '@/fields/slug'
import { l } from '@/lib/i18n'

/** The campaign's themes: chính quyền số, kinh tế số, xã hội số, … */
export const Topics: CollectionConfig = {
  slug: 'topics',
  labels: { singular: l('Chủ đề', 'Topic'), plural: l('Chủ đề', 'Topics') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug'],
    group: l('Nội dung', 'Content'),
  },
  access: { read: anyone, create: crossUnit, update: crossUnit, delete: crossUnit },
  fields: [
    {
      name: 'title',
      type: 'text',
      required: true,
      maxLength: 120,
      label: l('Tên chủ đề', 'Title'),
    },
    slugField(),
    { name: 'description', type: 'textarea', maxLength: 1000, label: l('Mô tả', 'Description') },
  ],
}
