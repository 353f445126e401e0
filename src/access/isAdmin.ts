import type { Access } from 'payload'
import { Role } from '@/vocabulary'
import { hasRole } from './roles'

export const isAdmin: Access = ({ req }) => hasRole(req.user, Role.Admin)
