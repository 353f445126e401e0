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
import { audienceGroups } from '@/vocabulary'

const readOnly = { readOnly: true }

/**
 * One attendee's check-in at an event by its QR code (src/checkIn/): what they answered and
 * nothing personal. `deviceKey` is an HMAC of the device cookie's random id and the event
 * (src/publicForms/device.ts): it lets the database refuse a second check-in of one device at one
 * event (the unique index), and cannot be tied to the device at another event nor to a person.
 * Written only by the public check-in page; admins and campaign managers may delete a row.
 */
export const EventCheckIns: CollectionConfig<'event-check-ins'> = {
  slug: 'event-check-ins',
  labels: {
    singular: l('Lượt điểm danh sự kiện', 'Event check-in'),
    plural: l('Lượt điểm danh sự kiện', 'Event check-ins'),
  },
  admin: {
    group: l('Báo cáo', 'Reporting'),
    defaultColumns: ['event', 'audienceGroup', 'commune', 'ageBand', 'createdAt'],
    description: l(
      'Ghi nhận từ trang điểm danh công khai của sự kiện (mã QR); không chứa thông tin cá nhân.',
      'Recorded by the event’s public check-in page (QR code); holds nothing personal.',
    ),
  },
  access: { read: readOwnUnit, create: () => false, update: () => false, delete: crossUnit },
  indexes: [
    { fields: ['event', 'deviceKey'], unique: true },
    { fields: ['event', 'audienceGroup'] },
  ],
  fields: [
    {
      name: 'event',
      type: 'relationship',
      relationTo: 'events',
      required: true,
      label: l('Sự kiện', 'Event'),
      admin: readOnly,
    },
    organiserField(l('Đơn vị chủ trì', 'Organiser unit')),
    {
      name: 'audienceGroup',
      type: 'select',
      required: true,
      options: audienceGroups.options,
      label: l('Thành phần', 'Audience group'),
      admin: readOnly,
    },
    communeField,
    ageBandField,
    deviceKeyField,
  ],
}
