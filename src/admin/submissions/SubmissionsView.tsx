import Link from 'next/link'
import type { AdminViewServerProps } from 'payload'
import React from 'react'
import { AdminPage, param, requireUser, yearParam } from '@/admin/AdminPage'
import { hasRole, isCrossUnit, unitIdOf } from '@/access/roles'
import { managedUnitIds } from '@/access/subtree'
import { formatNumber, formatPercent } from '@/lib/format'
import { formatDay, formatVietnamTime, vnYearMonth } from '@/lib/time'
import { loadBoard } from '@/reporting/unitReports/board'
import { SUBTREE_ROLES, SubmissionState, submissionStates } from '@/vocabulary'
import { RemindButton } from './RemindButton'

const TITLE = 'Theo dõi nộp báo cáo của các đơn vị'
/** Rows whose unit still owes its report: these can be reminded. */
const OWING: readonly SubmissionState[] = [
  SubmissionState.NotStarted,
  SubmissionState.Draft,
  SubmissionState.Overdue,
  SubmissionState.Returned,
]

/** A row's state as read on the board: overdue ones say by how many days. */
function stateText(state: SubmissionState, overdueDays: number | null) {
  if (overdueDays === null) return submissionStates.label(state)
  if (state === SubmissionState.Overdue) return `Quá hạn ${overdueDays} ngày`
  return `${submissionStates.label(state)} (quá hạn ${overdueDays} ngày)`
}

/**
 * `/admin/report-submissions`: Sở TT&TT's board of the units' yearly reports (not started, draft,
 * overdue, submitted on time or late, accepted, returned) with the reporting rate and the on-time
 * rate, and per unit not handed in the last reminder and "Gửi nhắc nhở" (for Sở TT&TT, and for a
 * unit manager on the units under theirs: src/access/remindUnits.ts).
 */
export async function SubmissionsView(props: AdminViewServerProps) {
  const { req, searchParams, adminRoute } = await requireUser(props, '/report-submissions')
  const year = yearParam(param(searchParams, 'year'), vnYearMonth(new Date()).year)
  const board = await loadBoard(req.payload, year, req, { asOf: new Date() })
  const own = String(unitIdOf(req.user) ?? '')
  const below = hasRole(req.user, ...SUBTREE_ROLES)
    ? new Set((await managedUnitIds(req)).filter((id) => id !== own))
    : null
  const canRemind = (unit: string) => isCrossUnit(req.user) || !!below?.has(unit)
  // A year whose reports pass through the parent: the board names each unit's parent.
  const chain = board.rows.some((r) => r.via)
  const reportUrl = (id: string) => `${adminRoute}/collections/unit-reports/${id}`
  return (
    <AdminPage props={props} title={TITLE}>
      <div className="cms-report">
        <header className="cms-view__header">
          <div>
            <h1 className="cms-view__title">{TITLE}</h1>
            <p className="cms-view__lead">
              Báo cáo kết quả thực hiện năm {year}; hạn nộp của các đơn vị:{' '}
              <strong id="board-deadline">{formatDay(board.deadline)}</strong> (hết ngày, giờ Việt
              Nam).
            </p>
          </div>
        </header>
        <form className="cms-cal__filters" method="get" action={`${adminRoute}/report-submissions`}>
          <label className="cms-field">
            <span className="cms-field__label">Năm</span>
            <input type="number" name="year" defaultValue={year} min={2000} max={2100} />
          </label>
          <button type="submit" className="btn btn--style-secondary btn--size-medium cms-btn">
            Xem
          </button>
        </form>
        <ul className="cms-report__counters" id="board-rates">
          {[
            ['reporting-rate', 'Tỷ lệ báo cáo', board.reportingRate, board.handedIn],
            ['on-time-rate', 'Tỷ lệ đúng hạn', board.onTimeRate, board.onTime],
          ].map(([id, label, rate, count]) => (
            <li key={id} className="cms-report__counter" id={`board-${id}`}>
              <span className="cms-report__counter-label">{label}</span>
              <span className="cms-report__counter-value">
                {formatPercent(Number(rate))} ({formatNumber(Number(count))}/
                {formatNumber(board.expected)})
              </span>
            </li>
          ))}
          {submissionStates.values.map((s) => (
            <li key={s} className="cms-report__counter" id={`board-count-${s}`}>
              <span className="cms-report__counter-label">{submissionStates.label(s)}</span>
              <span className="cms-report__counter-value">{formatNumber(board.counts[s])}</span>
            </li>
          ))}
        </ul>
        {board.rows.length === 0 ? (
          <p className="cms-alert">Chưa có đơn vị nào phải nộp báo cáo năm {year}.</p>
        ) : (
          <div className="cms-table-wrap">
            <table className="cms-table" id="board-table">
              <thead>
                <tr>
                  <th scope="col">Đơn vị</th>
                  <th scope="col">Tình trạng</th>
                  {chain && <th scope="col">Qua đơn vị cấp trên</th>}
                  <th scope="col">Nộp lúc</th>
                  <th scope="col">Nhắc nhở</th>
                </tr>
              </thead>
              <tbody>
                {board.rows.map((r) => (
                  <tr key={r.unit} data-state={r.state} data-unit={r.unit}>
                    <th scope="row">
                      {r.reportId ? (
                        <Link href={reportUrl(r.reportId)} prefetch={false}>
                          {r.name}
                        </Link>
                      ) : (
                        r.name
                      )}
                    </th>
                    <td data-overdue={r.overdueDays ?? ''}>{stateText(r.state, r.overdueDays)}</td>
                    {chain && (
                      <td data-via={r.via?.name ?? ''}>
                        {r.via
                          ? `${r.via.name}${r.state === 'on-time' || r.state === 'late' ? ' (đang chờ chấp nhận)' : ''}`
                          : 'Nộp thẳng Sở TT&TT'}
                      </td>
                    )}
                    <td>{r.submittedAt ? formatVietnamTime(r.submittedAt) : '—'}</td>
                    <td>
                      {!OWING.includes(r.state) ? (
                        '—'
                      ) : (
                        <RemindButton
                          unit={r.unit}
                          unitName={r.name}
                          year={year}
                          lastSentAt={r.lastReminder?.sentAt ?? null}
                          canSend={canRemind(r.unit)}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </AdminPage>
  )
}

export default SubmissionsView
