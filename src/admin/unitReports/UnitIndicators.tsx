import Link from 'next/link'
import type { UIFieldServerProps } from 'payload'
import React from 'react'
import { formatNumber } from '@/lib/format'
import { relationId } from '@/lib/relation'
import { formatIndicator } from '@/reporting/indicators/path'
import { ownIndicators } from '@/reporting/indicators/unitValues'
import { indicatorStatuses } from '@/vocabulary'

const MISSING = 'Chưa có'

/**
 * The unit's own awareness indicators of the report's year (from its "Số liệu chỉ tiêu" form): each
 * indicator its kind reports, the numerator and denominator it entered, the value, this year's
 * target and the status. A side not entered reads "Chưa có", and then the value too (missing is
 * not zero).
 */
export async function UnitIndicators({ data, payload, req }: UIFieldServerProps) {
  const report = (data ?? {}) as { ownerUnit?: unknown; year?: number }
  const unit = relationId(report.ownerUnit)
  const year = report.year
  if (!unit || !year) return null
  const own = await ownIndicators(payload, unit, year, req)
  if (!own) return null
  const byCode = new Map(own.indicators.map((i) => [i.code, i]))
  const formLink = `${payload.config.routes.admin}/collections/indicator-reports?where[ownerUnit][equals]=${unit}&where[year][equals]=${year}`
  const side = (v: number | null) => (v == null ? MISSING : formatNumber(v))
  return (
    <section className="cms-figures field-type" aria-labelledby="report-indicators-title">
      <h3 id="report-indicators-title" className="cms-figures__title">
        Chỉ tiêu nhận thức của đơn vị năm {year}
      </h3>
      <p className="cms-figures__note">
        Tính từ{' '}
        <Link href={formLink} prefetch={false} className="cms-link">
          số liệu chỉ tiêu của đơn vị
        </Link>
        ; ô “{MISSING}” là chưa nhập (không tính là 0).
      </p>
      {own.rows.length === 0 ? (
        <p className="cms-figures__note" id="report-indicators-empty">
          Loại đơn vị này không báo cáo chỉ tiêu nào.
        </p>
      ) : (
        <div className="cms-table-wrap">
          <table className="cms-table cms-figures__table" id="report-indicators">
            <thead>
              <tr>
                <th scope="col">Chỉ tiêu</th>
                <th scope="col" className="cms-num">
                  Tử số
                </th>
                <th scope="col" className="cms-num">
                  Mẫu số
                </th>
                <th scope="col" className="cms-num">
                  Thực hiện
                </th>
                <th scope="col" className="cms-num">
                  Chỉ tiêu năm
                </th>
                <th scope="col">Đánh giá</th>
              </tr>
            </thead>
            <tbody>
              {own.rows.map((r) => {
                const ind = byCode.get(r.indicator)!
                return (
                  <tr
                    key={r.indicator}
                    data-indicator={r.indicator}
                    data-reported={String(r.reported)}
                  >
                    <th scope="row">{ind.name}</th>
                    <td className="cms-num" data-side="numerator">
                      {side(r.numerator)}
                    </td>
                    <td className="cms-num" data-side="denominator">
                      {ind.denominator ? side(r.denominator) : ''}
                    </td>
                    <td className="cms-num" data-value={r.value ?? ''}>
                      {r.reported ? r.display : MISSING}
                    </td>
                    <td className="cms-num">
                      {r.target == null ? '—' : formatIndicator(ind, r.target)}
                    </td>
                    <td>
                      {r.status ? (
                        <span className={`cms-badge cms-ind--${r.status}`}>
                          {indicatorStatuses.label(r.status)}
                        </span>
                      ) : (
                        '—'
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
