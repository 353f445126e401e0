import type { Access } from 'payload'
import { unitReadScope } from './subtree'

/**
 * Version history is for logged-in roles that read everything; editors and contributors see their
 * own unit's, unit managers their subtree's.
 */
export const ownUnitVersions: Access = ({ req }) => unitReadScope(req, 'version.ownerUnit')
