import type { CollectionConfig, Field } from 'payload'
import { isAdmin } from '@/access/isAdmin'
import { choiceField } from '@/fields/choice'
import { l } from '@/lib/i18n'
import { DATE_TIME_SECONDS_FORMAT, dateTimePicker } from '@/lib/time'
import { JobState, jobKinds, jobStates } from '@/vocabulary'

const system = { readOnly: true }
const when = { ...system, date: dateTimePicker(DATE_TIME_SECONDS_FORMAT) }

/**
 * Long work asked for in the admin (a year's rebuild, an export), kept in the database so that it
 * outlives the process that started it: src/jobs/runner.ts claims a queued job under a renewable
 * lease, writes its progress here, and a job whose worker died is taken over when the lease runs
 * out. Only the runner writes them; admins read them (what ran, what failed and why).
 */
export const BackgroundJobs: CollectionConfig<'background-jobs'> = {
  slug: 'background-jobs',
  labels: {
    singular: l('Tác vụ nền', 'Background job'),
    plural: l('Tác vụ nền', 'Background jobs'),
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'state', 'done', 'total', 'createdAt', 'finishedAt'],
    group: l('Hệ thống', 'System'),
  },
  access: { read: isAdmin, create: () => false, update: () => false, delete: isAdmin },
  fields: [
    { name: 'title', type: 'text', admin: system, label: l('Tên', 'Title') },
    choiceField('kind', l('Loại', 'Kind'), jobKinds, undefined, system),
    {
      ...choiceField('state', l('Tình trạng', 'State'), jobStates, JobState.Queued, system),
      index: true,
    } as Field,
    { name: 'input', type: 'json', admin: system, label: l('Tham số', 'Input') },
    {
      name: 'dedupeKey',
      type: 'text',
      index: true,
      admin: { ...system, hidden: true },
      label: l('Khoá trùng', 'Dedupe key'),
    },
    { name: 'done', type: 'number', admin: system, label: l('Đã làm', 'Done') },
    { name: 'total', type: 'number', admin: system, label: l('Tổng số bước', 'Steps') },
    { name: 'step', type: 'text', admin: system, label: l('Đang làm', 'Current step') },
    { name: 'result', type: 'json', admin: system, label: l('Kết quả', 'Result') },
    { name: 'error', type: 'textarea', admin: system, label: l('Lỗi', 'Error') },
    {
      name: 'attempts',
      type: 'number',
      defaultValue: 0,
      admin: system,
      label: l('Số lần chạy', 'Attempts'),
    },
    { name: 'owner', type: 'text', admin: system, label: l('Tiến trình đang chạy', 'Owner') },
    {
      name: 'leaseUntil',
      type: 'date',
      index: true,
      admin: when,
      label: l('Giữ đến', 'Lease until'),
    },
    {
      name: 'requestedBy',
      type: 'relationship',
      relationTo: 'users',
      admin: system,
      label: l('Người yêu cầu', 'Requested by'),
    },
    { name: 'startedAt', type: 'date', admin: when, label: l('Bắt đầu', 'Started at') },
    { name: 'finishedAt', type: 'date', admin: when, label: l('Kết thúc', 'Finished at') },
  ],
}
