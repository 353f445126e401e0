import Link from 'next/link'
import React from 'react'
import { formatNumber } from '@/reporting/dashboard/format'

/**
 * A number on the reports page, linked to the admin list of the rows it counts. `label` names the
 * figure for screen readers (the link text alone would be a bare number).
 */
export function Figure({
  value,
  href,
  label,
}: {
  value: number
  href: string | null
  label?: string
}) {
  const text = formatNumber(value)
  if (!href) return <span className="cms-report__figure">{text}</span>
  return (
    <Link
      className="cms-report__figure cms-report__figure--link"
      href={href}
      prefetch={false}
      aria-label={label ? `${label}: ${text} (xem danh sách)` : undefined}
      title="Xem danh sách các mục được đếm"
    >
      {text}
    </Link>
  )
}
