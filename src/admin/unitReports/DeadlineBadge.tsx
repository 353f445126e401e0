import type { UIFieldServerProps } from 'payload'
import React from 'react'
import { formatDay, vnDayKey, vnYearMonth } from '@/lib/time'
import { deadlinesOf, deadlineState, deadlineText } from '@/reporting/unitReports/deadlines'
import { HANDED_IN, type UnitReportStatus } from '@/vocabulary'

const TONE = {
  due: 'info',
  today: 'warning',
  overdue: 'error',
  'on-time': 'success',
  late: 'warning',
}

/**
 * The report's deadline (the year's `report-deadlines` row, or 30/11) and where the report stands
 * against it today in Vietnam: "Còn 5 ngày", "Hạn hôm nay", "Quá hạn 3 ngày"; once handed in,
 * "Đã nộp đúng hạn" or "Nộp muộn N ngày" (from the last submission).
 */
export async function DeadlineBadge({ data, payload }: UIFieldServerProps) {
  const report = (data ?? {}) as {
    year?: number
    status?: UnitReportStatus
    submittedAt?: string | null
  }
  const year = Number(report.year) || vnYearMonth(new Date()).year
  const { units: deadline } = await deadlinesOf(payload, year)
  const handedIn = report.status && HANDED_IN.includes(report.status) ? report.submittedAt : null
  const state = deadlineState(vnDayKey(new Date()), deadline, handedIn)
  const text = deadlineText(state)
  return (
    <div className="field-type cms-deadline" style={{ marginBottom: 'var(--base)' }}>
      <p className="cms-deadline__line">
        Hạn nộp báo cáo năm {year}: <strong id="report-deadline">{formatDay(deadline)}</strong>
      </p>
      <p
        id="report-deadline-state"
        data-state={state.kind}
        className={`cms-alert cms-alert--${TONE[state.kind]}`}
      >
        {text.charAt(0).toUpperCase() + text.slice(1)}
      </p>
    </div>
  )
}
