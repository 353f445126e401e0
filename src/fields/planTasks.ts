import type { Field } from 'payload'
import { l } from '@/lib/i18n'

/**
 * The plan tasks a content item, event or training serves: what is tagged here shows as the
 * task's evidence, with its figures (src/reporting/tasks/evidence.ts). The picker lists the tasks
 * the user may read (those their unit leads or coordinates; every task for Sở TT&TT).
 */
export const planTasksField = (): Field => ({
  name: 'planTasks',
  type: 'relationship',
  relationTo: 'plan-tasks',
  hasMany: true,
  index: true,
  label: l('Nhiệm vụ kế hoạch phục vụ', 'Plan tasks served'),
  admin: {
    position: 'sidebar',
    description: l(
      'Mục này sẽ hiện là minh chứng của các nhiệm vụ được chọn.',
      'This item will show as evidence of the chosen tasks.',
    ),
  },
})
