import type { CollectionConfig, Field, FieldAccess } from 'payload'
import { ownNotifications } from '@/access/ownNotifications'
import { choiceField } from '@/fields/choice'
import { l } from '@/lib/i18n'
import { DATE_TIME_FORMAT, dateTimePicker } from '@/lib/time'
import { notificationEmails, notificationEvents } from '@/vocabulary'
import { stampReadAt } from './hooks/stampReadAt'

const system = { readOnly: true }
/** Only the server writes a notification; its recipient changes nothing but `read`. */
const systemOnly: FieldAccess = () => false

/**
 * What needs a user (src/notifications/notify.ts writes them): shown under the bell in the admin's
 * header, and by email as the user chose (users' `notificationEmail`). One row per event and
 * recipient: (recipient, key) is unique, and the row is written before its email goes out, so no
 * email is sent twice, whatever the restarts.
 */
export const Notifications: CollectionConfig<'notifications'> = {
  slug: 'notifications',
  labels: { singular: l('Thông báo', 'Notification'), plural: l('Thông báo', 'Notifications') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'event', 'read', 'createdAt'],
    group: l('Cá nhân', 'Personal'),
    components: {
      beforeListTable: ['/admin/notifications/MarkAllRead#MarkAllRead'],
    },
  },
  defaultSort: '-createdAt',
  access: {
    read: ownNotifications,
    update: ownNotifications,
    delete: ownNotifications,
    create: () => false,
  },
  indexes: [{ fields: ['recipient', 'key'], unique: true }],
  hooks: { beforeChange: [stampReadAt] },
  fields: [
    {
      name: 'title',
      type: 'text',
      required: true,
      access: { update: systemOnly },
      admin: system,
      label: l('Nội dung', 'Title'),
    },
    {
      name: 'read',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: l('Đã đọc', 'Read'),
    },
    {
      ...choiceField('event', l('Loại thông báo', 'Event'), notificationEvents, undefined, system),
      access: { update: systemOnly },
      index: true,
    } as Field,
    {
      name: 'link',
      type: 'text',
      access: { update: systemOnly },
      admin: { ...system, components: { Field: '/admin/notifications/OpenLink#OpenLink' } },
      label: l('Mở', 'Open'),
    },
    {
      name: 'body',
      type: 'textarea',
      access: { update: systemOnly },
      admin: system,
      label: l('Chi tiết', 'Details'),
    },
    {
      name: 'recipient',
      type: 'relationship',
      relationTo: 'users',
      required: true,
      index: true,
      access: { update: systemOnly },
      admin: { ...system, position: 'sidebar' },
      label: l('Người nhận', 'Recipient'),
    },
    {
      name: 'key',
      type: 'text',
      required: true,
      access: { update: systemOnly },
      admin: { hidden: true },
      label: l('Khóa sự kiện', 'Event key'),
    },
    {
      name: 'docCollection',
      type: 'text',
      access: { update: systemOnly },
      admin: { hidden: true },
    },
    { name: 'docId', type: 'text', access: { update: systemOnly }, admin: { hidden: true } },
    {
      ...choiceField('emailState', l('Thư', 'Email'), notificationEmails, undefined, {
        ...system,
        position: 'sidebar',
      }),
      access: { update: systemOnly },
      index: true,
    } as Field,
    {
      name: 'emailedAt',
      type: 'date',
      access: { update: systemOnly },
      admin: { ...system, position: 'sidebar', date: dateTimePicker(DATE_TIME_FORMAT) },
      label: l('Gửi thư lúc', 'Emailed at'),
    },
    {
      name: 'readAt',
      type: 'date',
      admin: { ...system, position: 'sidebar', date: dateTimePicker(DATE_TIME_FORMAT) },
      label: l('Đọc lúc', 'Read at'),
    },
  ],
}
