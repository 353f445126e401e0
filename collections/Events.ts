import type { Field, Validate } from 'payload'
import { l } from '@/lib/i18n'
import {
  audienceGroups,
  eventKinds,
  EventStatus,
  eventStatuses,
  ParticipantsSource,
  participantsSources,
} from '@/vocabulary'
import { dateTimePicker, formatVietnamTime, vietnamTimezone } from '@/lib/time'
import { choiceField } from '@/fields/choice'
import { countField, nonNegativeWhole } from '@/fields/count'
import { applyContentBlock } from './content'
import { giveCheckInCode } from '@/checkIn/code'
import { dropDependents } from '@/hooks/dropDependents'

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
  admin: { defaultColumns: ['title', 'kind', 'startsAt', 'status', '_status', 'reviewState'] },
  hooks: {
    beforeChange: [giveCheckInCode],
    beforeDelete: [dropDependents('event-check-ins', 'event')],
  },
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
            ...audienceGroups.values.map((group) =>
              countField(group, audienceGroups.labels[group]),
            ),
          ],
        },
      ],
    },
    {
      name: 'checkIn',
      type: 'group',
      label: l('Điểm danh bằng mã QR', 'Check-in by QR code'),
      admin: {
        description: l(
          'Người tham dự quét mã QR và tự điểm danh (thành phần, xã/phường, độ tuổi), không cần đăng nhập.',
          'Attendees scan the QR code and check themselves in; no login.',
        ),
      },
      fields: [
        {
          // The check-in page's address: random, so a draft event's page cannot be found by its id.
          name: 'code',
          type: 'text',
          unique: true,
          maxLength: 32,
          label: l('Mã điểm danh', 'Check-in code'),
          admin: { readOnly: true, description: l('Tạo tự động khi lưu.', 'Made on save.') },
        },
        {
          type: 'row',
          fields: [
            {
              name: 'marginMinutes',
              type: 'number',
              min: 0,
              max: 1440,
              defaultValue: 30,
              validate: nonNegativeWhole,
              label: l('Mở trước và sau sự kiện (phút)', 'Open before and after (minutes)'),
            },
            {
              // Not required: events saved before check-in existed have none, and read as entered.
              ...choiceField(
                'participantsSource',
                l('Báo cáo dùng số liệu', 'Reports use'),
                participantsSources,
                ParticipantsSource.Entered,
              ),
              required: false,
            } as Field,
          ],
        },
        {
          name: 'summary',
          type: 'ui',
          admin: { components: { Field: '/admin/events/CheckInSummary#CheckInSummary' } },
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
