import type { CollectionConfig } from 'payload'
import { isAuthor } from '@/access/isAuthor'
import { ownUnitEditors } from '@/access/ownUnitEditors'
import { ownUnitOrCrossUnit } from '@/access/ownUnitOrCrossUnit'
import { readOwnUnit } from '@/access/readOwnUnit'
import { choiceField } from '@/fields/choice'
import { countField } from '@/fields/count'
import { ownerUnitField } from '@/fields/ownerUnit'
import { planTasksField } from '@/fields/planTasks'
import { enforceUnitRules } from '@/hooks/enforceUnitRules'
import { l } from '@/lib/i18n'
import { DATE_FORMAT, vietnamTimezone } from '@/lib/time'
import { TrainingStatus, trainingProgrammes, trainingStatuses, unitKinds } from '@/vocabulary'
import { checkTrainees } from './hooks/checkTrainees'

const day = (name: string, vi: string, en: string) => ({
  name,
  type: 'date' as const,
  label: l(vi, en),
  timezone: vietnamTimezone,
  admin: { date: { pickerAppearance: 'dayOnly' as const, displayFormat: DATE_FORMAT } },
})

/**
 * A training course or awareness class ("lớp đào tạo, bồi dưỡng, tập huấn") and who attended it:
 * trainees by programme (Decision 146's programmes) and by the unit type they come from, the two
 * shapes of the provincial plans' training annexes.
 */
export const Trainings: CollectionConfig<'trainings'> = {
  slug: 'trainings',
  labels: {
    singular: l('Khóa đào tạo, bồi dưỡng', 'Training course'),
    plural: l('Đào tạo, bồi dưỡng', 'Trainings'),
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'ownerUnit', 'startsOn', 'status', 'totalTrainees'],
    group: l('Kế hoạch', 'Planning'),
  },
  // Contributors enter and correct their unit's courses (enforceUnitRules keeps them to it); deleting is for editors.
  access: {
    read: readOwnUnit,
    create: isAuthor,
    update: ownUnitOrCrossUnit,
    delete: ownUnitEditors,
  },
  hooks: { beforeChange: [enforceUnitRules, checkTrainees] },
  fields: [
    {
      name: 'title',
      type: 'text',
      required: true,
      maxLength: 250,
      label: l('Tên khóa / lớp', 'Title'),
    },
    {
      type: 'row',
      fields: [day('startsOn', 'Từ ngày', 'From'), day('endsOn', 'Đến ngày', 'To')],
    },
    { name: 'venue', type: 'text', maxLength: 300, label: l('Địa điểm', 'Venue') },
    {
      name: 'campaign',
      type: 'relationship',
      relationTo: 'campaigns',
      index: true,
      label: l('Chiến dịch', 'Campaign'),
    },
    planTasksField(),
    choiceField('status', l('Tình trạng', 'Status'), trainingStatuses, TrainingStatus.Planned),
    countField('totalTrainees', l('Tổng số học viên', 'Total trainees'), {
      admin: {
        description: l(
          'Số người thực tế tham gia khóa học (bắt buộc khi đã tổ chức).',
          'People who attended (required once held).',
        ),
      },
    }),
    {
      name: 'trainees',
      type: 'array',
      labels: {
        singular: l('Nhóm học viên', 'Trainee group'),
        plural: l('Nhóm học viên', 'Trainee groups'),
      },
      label: l('Học viên theo chương trình và loại đơn vị', 'Trainees by programme and unit type'),
      admin: {
        description: l(
          'Tổng các dòng không được vượt tổng số học viên của khóa.',
          'The rows may not add up to more than the total.',
        ),
      },
      fields: [
        {
          type: 'row',
          fields: [
            choiceField('programme', l('Chương trình', 'Programme'), trainingProgrammes, undefined),
            choiceField(
              'unitKind',
              l('Loại đơn vị của học viên', 'Trainees’ unit type'),
              unitKinds,
              undefined,
            ),
            countField('count', l('Số học viên', 'Trainees'), { required: true }),
          ],
        },
      ],
    },
    {
      name: 'note',
      type: 'textarea',
      maxLength: 3000,
      label: l('Ghi chú, kết quả', 'Notes and results'),
    },
    ownerUnitField(l('Đơn vị tổ chức', 'Organiser unit')),
  ],
}
