import type { Field } from 'payload'
import { l, type Label } from '@/lib/i18n'
import { ageBands } from '@/vocabulary'

/**
 * The fields every anonymous answer of a public form stores (an event check-in, a survey
 * response): written only by the public page, shown read-only, and nothing that names a person.
 */
const readOnly = { readOnly: true }

/** The form's organiser unit at answer time: who may read the row (readOwnUnit). */
export const organiserField = (label: Label): Field => ({
  name: 'ownerUnit',
  type: 'relationship',
  relationTo: 'units',
  required: true,
  index: true,
  label,
  admin: readOnly,
})

export const communeField: Field = {
  name: 'commune',
  type: 'relationship',
  relationTo: 'units',
  label: l('Xã, phường', 'Commune'),
  admin: readOnly,
}

export const ageBandField: Field = {
  name: 'ageBand',
  type: 'select',
  options: ageBands.options,
  label: l('Độ tuổi', 'Age band'),
  admin: readOnly,
}

/**
 * An HMAC of the device cookie's random id and the form (src/publicForms/device.ts): with the form
 * it makes the unique index that refuses a second answer of one device; it cannot be tied to the
 * device at another form nor to a person. Never read back through the API.
 */
export const deviceKeyField: Field = {
  name: 'deviceKey',
  type: 'text',
  required: true,
  maxLength: 64,
  label: l('Mã thiết bị (băm)', 'Device key (hashed)'),
  access: { read: () => false },
  admin: { hidden: true },
}
