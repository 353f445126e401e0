import type { CollectionBeforeChangeHook } from 'payload'

/** When the recipient marks a notification read (or unread again) is recorded by the server, never sent. */
export const stampReadAt: CollectionBeforeChangeHook = ({ data, originalDoc, operation }) => {
  if (operation !== 'update') return data
  data.readAt = originalDoc?.readAt ?? null
  if (data.read === true && !originalDoc?.read) data.readAt = new Date().toISOString()
  if (data.read === false) data.readAt = null
  return data
}
