import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { anyone } from '@/access/anyone'
import { isAuthor } from '@/access/isAuthor'
import { ownUnitOrCrossUnit } from '@/access/ownUnitOrCrossUnit'
import { ownerUnitField } from '@/fields/ownerUnit'
import { enforceUnitRules } from '@/hooks/enforceUnitRules'
import { mediaDir } from '@/lib/env'
import { choiceField } from '@/fields/choice'
import { l } from '@/lib/i18n'
import { mediaKinds } from '@/vocabulary'
import { ACCEPTED, PAYLOAD_MIME_TYPES, extensionOf } from './fileKinds'
import { validateUpload } from './hooks/validateUpload'

const webp = { format: 'webp' as const, options: { quality: 82 } }

const setKind: CollectionBeforeChangeHook = ({ data }) => {
  if (typeof data.filename === 'string') data.kind = ACCEPTED[extensionOf(data.filename)]?.kind ?? data.kind
  return data
}

/**
 * Images are re-encoded to WebP by sharp (which also drops EXIF and GPS data) with sizes for
 * cards, thumbnails and Open Graph; video, audio, PDF and captions are stored as uploaded.
 */
export const Media: CollectionConfig<'media'> = {
  slug: 'media',
  labels: { singular: l('Tệp đa phương tiện', 'Media'), plural: l('Thư viện tệp', 'Media') },
  admin: { useAsTitle: 'alt', defaultColumns: ['filename', 'alt', 'kind', 'ownerUnit'], group: l('Nội dung', 'Content') },
  access: { read: anyone, create: isAuthor, update: ownUnitOrCrossUnit, delete: ownUnitOrCrossUnit },
  hooks: { beforeOperation: [validateUpload], beforeChange: [enforceUnitRules, setKind] },
  upload: {
    staticDir: mediaDir(),
    mimeTypes: PAYLOAD_MIME_TYPES,
    focalPoint: true,
    crop: true,
    formatOptions: webp,
    resizeOptions: { width: 2560, height: 2560, fit: 'inside', withoutEnlargement: true },
    adminThumbnail: 'thumbnail',
    imageSizes: [
      { name: 'thumbnail', width: 320, height: 240, formatOptions: webp },
      { name: 'card', width: 768, height: 432, formatOptions: webp },
      { name: 'og', width: 1200, height: 630, formatOptions: webp },
      { name: 'large', width: 1920, withoutEnlargement: true, formatOptions: webp },
    ],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      maxLength: 300,
      label: l('Mô tả thay thế (alt)', 'Alt text'),
      admin: { description: l('Mô tả nội dung tệp bằng tiếng Việt cho người khiếm thị.', 'Describe the file for screen readers.') },
    },
    { name: 'credit', type: 'text', required: true, maxLength: 200, label: l('Nguồn / tác giả', 'Credit') },
    { name: 'caption', type: 'textarea', maxLength: 1000, label: l('Chú thích', 'Caption') },
    choiceField('kind', l('Loại tệp', 'Kind'), mediaKinds, undefined, { readOnly: true, position: 'sidebar' }),
    ownerUnitField(),
  ],
}
