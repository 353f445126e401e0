import type { Where } from 'payload'
import { COMMISSION_OPEN } from '@/vocabulary'

type Dated = { status?: string | null; dueAt?: string | null }

/** Overdue: still open (assigned or accepted) and past its due date. Derived, never stored. */
export const isOverdue = (doc: Dated, now: Date = new Date()): boolean =>
  !!doc.dueAt &&
  COMMISSION_OPEN.includes(doc.status as never) &&
  new Date(doc.dueAt).getTime() < now.getTime()

/** The same rule as a query: the list's "Quá hạn" filter and the overdue events read it. */
export const overdueWhere = (now: Date = new Date()): Where => ({
  and: [{ status: { in: [...COMMISSION_OPEN] } }, { dueAt: { less_than: now.toISOString() } }],
})
