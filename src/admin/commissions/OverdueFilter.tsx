'use client'

import { useConfig } from '@payloadcms/ui'
import Link from 'next/link'
import { useSearchParams } from 'next/navigation'
import { stringify } from 'qs-esm'
import React from 'react'
import { overdueWhere } from '@/commissions/overdue'
import '../admin-views.css'

/**
 * Above the commissions list: "Quá hạn" shows the open commissions past their due date (the same
 * rule as the list's "Quá hạn" column, src/commissions/overdue.ts), "Tất cả" clears the filter.
 * A filter of the list's own query string, so it combines with search and sorting.
 */
export function OverdueFilter() {
  const {
    config: {
      routes: { admin },
    },
  } = useConfig()
  const params = useSearchParams()
  const active = params.get('overdue') === '1'
  const base = `${admin}/collections/commissions`
  const overdue = `${base}?${stringify({ overdue: '1', where: overdueWhere(new Date()) })}`
  return (
    <nav className="cms-commission-filter" aria-label="Lọc đặt bài">
      <Link className={`cms-chip${active ? '' : ' cms-chip--active'}`} href={base} prefetch={false}>
        Tất cả
      </Link>
      <Link
        className={`cms-chip${active ? ' cms-chip--active' : ''}`}
        href={overdue}
        prefetch={false}
        id="commissions-overdue"
      >
        Quá hạn
      </Link>
    </nav>
  )
}
