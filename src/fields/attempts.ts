import type { ArrayField, Condition } from 'payload'
import { hasRole } from '@/access/roles'
import { l, type Label } from '@/lib/i18n'
import { DATE_TIME_SECONDS_FORMAT, dateTimePicker } from '@/lib/time'
import { attemptOutcomes, Role } from '@/vocabulary'

const systemOnly = () => false
/** Worker ids are shown to admins only. */
const forAdmins: Condition = (_data, _sibling, { user }) => hasRole(user, Role.Admin)

/**
 * A job's attempt history, written only by the dispatcher (appended with $push): a publication's
 * sends, a removal's tries. One shape, so src/dispatch/record.ts writes both.
 */
export const attemptsField = (label: Label): ArrayField => ({
  name: 'attempts',
  type: 'array',
  label,
  admin: { readOnly: true, initCollapsed: true },
  access: { create: systemOnly, update: systemOnly },
  fields: [
    {
      name: 'at',
      type: 'date',
      label: l('Lúc', 'At'),
      admin: { date: dateTimePicker(DATE_TIME_SECONDS_FORMAT) },
    },
    {
      name: 'outcome',
      type: 'select',
      label: l('Kết quả', 'Outcome'),
      options: attemptOutcomes.options,
    },
    { name: 'message', type: 'textarea', label: l('Thông báo', 'Message') },
    { name: 'httpStatus', type: 'number', label: 'HTTP' },
    { name: 'durationMs', type: 'number', label: l('Thời gian (ms)', 'Duration (ms)') },
    { name: 'worker', type: 'text', label: 'Worker', admin: { condition: forAdmins } },
  ],
})
