import type { Validate } from 'payload'
import { l } from '@/lib/i18n'
import { videoKinds } from '@/vocabulary'
import { isExternalVideoUrl } from '@/lib/videoUrl'
import { choiceField } from '@/fields/choice'
import { applyContentBlock } from './content'

const fileOrUrl: Validate = (value, { siblingData }) => {
  const data = siblingData as { file?: unknown; externalUrl?: string }
  if (!data.file && !data.externalUrl)
    return 'Cần tải lên tệp video/âm thanh hoặc nhập đường dẫn YouTube/Facebook.'
  return true
}

const externalUrl: Validate<string> = (value, ctx) => {
  if (value && !isExternalVideoUrl(value)) {
    return 'Đường dẫn phải là video YouTube (youtube.com/watch?v=…, youtu.be/…) hoặc Facebook (facebook.com/…/videos/…, fb.watch/…).'
  }
  return fileOrUrl(value, ctx)
}

/** TV and radio programmes, reportages, dialogues, series and short clips. */
export const Videos = applyContentBlock({
  slug: 'videos',
  labels: {
    singular: l('Video / chương trình', 'Video'),
    plural: l('Video, phát thanh', 'Videos'),
  },
  admin: { defaultColumns: ['title', 'kind', 'ownerUnit', '_status', 'reviewState'] },
  fields: [
    { name: 'description', type: 'textarea', maxLength: 3000, label: l('Mô tả', 'Description') },
    choiceField('kind', l('Thể loại', 'Kind'), videoKinds, 'reportage'),
    {
      name: 'file',
      type: 'upload',
      relationTo: 'media',
      label: l('Tệp video / âm thanh', 'Video or audio file'),
      validate: fileOrUrl,
    },
    {
      name: 'externalUrl',
      type: 'text',
      label: l('Đường dẫn YouTube / Facebook', 'YouTube / Facebook URL'),
      validate: externalUrl,
    },
    {
      name: 'durationSeconds',
      type: 'number',
      min: 1,
      max: 24 * 3600,
      label: l('Thời lượng (giây)', 'Duration (seconds)'),
    },
    { name: 'poster', type: 'upload', relationTo: 'media', label: l('Ảnh bìa', 'Poster image') },
    {
      name: 'captions',
      type: 'upload',
      relationTo: 'media',
      label: l('Phụ đề (WebVTT)', 'Captions (WebVTT)'),
    },
  ],
})
