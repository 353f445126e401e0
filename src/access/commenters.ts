import type { Access } from 'payload'
import { Role } from '@/vocabulary'
import { hasRole, isAuthorRole } from './roles'

/**
 * Writing a comment: every role that works on documents (not viewers, who only read); the comment
 * hook then requires that the writer may read the document (collections/Comments/hooks/thread.ts).
 */
export const commenters: Access = ({ req }) =>
  isAuthorRole(req.user) || hasRole(req.user, Role.UnitManager)
