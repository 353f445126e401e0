import { isCrossUnit } from './roles'

/** Rebuilding a year's figures (the reports page's button): admins and campaign managers only. */
export const canRebuildFigures = (user: unknown) => isCrossUnit(user)
