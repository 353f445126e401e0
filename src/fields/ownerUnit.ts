import type { Field } from 'payload'
import { l } from '@/lib/i18n'
import { unitIdOf } from '@/access/roles'

/** The unit that owns a document; editors and contributors default to their own. */
export const ownerUnitField = (label = l('Đơn vị sở hữu', 'Owner unit')): Field => ({
  name: 'ownerUnit',
  type: 'relationship',
  relationTo: 'units',
  required: true,
  index: true,
  label,
  defaultValue: ({ user }) => unitIdOf(user) ?? undefined,
  admin: { position: 'sidebar' },
})
