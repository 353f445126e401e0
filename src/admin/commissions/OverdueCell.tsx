'use client'

import type { DefaultCellComponentProps } from 'payload'
import React from 'react'
import { COMMISSION_OVERDUE_LABEL } from '@/vocabulary'
import '../admin-views.css'

/** The list's "Quá hạn" column: a red mark on an overdue commission, nothing otherwise (not "đúng"/"sai"). */
export function OverdueCell({ cellData }: DefaultCellComponentProps) {
  if (!cellData) return null
  return (
    <span className="cms-badge cms-commission-overdue" data-overdue="true">
      {COMMISSION_OVERDUE_LABEL.vi}
    </span>
  )
}
