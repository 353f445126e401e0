import type { CollectionConfig } from 'payload'
import { crossUnit } from '@/access/crossUnit'
import { readOwnUnit } from '@/access/readOwnUnit'
import { choiceField } from '@/fields/choice'
import { ownerUnitField } from '@/fields/ownerUnit'
import { l } from '@/lib/i18n'
import { dateTimePicker, vietnamTimezone } from '@/lib/time'
import { QuestionKind, questionKinds } from '@/vocabulary'
import { applySurvey } from './endpoints/apply'
import { surveyResponsesFile, surveyResults } from './endpoints/results'
import { prepareSurvey } from './hooks/prepare'
import { dropDependents } from '@/hooks/dropDependents'

const choice = (_: unknown, sibling: { kind?: string }) =>
  sibling?.kind === QuestionKind.Single || sibling?.kind === QuestionKind.Multiple
const measurable = (_: unknown, sibling: { kind?: string }) =>
  sibling?.kind === QuestionKind.YesNo || sibling?.kind === QuestionKind.Scale

/**
 * A short public survey (issue 23): a few questions, a link and QR code, an opening and closing
 * time, an optional quota per commune. Answered at /khao-sat/<code> (src/surveys/router.ts) with no
 * login and nothing personal; its results, per question and per commune with the margin of error,
 * show on the survey's page and feed the awareness indicators' survey elements.
 */
export const Surveys: CollectionConfig<'surveys'> = {
  slug: 'surveys',
  labels: { singular: l('Khảo sát', 'Survey'), plural: l('Khảo sát', 'Surveys') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'opensAt', 'closesAt', 'ownerUnit'],
    group: l('Chỉ tiêu nhận thức', 'Awareness indicators'),
    description: l(
      'Phiếu khảo sát ngắn, trả lời qua đường dẫn hoặc mã QR, không cần đăng nhập, không thu thập thông tin cá nhân.',
      'Short surveys answered by link or QR code, with no login and nothing personal collected.',
    ),
  },
  access: { read: readOwnUnit, create: crossUnit, update: crossUnit, delete: crossUnit },
  endpoints: [surveyResults, surveyResponsesFile, applySurvey],
  hooks: {
    beforeChange: [prepareSurvey],
    beforeDelete: [dropDependents('survey-responses', 'survey')],
  },
  fields: [
    {
      name: 'title',
      type: 'text',
      required: true,
      maxLength: 200,
      label: l('Tên khảo sát', 'Title'),
    },
    {
      name: 'intro',
      type: 'textarea',
      maxLength: 1000,
      label: l('Lời giới thiệu', 'Introduction'),
    },
    {
      // The survey's results, charts and downloads, once it is saved (src/admin/surveys/).
      name: 'results',
      type: 'ui',
      admin: {
        condition: (data) => Boolean(data?.id),
        components: { Field: '/admin/surveys/SurveyResults#SurveyResults' },
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'opensAt',
          type: 'date',
          required: true,
          timezone: vietnamTimezone,
          label: l('Mở nhận phiếu', 'Opens'),
          admin: { date: dateTimePicker(), width: '50%' },
        },
        {
          name: 'closesAt',
          type: 'date',
          required: true,
          timezone: vietnamTimezone,
          label: l('Đóng nhận phiếu', 'Closes'),
          admin: { date: dateTimePicker(), width: '50%' },
        },
      ],
    },
    {
      name: 'questions',
      type: 'array',
      required: true,
      minRows: 1,
      maxRows: 20,
      label: l('Câu hỏi', 'Questions'),
      labels: { singular: l('Câu hỏi', 'Question'), plural: l('Câu hỏi', 'Questions') },
      fields: [
        {
          name: 'text',
          type: 'text',
          required: true,
          maxLength: 300,
          label: l('Nội dung câu hỏi', 'Question'),
        },
        {
          type: 'row',
          fields: [
            choiceField('kind', l('Loại câu hỏi', 'Type'), questionKinds, QuestionKind.YesNo, {
              width: '50%',
            }),
            {
              name: 'required',
              type: 'checkbox',
              defaultValue: true,
              label: l('Bắt buộc trả lời', 'Required'),
              admin: { width: '50%' },
            },
          ],
        },
        {
          name: 'options',
          type: 'array',
          maxRows: 12,
          label: l('Các lựa chọn', 'Options'),
          labels: { singular: l('Lựa chọn', 'Option'), plural: l('Lựa chọn', 'Options') },
          admin: { condition: choice },
          fields: [
            {
              name: 'label',
              type: 'text',
              required: true,
              maxLength: 100,
              label: l('Lựa chọn', 'Option'),
            },
            // The stored answer: given once from the label, kept when the label is reworded.
            { name: 'value', type: 'text', admin: { hidden: true } },
          ],
        },
        {
          name: 'countsAsAware',
          type: 'checkbox',
          label: l(
            'Dùng để tính "biết và sử dụng được" (trả lời Có, hoặc 4-5 điểm)',
            'Counts towards "knows and can use" (yes, or 4-5)',
          ),
          admin: { condition: measurable },
        },
        // The stored key of the answers: given once from the text.
        { name: 'key', type: 'text', admin: { hidden: true } },
      ],
    },
    ownerUnitField(l('Đơn vị tổ chức', 'Organiser unit')),
    {
      name: 'code',
      type: 'text',
      unique: true,
      index: true,
      label: l('Mã đường dẫn', 'Link code'),
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'campaign',
      type: 'relationship',
      relationTo: 'campaigns',
      label: l('Chiến dịch', 'Campaign'),
      admin: { position: 'sidebar' },
    },
    {
      name: 'quotaPerCommune',
      type: 'number',
      min: 1,
      label: l('Số phiếu tối đa mỗi xã, phường', 'Quota per commune'),
      admin: {
        position: 'sidebar',
        step: 1,
        description: l('Để trống nếu không giới hạn.', 'Empty for no quota.'),
      },
    },
    {
      name: 'askAgeBand',
      type: 'checkbox',
      defaultValue: true,
      label: l('Hỏi độ tuổi', 'Ask the age band'),
      admin: { position: 'sidebar' },
    },
    {
      type: 'collapsible',
      label: l('Đưa kết quả vào chỉ tiêu', 'Feed the indicators'),
      admin: { position: 'sidebar' },
      fields: [
        {
          name: 'sampleElement',
          type: 'relationship',
          relationTo: 'data-elements',
          label: l('Trường "số người được khảo sát"', 'Sample element'),
        },
        {
          name: 'awareElement',
          type: 'relationship',
          relationTo: 'data-elements',
          label: l('Trường "số người biết và sử dụng được"', 'Aware element'),
        },
      ],
    },
  ],
}
