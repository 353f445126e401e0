import type { CollectionConfig } from 'payload'
import { crossUnit } from '@/access/crossUnit'
import { readOwnUnit } from '@/access/readOwnUnit'
import { l } from '@/lib/i18n'
import { ageBands } from '@/vocabulary'

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
    {
      // The survey's organiser unit: who may read the row (readOwnUnit).
      name: 'ownerUnit',
      type: 'relationship',
      relationTo: 'units',
      required: true,
      index: true,
      label: l('Đơn vị tổ chức', 'Organiser unit'),
      admin: readOnly,
    },
    {
      name: 'commune',
      type: 'relationship',
      relationTo: 'units',
      label: l('Xã, phường', 'Commune'),
      admin: readOnly,
    },
    {
      name: 'ageBand',
      type: 'select',
      options: ageBands.options,
      label: l('Độ tuổi', 'Age band'),
      admin: readOnly,
    },
    { name: 'answers', type: 'json', label: l('Câu trả lời', 'Answers'), admin: readOnly },
    {
      name: 'aware',
      type: 'checkbox',
      label: l('Biết và sử dụng được', 'Knows and can use'),
      admin: readOnly,
    },
    {
      name: 'deviceKey',
      type: 'text',
      required: true,
      maxLength: 64,
      label: l('Mã thiết bị (băm)', 'Device key (hashed)'),
      access: { read: () => false },
      admin: { hidden: true },
    },
  ],
}
