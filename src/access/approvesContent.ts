import type { PayloadRequest } from 'payload'
import { Role } from '@/vocabulary'
import { asUser, hasRole, isCrossUnit, unitIdOf } from './roles'

/** Whether a unit's publishing needs review (the unit's "Đăng bài cần duyệt"). */
export async function unitNeedsReview(
  req: PayloadRequest,
  unit: string | null | undefined,
): Promise<boolean> {
  if (!unit) return false
  const doc = await req.payload.findByID({
    collection: 'units',
    id: unit,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    select: { reviewRequired: true },
    req,
  })
  return !!doc?.reviewRequired
}

/**
 * Who approves (and so publishes) a unit's content: Sở TT&TT (admins, campaign managers) anywhere;
 * in a unit whose publishing needs review, only its editors marked as reviewers (thư ký tòa soạn,
 * tổng biên tập); elsewhere any of its editors, as before reviews existed.
 */
export function approvesContent(
  user: unknown,
  unit: string | null | undefined,
  needsReview: boolean,
): boolean {
  if (isCrossUnit(user)) return true
  if (!hasRole(user, Role.Editor) || !unit || String(unitIdOf(user)) !== String(unit)) return false
  return !needsReview || !!(asUser(user) as { reviewer?: boolean } | null)?.reviewer
}
