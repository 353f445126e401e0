import React from 'react'
import type { trainingsVersusPlan } from '@/reporting/dashboard'
import { formatNumber, formatPercent } from '@/reporting/dashboard/format'
import { kpiStates } from '@/vocabulary'

type Progress = ReturnType<typeof trainingsVersusPlan>

/** Trainings against plan; `null` while the trainings data is not connected on this installation. */
export function TrainingsTable({ progress, year }: { progress: Progress | null; year: number }) {
  return (
    <section className="cms-report__section" aria-labelledby="report-trainings">
      <h2 id="report-trainings" className="cms-report__h2">
        Tập huấn so với kế hoạch
      </h2>
      {progress === null ? (
        <p className="cms-muted">
          Số liệu tập huấn (lớp tập huấn và chỉ tiêu số người được tập huấn của chiến dịch) chưa
          được kết nối với trang báo cáo.
        </p>
      ) : !progress.total ? (
        <p className="cms-muted">Chưa có kế hoạch tập huấn nào cho năm {year}.</p>
      ) : (
        <div className="cms-table-wrap">
          <table className="cms-table cms-report__table" data-table="trainings">
            <thead>
              <tr>
                <th scope="col">Chương trình</th>
                <th scope="col" className="cms-num">
                  Kế hoạch (người)
                </th>
                <th scope="col" className="cms-num">
                  Đã tập huấn (người)
                </th>
                <th scope="col" className="cms-num">
                  Tỷ lệ
                </th>
                <th scope="col">Trạng thái</th>
              </tr>
            </thead>
            <tbody>
              {[...progress.rows, progress.total].map((r, i) => (
                <tr key={i} className={r === progress.total ? 'cms-report__total' : undefined}>
                  <th scope="row">{r.programme}</th>
                  <td className="cms-num">{formatNumber(r.planned)}</td>
                  <td className="cms-num">{formatNumber(r.actual)}</td>
                  <td className="cms-num">{formatPercent(r.percent)}</td>
                  <td>
                    <span className={`cms-badge cms-kpi--${r.state}`}>
                      {kpiStates.label(r.state)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
