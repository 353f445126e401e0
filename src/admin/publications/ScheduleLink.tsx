'use client'

import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import Link from 'next/link'
import React from 'react'

/** "Lên lịch đăng" on a saved content item's edit view: the scheduling form with this item chosen. */
export function ScheduleLink() {
  const { id, collectionSlug } = useDocumentInfo()
  const {
    config: {
      routes: { admin },
    },
  } = useConfig()
  if (!id || !collectionSlug) return null
  const query = new URLSearchParams({ type: collectionSlug, id: String(id) })
  return (
    <Link
      href={`${admin}/schedule?${query}`}
      className="btn btn--style-secondary btn--size-medium cms-schedule-link"
      prefetch={false}
      id="schedule-this"
    >
      Lên lịch đăng
    </Link>
  )
}
