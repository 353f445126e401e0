import type { CollectionConfig } from 'payload'
import { isAdmin } from '@/access/isAdmin'
import { readOwnUnit } from '@/access/readOwnUnit'
import { l } from '@/lib/i18n'
import { DATE_TIME_FORMAT, dateTimePicker } from '@/lib/time'

const system = { readOnly: true }

/**
 * The due-date reminders sent to a task's lead unit (src/reporting/tasks/reminders.ts). A row is
 * written before its email goes out and (task, milestone) is unique, so each task is reminded once
 * per milestone, by one worker, across restarts. `ownerUnit` is the lead unit (it reads them).
 */
export const TaskReminders: CollectionConfig<'task-reminders'> = {
  slug: 'task-reminders',
  labels: {
    singular: l('Nhắc hạn nhiệm vụ', 'Task reminder'),
    plural: l('Nhắc hạn nhiệm vụ', 'Task reminders'),
  },
  admin: {
    useAsTitle: 'subject',
    defaultColumns: ['subject', 'ownerUnit', 'milestone', 'sentAt', 'recipients'],
    group: l('Kế hoạch', 'Planning'),
  },
  access: { read: readOwnUnit, create: () => false, update: () => false, delete: isAdmin },
  indexes: [{ fields: ['task', 'milestone'], unique: true }],
  fields: [
    { name: 'subject', type: 'text', admin: system, label: l('Tiêu đề', 'Subject') },
    {
      name: 'task',
      type: 'relationship',
      relationTo: 'plan-tasks',
      required: true,
      index: true,
      admin: system,
      label: l('Nhiệm vụ', 'Task'),
    },
    {
      name: 'milestone',
      type: 'text',
      required: true,
      admin: system,
      label: l('Mốc hạn (YYYY-MM-DD)', 'Milestone'),
    },
    {
      name: 'ownerUnit',
      type: 'relationship',
      relationTo: 'units',
      required: true,
      index: true,
      admin: system,
      label: l('Đơn vị chủ trì', 'Lead unit'),
    },
    {
      name: 'sentAt',
      type: 'date',
      admin: { ...system, date: dateTimePicker(DATE_TIME_FORMAT) },
      label: l('Gửi lúc', 'Sent at'),
    },
    { name: 'recipients', type: 'text', admin: system, label: l('Người nhận', 'Recipients') },
    { name: 'body', type: 'textarea', admin: system, label: l('Nội dung', 'Body') },
  ],
}
