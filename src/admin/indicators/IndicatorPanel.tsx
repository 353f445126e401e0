import Link from 'next/link'
import React from 'react'
import type { IndicatorRow } from '@/reporting/indicators/panel'
import { IndicatorKind, indicatorStatuses } from '@/vocabulary'
import { IndicatorTrend } from './IndicatorTrend'

const pct = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 })
const num = (v: number | null, row: Pick<IndicatorRow, 'decimals' | 'kind'>) =>
  v == null
    ? '—'
    : `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: row.decimals }).format(v)}${row.kind === IndicatorKind.Percentage ? '%' : ''}`

/** The query string of the units' values behind a row. */
export const unitsHref = (
  adminRoute: string,
  q: { code: string; year: number; unit: string | null; campaign: string | null },
) =>
  `${adminRoute}/indicator-units?${new URLSearchParams({
    code: q.code,
    year: String(q.year),
    ...(q.unit ? { unit: q.unit } : {}),
    ...(q.campaign ? { campaign: q.campaign } : {}),
  })}`

/**
 * "Chỉ tiêu nhận thức": each indicator's value over the group (Σ numerators ÷ Σ denominators of the
 * units that reported both), this year's point of the plan's path and its goal, the status, the
 * reporting coverage beside the value, and the trend over the plan's years. The value leads to the
 * units' own values.
 */
export function IndicatorPanel({
  rows,
  year,
  unit,
  campaign,
  adminRoute,
}: {
  rows: IndicatorRow[]
  year: number
  unit: string | null
  campaign: string | null
  adminRoute: string
}) {
  return (
    <section className="cms-report__section" aria-labelledby="report-indicators">
      <h2 id="report-indicators" className="cms-report__h2">
        Chỉ tiêu nhận thức
      </h2>
      <p className="cms-report__note">
        Tỷ lệ = tổng tử số ÷ tổng mẫu số của các đơn vị đã báo cáo đủ cả hai (không lấy trung bình
        các tỷ lệ); số liệu khảo sát gộp theo dân số trong độ tuổi lao động.{' '}
        <strong>Đã báo cáo</strong> là số đơn vị có số liệu trên số đơn vị phải báo cáo; đơn vị chưa
        nhập không được tính là 0.
      </p>
      {rows.length === 0 ? (
        <p className="cms-muted">Chưa có chỉ tiêu nào trong danh mục.</p>
      ) : (
        <div className="cms-table-wrap">
          <table className="cms-table cms-report__table" data-table="indicators">
            <thead>
              <tr>
                <th scope="col">Chỉ tiêu</th>
                <th scope="col" className="cms-num">
                  Thực hiện {year}
                </th>
                <th scope="col" className="cms-num">
                  Lộ trình {year}
                </th>
                <th scope="col" className="cms-num">
                  Mục tiêu
                </th>
                <th scope="col">Đánh giá</th>
                <th scope="col" className="cms-num">
                  Đã báo cáo
                </th>
                <th scope="col">Xu hướng</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.code} data-indicator={r.code} data-status={r.status ?? ''}>
                  <td>
                    <span className="cms-muted">{r.code}</span> {r.name}
                    {r.seedRef && <div className="cms-muted cms-ind__ref">{r.seedRef}</div>}
                  </td>
                  <td className="cms-num">
                    <Link
                      className="cms-report__figure cms-report__figure--link"
                      href={unitsHref(adminRoute, { code: r.code, year, unit, campaign })}
                      prefetch={false}
                      aria-label={`${r.name}: ${r.display} (xem số liệu từng đơn vị)`}
                      title="Xem số liệu từng đơn vị"
                      data-value
                    >
                      {r.display}
                    </Link>
                    {r.denominator > 0 && r.kind !== IndicatorKind.Count && (
                      <div className="cms-muted cms-ind__sums">
                        {new Intl.NumberFormat('vi-VN').format(r.numerator)}/
                        {new Intl.NumberFormat('vi-VN').format(r.denominator)}
                      </div>
                    )}
                  </td>
                  <td className="cms-num">{num(r.target, r)}</td>
                  <td className="cms-num">
                    {r.goal ? `${num(r.goal.value, r)} (${r.goal.year})` : '—'}
                  </td>
                  <td>
                    {r.status ? (
                      <span className={`cms-badge cms-ind--${r.status}`}>
                        {indicatorStatuses.label(r.status)}
                      </span>
                    ) : (
                      <span className="cms-muted">Chưa đặt chỉ tiêu</span>
                    )}
                  </td>
                  <td className="cms-num" data-coverage>
                    {r.reported}/{r.expected}
                    {r.coverage != null && (
                      <span className="cms-muted"> ({pct.format(r.coverage * 100)}%)</span>
                    )}
                  </td>
                  <td>
                    <IndicatorTrend
                      points={r.trend}
                      unit={r.kind === IndicatorKind.Percentage ? '%' : ''}
                    />
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
