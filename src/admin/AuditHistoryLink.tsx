'use client'

import { useAuth, useConfig, useDocumentInfo } from '@payloadcms/ui'
import Link from 'next/link'
import React from 'react'
import { hasRole } from '@/access/roles'
import { Role } from '@/vocabulary'

/**
 * The edit view's link to this document's own history: the audit trail's list filtered to it.
 * Only admins read the trail, so only they see the link; a new document has no history yet.
 */
export function AuditHistoryLink() {
  const { id, collectionSlug } = useDocumentInfo()
  const { user } = useAuth()
  const {
    config: {
      routes: { admin },
    },
  } = useConfig()
  if (!id || !collectionSlug || !hasRole(user, Role.Admin)) return null
  const query = new URLSearchParams({
    'where[and][0][documentCollection][equals]': collectionSlug,
    'where[and][1][documentId][equals]': String(id),
    sort: '-at',
  })
  return (
    <div className="field-type audit-history-link" style={{ marginBottom: 'var(--base)' }}>
      <Link href={`${admin}/collections/audit-log?${query}`} prefetch={false}>
        Lịch sử thao tác của tài liệu này
      </Link>
    </div>
  )
}
