import type { Access } from 'payload'
import { unitReadScope } from './subtree'

/**
 * Generated reports: admins, campaign managers and viewers read every one (the province's reports
 * and every export); editors and contributors only the exports of their own unit's figures; unit
 * managers those of the units in their subtree.
 */
export const readGeneratedReports: Access = ({ req }) => unitReadScope(req, 'unit')
