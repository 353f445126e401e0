import Link from 'next/link'
import type { AdminViewServerProps } from 'payload'
import React from 'react'
import { AdminPage, param, requireUser, yearParam } from '@/admin/AdminPage'
import { hasRole, unitIdOf } from '@/access/roles'
import { vnYearMonth } from '@/lib/time'
import { loadCatalogue } from '@/reporting/indicators/catalogue'
import { formatIndicator } from '@/reporting/indicators/path'
import { allUnits, groupInYear } from '@/reporting/indicators/unitsUnder'
import { unitValues } from '@/reporting/indicators/unitValues'
import { indicatorStatuses, READ_ALL_ROLES, unitKinds } from '@/vocabulary'

const TITLE = 'Số liệu chỉ tiêu theo đơn vị'
const n = new Intl.NumberFormat('vi-VN')

/**
 * `/admin/indicator-units?code=…&year=…[&unit=…]`: the units' own values behind an indicator's value
 * on the reports page: each unit of the group that should report it, its numerator, denominator,
 * value and status, or "chưa báo cáo". Editors and contributors see their own unit's group.
 */
export async function IndicatorUnitsView(props: AdminViewServerProps) {
  const { req, searchParams, adminRoute } = await requireUser(props, '/indicator-units')
  const year = yearParam(param(searchParams, 'year'), vnYearMonth(new Date()).year)
  const code = param(searchParams, 'code') ?? ''
  const campaign = param(searchParams, 'campaign') ?? null
  const own = !hasRole(req.user, ...READ_ALL_ROLES)
  const scope = own
    ? String(unitIdOf(req.user) ?? '') || null
    : (param(searchParams, 'unit') ?? null)
  const [{ indicators }, units] = await Promise.all([
    loadCatalogue(req.payload, req),
    allUnits(req.payload, req),
  ])
  const ind = indicators.find((i) => i.code === code)
  const group = own && !scope ? [] : await groupInYear(req.payload, units, scope, year, req)
  const rows = ind ? await unitValues(req.payload, [ind], [year], group, campaign, req) : []
  return (
    <AdminPage props={props} title={TITLE}>
      <div className="cms-report">
        <header className="cms-view__header">
          <div>
            <h1 className="cms-view__title">{ind ? ind.name : TITLE}</h1>
            <p className="cms-view__lead">
              Số liệu năm {year} của từng đơn vị
              {scope
                ? ` thuộc ${units.find((u) => u.id === scope)?.name ?? ''}`
                : ' toàn tỉnh'}.{' '}
              <Link
                href={`${adminRoute}/reports?year=${year}`}
                prefetch={false}
                className="cms-link"
              >
                Về trang báo cáo
              </Link>
            </p>
          </div>
        </header>
        {!ind ? (
          <p className="cms-alert cms-alert--error">Không tìm thấy chỉ tiêu “{code}”.</p>
        ) : (
          <div className="cms-table-wrap">
            <table className="cms-table cms-report__table" data-table="indicator-units">
              <thead>
                <tr>
                  <th scope="col">Đơn vị</th>
                  <th scope="col">Loại</th>
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
                    Lộ trình
                  </th>
                  <th scope="col">Đánh giá</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.unit} data-unit={r.unitName} data-reported={String(r.reported)}>
                    <td>
                      <Link
                        href={`${adminRoute}/collections/indicator-reports?where[ownerUnit][equals]=${r.unit}&where[year][equals]=${year}`}
                        prefetch={false}
                        className="cms-link"
                      >
                        {r.unitName}
                      </Link>
                    </td>
                    <td>{unitKinds.label(r.unitKind)}</td>
                    <td className="cms-num">{r.numerator == null ? '—' : n.format(r.numerator)}</td>
                    <td className="cms-num">
                      {r.denominator == null ? '—' : n.format(r.denominator)}
                    </td>
                    <td className="cms-num">{r.reported ? r.display : 'Chưa báo cáo'}</td>
                    <td className="cms-num">{formatIndicator(ind, r.target)}</td>
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
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </AdminPage>
  )
}

export default IndicatorUnitsView
