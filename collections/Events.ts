import type { Validate } from 'payload'
import { l } from '@/lib/i18n'
import { eventKinds, EventStatus, eventStatuses } from '@/vocabulary'
import { dateTimePicker, formatVietnamTime, vietnamTimezone } from '@/lib/time'
import { choiceField } from '@/fields/choice'
import { countField } from '@/fields/count'
import { applyContentBlock } from './content'

const endNotBeforeStart: Validate = (value, { siblingData }) => {
  const { startsAt } = siblingData as { startsAt?: string }
  if (!value) return 'Cần nhập thời gian kết thúc.'
  if (Number.isNaN(new Date(value as string).getTime())) return 'Thời gian kết thúc không hợp lệ.'
  if (startsAt && new Date(value as string) < new Date(startsAt)) {
    return `Thời gian kết thúc (${formatVietnamTime(value as string)}) không được trước thời gian bắt đầu (${formatVietnamTime(startsAt)}).`
  }
  return true
}

const count = (name: string, vi: string, en: string) => countField(name, l(vi, en))

/** Conferences, workshops, exhibitions, contests, DX days and months, courses and award ceremonies. */
export const Events = applyContentBlock({
  slug: 'events',
  labels: { singular: l('Sự kiện', 'Event'), plural: l('Sự kiện', 'Events') },
  ownerLabel: l('Đơn vị chủ trì tổ chức', 'Organiser unit'),
  admin: { defaultColumns: ['title', 'kind', 'startsAt', 'status', '_status'] },
  fields: [
    choiceField('kind', l('Loại sự kiện', 'Kind'), eventKinds, 'conference'),
    {
      type: 'row',
      fields: [
        {
          name: 'startsAt',
          type: 'date',
          required: true,
          timezone: vietnamTimezone,
          label: l('Bắt đầu', 'Starts'),
          admin: { date: dateTimePicker() },
        },
        {
          name: 'endsAt',
          type: 'date',
          required: true,
          timezone: vietnamTimezone,
          label: l('Kết thúc', 'Ends'),
          validate: endNotBeforeStart,
          admin: { date: dateTimePicker() },
        },
      ],
    },
    { name: 'venue', type: 'text', maxLength: 300, label: l('Địa điểm', 'Venue') },
    {
      name: 'onlineUrl',
      type: 'text',
      maxLength: 500,
      label: l('Đường dẫn trực tuyến', 'Online link'),
      validate: (v: unknown) =>
        !v || /^https?:\/\/\S+$/.test(String(v))
          ? true
          : 'Đường dẫn trực tuyến phải bắt đầu bằng http:// hoặc https://',
    },
    {
      name: 'coordinatingUnits',
      type: 'relationship',
      relationTo: 'units',
      hasMany: true,
      label: l('Đơn vị phối hợp', 'Coordinating units'),
    },
    choiceField('status', l('Trạng thái tổ chức', 'Status'), eventStatuses, EventStatus.Planned),
    {
      type: 'row',
      fields: [
        count('expectedParticipants', 'Số người dự kiến', 'Expected participants'),
        count('actualParticipants', 'Số người tham dự thực tế', 'Actual participants'),
      ],
    },
    {
      name: 'audience',
      type: 'group',
      label: l('Thành phần tham dự thực tế', 'Actual participants by audience'),
      fields: [
        {
          type: 'row',
          fields: [
            count('leaders', 'Lãnh đạo', 'Leaders'),
            count('dxSpecialists', 'Cán bộ chuyên trách CĐS', 'DX specialists'),
            count('civilServants', 'Cán bộ, công chức, viên chức', 'Civil servants'),
            count('citizens', 'Người dân', 'Citizens'),
            count('students', 'Học sinh, sinh viên', 'Students'),
          ],
        },
      ],
    },
    { name: 'description', type: 'richText', label: l('Giới thiệu', 'Description') },
    {
      name: 'materials',
      type: 'upload',
      relationTo: 'media',
      hasMany: true,
      label: l('Tài liệu', 'Materials'),
    },
    {
      name: 'resultsSummary',
      type: 'textarea',
      maxLength: 5000,
      label: l('Kết quả', 'Results summary'),
    },
  ],
})
