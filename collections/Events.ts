import type { Field, Validate } from 'payload'
import { l, options } from '@/lib/i18n'
import { dateTimePicker, formatVietnamTime, vietnamTimezone } from '@/lib/time'
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

const count = (name: string, vi: string, en: string): Field => ({ name, type: 'number', min: 0, label: l(vi, en) })

/** Conferences, workshops, exhibitions, contests, DX days and months, courses and award ceremonies. */
export const Events = applyContentBlock({
  slug: 'events',
  labels: { singular: l('Sự kiện', 'Event'), plural: l('Sự kiện', 'Events') },
  ownerLabel: l('Đơn vị chủ trì tổ chức', 'Organiser unit'),
  admin: { defaultColumns: ['title', 'kind', 'startsAt', 'status', '_status'] },
  fields: [
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'conference',
      label: l('Loại sự kiện', 'Kind'),
      options: options([
        ['conference', 'Hội nghị', 'Conference'],
        ['workshop', 'Hội thảo', 'Workshop'],
        ['talk', 'Tọa đàm', 'Talk'],
        ['exhibition', 'Triển lãm', 'Exhibition'],
        ['travelling-display', 'Trưng bày lưu động', 'Travelling display'],
        ['contest', 'Cuộc thi', 'Contest'],
        ['dx-day', 'Ngày / Tháng chuyển đổi số', 'Digital-transformation day/month'],
        ['training', 'Lớp tập huấn, bồi dưỡng', 'Training course'],
        ['award-ceremony', 'Lễ khen thưởng', 'Award ceremony'],
      ]),
    },
    {
      type: 'row',
      fields: [
        { name: 'startsAt', type: 'date', required: true, timezone: vietnamTimezone, label: l('Bắt đầu', 'Starts'), admin: { date: dateTimePicker() } },
        { name: 'endsAt', type: 'date', required: true, timezone: vietnamTimezone, label: l('Kết thúc', 'Ends'), validate: endNotBeforeStart, admin: { date: dateTimePicker() } },
      ],
    },
    { name: 'venue', type: 'text', maxLength: 300, label: l('Địa điểm', 'Venue') },
    { name: 'onlineUrl', type: 'text', maxLength: 500, label: l('Đường dẫn trực tuyến', 'Online link'),
      validate: (v: unknown) => (!v || /^https?:\/\/\S+$/.test(String(v)) ? true : 'Đường dẫn trực tuyến phải bắt đầu bằng http:// hoặc https://') },
    { name: 'coordinatingUnits', type: 'relationship', relationTo: 'units', hasMany: true, label: l('Đơn vị phối hợp', 'Coordinating units') },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'planned',
      label: l('Trạng thái tổ chức', 'Status'),
      options: options([
        ['planned', 'Dự kiến', 'Planned'],
        ['confirmed', 'Đã xác nhận', 'Confirmed'],
        ['postponed', 'Hoãn', 'Postponed'],
        ['cancelled', 'Hủy', 'Cancelled'],
        ['held', 'Đã tổ chức', 'Held'],
      ]),
    },
    {
      type: 'row',
      fields: [count('expectedParticipants', 'Số người dự kiến', 'Expected participants'), count('actualParticipants', 'Số người tham dự thực tế', 'Actual participants')],
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
    { name: 'materials', type: 'upload', relationTo: 'media', hasMany: true, label: l('Tài liệu', 'Materials') },
    { name: 'resultsSummary', type: 'textarea', maxLength: 5000, label: l('Kết quả', 'Results summary') },
  ],
})
