import type { Access } from 'payload'
import { isAuthorRole } from './roles'

/** Roles that write content: everyone but viewers. Which unit they may write to is checked elsewhere. */
export const isAuthor: Access = ({ req }) => isAuthorRole(req.user)
