import React from 'react'
import type { KpiRow } from '@/reporting/dashboard'
import { formatNumber, formatPercent } from '@/reporting/dashboard/format'
import { contentKinds, kpiStates } from '@/vocabulary'
import { Figure } from './Figure'

/** KPI progress per target of the year: actual against target, percentage and state. */
export function KpiTable({
  rows,
  share,
  year,
  unitName,
}: {
  rows: KpiRow[]
  share: number
  year: number
  unitName: string | null
}) {
  return (
    <section className="cms-report__section" aria-labelledby="report-kpi">
      <h2 id="report-kpi" className="cms-report__h2">
        Tiến độ chỉ tiêu
      </h2>
      <p className="cms-report__note">
        Đã qua {formatPercent(Math.round(share * 1000) / 10)} thời gian của năm {year} (giờ Việt
        Nam). Một chỉ tiêu <strong>đúng tiến độ</strong> khi tỷ lệ thực hiện không thấp hơn tỷ lệ
        thời gian đã qua; <strong>đã đạt</strong> khi thực hiện bằng hoặc vượt chỉ tiêu.
        {unitName &&
          ` Bạn đang xem phần đóng góp của ${unitName}; chỉ tiêu là của cả chiến dịch nên không đánh giá tiến độ ở đây.`}
      </p>
      {rows.length === 0 ? (
        <p className="cms-muted">Chưa có chiến dịch nào đặt chỉ tiêu cho năm {year}.</p>
      ) : (
        <div className="cms-table-wrap">
          <table className="cms-table cms-report__table" data-table="kpi">
            <thead>
              <tr>
                <th scope="col">Chiến dịch</th>
                <th scope="col">Chỉ tiêu</th>
                <th scope="col" className="cms-num">
                  Kế hoạch
                </th>
                <th scope="col" className="cms-num">
                  Thực hiện
                </th>
                <th scope="col" className="cms-num">
                  Tỷ lệ
                </th>
                <th scope="col">Trạng thái</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => {
                const narrowed = [
                  r.contentType ? contentKinds.label(r.contentType) : null,
                  r.channelName ?? (r.channel ? 'kênh đã xóa' : null),
                ]
                  .filter(Boolean)
                  .join(', ')
                return (
                  <tr key={`${r.campaign}-${i}`} data-kpi={r.metric} data-state={r.state ?? ''}>
                    <td>{r.campaignName}</td>
                    <td>
                      {r.label}
                      {narrowed && <span className="cms-muted"> ({narrowed})</span>}
                    </td>
                    <td className="cms-num">{formatNumber(r.target)}</td>
                    <td className="cms-num">
                      {r.actual === null ? (
                        '—'
                      ) : (
                        <Figure
                          value={r.actual}
                          href={r.href}
                          label={`${r.label}, ${r.campaignName}, thực hiện`}
                        />
                      )}
                    </td>
                    <td className="cms-num">
                      {r.percent === null ? (
                        '—'
                      ) : (
                        <>
                          {formatPercent(r.percent)}
                          <meter
                            className="cms-report__meter"
                            min={0}
                            max={100}
                            value={Math.min(100, r.percent)}
                            aria-hidden="true"
                          />
                        </>
                      )}
                    </td>
                    <td>
                      {r.state ? (
                        <span className={`cms-badge cms-kpi--${r.state}`}>
                          {kpiStates.label(r.state)}
                        </span>
                      ) : (
                        <span className="cms-muted">Không đánh giá</span>
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
