import type { Access } from 'payload'
import { unitReadScope } from './subtree'

/**
 * Read access for internal unit-owned records (publications, trainings, engagement figures): admins,
 * campaign managers and viewers read all; unit managers their subtree; editors and contributors
 * their own unit's; nobody else.
 */
export const readOwnUnit: Access = ({ req }) => unitReadScope(req, 'ownerUnit')
