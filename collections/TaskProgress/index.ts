import type { CollectionConfig } from 'payload'
import { crossUnit } from '@/access/crossUnit'
import { leadOrCoordinatingUnit } from '@/access/leadOrCoordinatingUnit'
import { leadUnitEditors } from '@/access/leadUnitEditors'
import { unitEditors } from '@/access/ownUnitEditors'
import { choiceField } from '@/fields/choice'
import { l } from '@/lib/i18n'
import { TASK_EVIDENCE_COLLECTIONS, TaskStatus, taskStatuses } from '@/vocabulary'
import { fromTask } from './hooks/fromTask'

const fromTheTask = { readOnly: true, position: 'sidebar' as const }

/**
 * A plan task's progress in one year, recorded by its lead unit: status (done on time, done late,
 * in progress, not done with the reason, not started), a short result and the evidence. Items
 * tagged with the task (content, events, trainings) are evidence too, shown with their figures
 * beside the ones picked here. One row per task and year.
 */
export const TaskProgress: CollectionConfig<'task-progress'> = {
  slug: 'task-progress',
  labels: {
    singular: l('Tiến độ nhiệm vụ', 'Task progress'),
    plural: l('Tiến độ nhiệm vụ', 'Task progress'),
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'year', 'status', 'leadUnit'],
    group: l('Kế hoạch', 'Planning'),
  },
  access: {
    read: leadOrCoordinatingUnit,
    create: unitEditors,
    update: leadUnitEditors,
    delete: crossUnit,
  },
  indexes: [{ fields: ['task', 'year'], unique: true }],
  hooks: { beforeChange: [fromTask] },
  fields: [
    { name: 'title', type: 'text', admin: { hidden: true } },
    {
      type: 'row',
      fields: [
        {
          name: 'task',
          type: 'relationship',
          relationTo: 'plan-tasks',
          required: true,
          index: true,
          label: l('Nhiệm vụ', 'Task'),
          admin: { width: '70%' },
        },
        {
          name: 'year',
          type: 'number',
          required: true,
          min: 2000,
          max: 2100,
          index: true,
          label: l('Năm', 'Year'),
          admin: { width: '30%' },
        },
      ],
    },
    choiceField('status', l('Tình trạng', 'Status'), taskStatuses, TaskStatus.NotStarted),
    {
      name: 'reason',
      type: 'textarea',
      maxLength: 2000,
      label: l('Lý do (khi không hoàn thành)', 'Reason (when not done)'),
      admin: { condition: (_, sibling) => sibling?.status === TaskStatus.NotDone },
    },
    {
      name: 'result',
      type: 'textarea',
      maxLength: 2000,
      label: l('Kết quả thực hiện (ngắn gọn)', 'Result (short)'),
    },
    {
      name: 'evidence',
      type: 'relationship',
      relationTo: [...TASK_EVIDENCE_COLLECTIONS],
      hasMany: true,
      label: l('Minh chứng', 'Evidence'),
      admin: {
        description: l(
          'Tin bài, video, infographic, sự kiện, khóa đào tạo, lượt đăng hoặc tệp tải lên. Các mục đã gắn nhiệm vụ này tự hiện bên dưới.',
          'Content, events, trainings, publications or uploaded files. Items tagged with this task show below by themselves.',
        ),
      },
    },
    {
      name: 'taggedEvidence',
      type: 'ui',
      admin: { components: { Field: '/admin/tasks/TaggedEvidence#TaggedEvidence' } },
    },
    {
      name: 'leadUnit',
      type: 'relationship',
      relationTo: 'units',
      index: true,
      label: l('Đơn vị chủ trì', 'Lead unit'),
      admin: fromTheTask,
    },
    {
      name: 'coordinatingUnits',
      type: 'relationship',
      relationTo: 'units',
      hasMany: true,
      index: true,
      label: l('Đơn vị phối hợp', 'Coordinating units'),
      admin: fromTheTask,
    },
    {
      name: 'campaign',
      type: 'relationship',
      relationTo: 'campaigns',
      index: true,
      label: l('Kế hoạch', 'Plan'),
      admin: fromTheTask,
    },
  ],
}
