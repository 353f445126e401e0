import type { CollectionConfig } from 'payload'
import { crossUnit } from '@/access/crossUnit'
import { readOwnUnit } from '@/access/readOwnUnit'
import { l } from '@/lib/i18n'
import {
  ageBandField,
  communeField,
  deviceKeyField,
  organiserField,
} from '@/fields/anonymousAnswer'

const readOnly = { readOnly: true }

/**
 * One anonymous answer to a survey (src/surveys/router.ts): the commune, the age band if asked,
 * the answers by question key, and whether it counts as knowing and able to use the services.
 * `deviceKey` is an HMAC of the device cookie's random id and the survey (src/publicForms/device.ts):
 * the unique index refuses a second answer of one device, and it cannot be tied to the device in
 * another survey nor to a person. No address, no time finer than the row's own creation.
 */
export const SurveyResponses: CollectionConfig<'survey-responses'> = {
  slug: 'survey-responses',
  labels: {
    singular: l('Phiếu trả lời khảo sát', 'Survey response'),
    plural: l('Phiếu trả lời khảo sát', 'Survey responses'),
  },
  admin: {
    group: l('Chỉ tiêu nhận thức', 'Awareness indicators'),
    defaultColumns: ['survey', 'commune', 'ageBand', 'aware', 'createdAt'],
    description: l(
      'Ghi nhận từ trang khảo sát công khai; không chứa thông tin cá nhân.',
      'Recorded by the public survey page; holds nothing personal.',
    ),
  },
  access: { read: readOwnUnit, create: () => false, update: () => false, delete: crossUnit },
  indexes: [{ fields: ['survey', 'deviceKey'], unique: true }, { fields: ['survey', 'commune'] }],
  fields: [
    {
      name: 'survey',
      type: 'relationship',
      relationTo: 'surveys',
      required: true,
      label: l('Khảo sát', 'Survey'),
      admin: readOnly,
    },
    organiserField(l('Đơn vị tổ chức', 'Organiser unit')),
    communeField,
    ageBandField,
    { name: 'answers', type: 'json', label: l('Câu trả lời', 'Answers'), admin: readOnly },
    {
      name: 'aware',
      type: 'checkbox',
      label: l('Biết và sử dụng được', 'Knows and can use'),
      admin: readOnly,
    },
    deviceKeyField,
  ],
}
