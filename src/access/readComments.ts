import type { Access } from 'payload'
import { unitReadScope } from './subtree'

/**
 * Reading comments follows reading the commented document inside the admin: admins, campaign
 * managers and viewers all; unit managers their subtree's; editors and contributors their own
 * unit's documents (a comment carries its document's unit). Comments are internal: a published
 * item's public readers do not see them.
 */
export const readComments: Access = ({ req }) => unitReadScope(req, 'ownerUnit')
