import type { CollectionConfig } from 'payload'
import { isAdmin } from '@/access/isAdmin'
import { loggedIn } from '@/access/loggedIn'
import { l } from '@/lib/i18n'
import { DATE_TIME_SECONDS_FORMAT, dateTimePicker } from '@/lib/time'

/** A worker that has not ticked for a minute is shown as stopped (it ticks every second, beats every 10 s). */
export function workerState(
  row: { lastTickAt?: string | null; stoppedAt?: string | null },
  now = Date.now(),
): string {
  if (row.stoppedAt) return 'Đã dừng'
  if (!row.lastTickAt || now - new Date(row.lastTickAt).getTime() > 60_000)
    return 'Mất tín hiệu (đã dừng?)'
  return 'Đang chạy'
}

/** One row per dispatcher process: what it last did, so a stopped worker is visible in the admin. */
export const WorkerHeartbeats: CollectionConfig<'worker-heartbeats'> = {
  slug: 'worker-heartbeats',
  labels: {
    singular: l('Bộ điều phối', 'Dispatcher'),
    plural: l('Bộ điều phối (worker)', 'Dispatchers'),
  },
  admin: {
    useAsTitle: 'workerId',
    defaultColumns: [
      'workerId',
      'state',
      'lastTickAt',
      'queueDepth',
      'oldestOverdueAt',
      'sent',
      'failed',
    ],
    group: l('Hệ thống', 'System'),
  },
  access: { read: loggedIn, create: () => false, update: () => false, delete: isAdmin },
  fields: [
    {
      name: 'workerId',
      type: 'text',
      required: true,
      unique: true,
      label: l('Mã worker', 'Worker id'),
    },
    { name: 'hostname', type: 'text', label: l('Máy', 'Host') },
    { name: 'pid', type: 'number', label: 'PID' },
    {
      name: 'startedAt',
      type: 'date',
      label: l('Khởi động lúc', 'Started at'),
      admin: { date: dateTimePicker(DATE_TIME_SECONDS_FORMAT) },
    },
    {
      name: 'lastTickAt',
      type: 'date',
      index: true,
      label: l('Lần chạy gần nhất', 'Last tick'),
      admin: { date: dateTimePicker(DATE_TIME_SECONDS_FORMAT) },
    },
    { name: 'queueDepth', type: 'number', label: l('Số bài chờ gửi', 'Queue depth') },
    {
      name: 'oldestOverdueAt',
      type: 'date',
      label: l('Bài quá hạn lâu nhất', 'Oldest overdue'),
      admin: { date: dateTimePicker(DATE_TIME_SECONDS_FORMAT) },
    },
    { name: 'sent', type: 'number', defaultValue: 0, label: l('Đã gửi', 'Sent') },
    { name: 'failed', type: 'number', defaultValue: 0, label: l('Thất bại', 'Failed') },
    { name: 'stoppedAt', type: 'date', label: l('Dừng lúc', 'Stopped at') },
    {
      name: 'state',
      type: 'text',
      virtual: true,
      label: l('Tình trạng', 'State'),
      hooks: { afterRead: [({ siblingData }) => workerState(siblingData)] },
    },
  ],
}
