import type { Access } from 'payload'
import { isCrossUnit } from './roles'

/** Access for admins and campaign managers only (see `isCrossUnit`). */
export const crossUnit: Access = ({ req }) => isCrossUnit(req.user)
