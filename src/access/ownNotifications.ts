import type { Access } from 'payload'
import { asUser } from './roles'

/**
 * A notification is its recipient's alone: they read it and mark it read, nobody else does, not
 * even an admin (it may quote a draft of another unit or a report's return reason).
 */
export const ownNotifications: Access = ({ req }) => {
  const user = asUser(req.user)
  return user ? { recipient: { equals: user.id } } : false
}
