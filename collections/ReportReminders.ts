import type { CollectionConfig } from 'payload'
import { isAdmin } from '@/access/isAdmin'
import { readOwnUnit } from '@/access/readOwnUnit'
import { choiceField } from '@/fields/choice'
import { l } from '@/lib/i18n'
import { DATE_TIME_FORMAT, dateTimePicker } from '@/lib/time'
import { reminderKinds } from '@/vocabulary'
import { sendReminderEndpoint } from '@/reporting/unitReports/remindEndpoint'

const system = { readOnly: true }

/**
 * The reminders the worker sent about units' yearly reports (src/reporting/unitReports/reminders.ts):
 * shown in the admin to the unit and to Sở TT&TT. A row is written before its email goes out and
 * the (unit, year, kind, sequence) index is unique, so each of the worker's reminders (sequence 0)
 * is sent once, by one worker; Sở TT&TT's own ("Gửi nhắc nhở" on the board, POST
 * /api/report-reminders/send) are numbered 1, 2, … per unit and year.
 */
export const ReportReminders: CollectionConfig<'report-reminders'> = {
  slug: 'report-reminders',
  labels: {
    singular: l('Nhắc hạn báo cáo', 'Report reminder'),
    plural: l('Nhắc hạn báo cáo', 'Report reminders'),
  },
  admin: {
    useAsTitle: 'subject',
    defaultColumns: ['subject', 'ownerUnit', 'kind', 'sentAt', 'recipients'],
    group: l('Báo cáo', 'Reporting'),
  },
  access: { read: readOwnUnit, create: () => false, update: () => false, delete: isAdmin },
  indexes: [{ fields: ['ownerUnit', 'year', 'kind', 'sequence'], unique: true }],
  endpoints: [sendReminderEndpoint],
  fields: [
    { name: 'subject', type: 'text', admin: system, label: l('Tiêu đề', 'Subject') },
    {
      name: 'ownerUnit',
      type: 'relationship',
      relationTo: 'units',
      required: true,
      index: true,
      admin: system,
      label: l('Đơn vị', 'Unit'),
    },
    {
      name: 'year',
      type: 'number',
      required: true,
      admin: system,
      label: l('Năm báo cáo', 'Year'),
    },
    choiceField('kind', l('Loại nhắc', 'Kind'), reminderKinds, undefined, system),
    { name: 'deadline', type: 'text', admin: system, label: l('Hạn nộp', 'Deadline') },
    {
      name: 'sentAt',
      type: 'date',
      admin: { ...system, date: dateTimePicker(DATE_TIME_FORMAT) },
      label: l('Gửi lúc', 'Sent at'),
    },
    {
      name: 'sequence',
      type: 'number',
      required: true,
      defaultValue: 0,
      admin: system,
      label: l('Lần nhắc của Sở TT&TT (0: nhắc tự động)', 'Manual reminder number (0: automatic)'),
    },
    {
      name: 'sentBy',
      type: 'relationship',
      relationTo: 'users',
      admin: system,
      label: l('Người gửi (trống: gửi tự động)', 'Sent by (empty: automatic)'),
    },
    { name: 'recipients', type: 'text', admin: system, label: l('Người nhận', 'Recipients') },
    { name: 'body', type: 'textarea', admin: system, label: l('Nội dung', 'Body') },
  ],
}
