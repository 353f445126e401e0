import type { Access } from 'payload'
import { isCrossUnit } from './roles'

export const isAdminOrManager: Access = ({ req }) => isCrossUnit(req.user)
