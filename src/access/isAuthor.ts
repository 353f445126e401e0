import type { Access } from 'payload'
import { hasRole } from './roles'

/** Roles that write content: everyone but viewers. Which unit they may write to is checked elsewhere. */
export const isAuthor: Access = ({ req }) => hasRole(req.user, 'admin', 'campaign-manager', 'editor', 'contributor')
