import type { Payload } from 'payload'

/** How long entries are kept (AUDIT_RETENTION_DAYS, default 365; 0 keeps them for ever). */
export const auditRetentionDays = () => {
  const days = Number(process.env.AUDIT_RETENTION_DAYS ?? 365)
  return Number.isFinite(days) && days >= 0 ? days : 365
}

/**
 * Removes the entries older than `days` days; returns how many. Through the adapter (both
 * databases have deleteMany), since entries have no hooks and may be many.
 */
export async function purgeAuditTrail(
  payload: Payload,
  days = auditRetentionDays(),
): Promise<number> {
  if (days <= 0) return 0
  const where = { at: { less_than: new Date(Date.now() - days * 86_400_000).toISOString() } }
  const { totalDocs } = await payload.count({
    collection: 'audit-log',
    where,
    overrideAccess: true,
  })
  if (totalDocs) await payload.db.deleteMany({ collection: 'audit-log', where })
  return totalDocs
}
