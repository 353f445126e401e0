import type { Access } from 'payload'
import { unitReadScope } from './subtree'

/**
 * Reading figures: admins, campaign managers and viewers see every unit's; editors and
 * contributors only their own unit's (a `where` on the cell's unit); unit managers their subtree's;
 * anonymous visitors nothing.
 */
export const ownUnitCells: Access = ({ req }) => unitReadScope(req, 'unit')
