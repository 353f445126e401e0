import Link from 'next/link'
import type { AdminViewServerProps } from 'payload'
import React from 'react'
import { AdminPage, param, requireUser, yearParam } from '@/admin/AdminPage'
import { IndicatorSection } from '@/admin/indicators/IndicatorSection'
import { vnYearMonth } from '@/lib/time'
import { ChannelChart } from './ChannelChart'
import { Counters } from './Counters'
import { EmptyYear } from './EmptyYear'
import { KpiTable } from './KpiTable'
import { loadReport, type ReportData, type ReportFilters } from './loadReport'
import { MonthChart } from './MonthChart'
import { RebuildButton } from './RebuildButton'
import { TrainingsTable } from './TrainingsTable'
import { UnitTable } from './UnitTable'

/** The first year the year filter offers (campaign years start in 2020). */
const FIRST_YEAR = 2020
const TITLE = 'Báo cáo, thống kê'

function Filters({
  data,
  adminRoute,
  years,
}: {
  data: ReportData
  adminRoute: string
  years: number[]
}) {
  const { filters, options, ownUnitOnly, unitName } = data
  const filtered = !!(filters.campaign || (!ownUnitOnly && filters.unit))
  return (
    <form
      className="cms-cal__filters"
      method="get"
      action={`${adminRoute}/reports`}
      aria-label="Bộ lọc báo cáo"
    >
      <label className="cms-field">
        <span className="cms-field__label">Năm</span>
        <select name="year" defaultValue={String(filters.year)} id="report-filter-year">
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <label className="cms-field">
        <span className="cms-field__label">Chiến dịch</span>
        <select name="campaign" defaultValue={filters.campaign ?? ''} id="report-filter-campaign">
          <option value="">Tất cả</option>
          {options.campaigns.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      {ownUnitOnly ? (
        <p className="cms-field">
          <span className="cms-field__label">Đơn vị</span>
          <span id="report-own-unit">{unitName ?? 'Chưa gán đơn vị'}</span>
        </p>
      ) : (
        <label className="cms-field">
          <span className="cms-field__label">Đơn vị</span>
          <select name="unit" defaultValue={filters.unit ?? ''} id="report-filter-unit">
            <option value="">Tất cả</option>
            {options.units.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="cms-field cms-field--inline">
        <input
          type="checkbox"
          name="subtree"
          value="1"
          defaultChecked={filters.subtree}
          id="report-filter-subtree"
        />{' '}
        <span>Gồm cả các đơn vị trực thuộc</span>
      </label>
      <button type="submit" className="btn btn--style-secondary btn--size-medium cms-btn">
        Xem
      </button>
      {filtered && (
        <Link
          className="cms-link"
          href={`${adminRoute}/reports?year=${filters.year}`}
          prefetch={false}
        >
          Bỏ lọc
        </Link>
      )}
    </form>
  )
}

/**
 * `/admin/reports`: the year's figures from the rollup cells, read as the logged-in user (editors
 * and contributors see their own unit's), filtered by year, campaign and unit through the query
 * string. Every number links to the admin list of the rows it counts.
 */
export async function ReportsView(props: AdminViewServerProps) {
  const { req, searchParams, adminRoute } = await requireUser(props, '/reports')
  const currentYear = vnYearMonth(new Date()).year
  const filters: ReportFilters = {
    year: yearParam(param(searchParams, 'year'), currentYear),
    campaign: param(searchParams, 'campaign') ?? null,
    unit: param(searchParams, 'unit') ?? null,
    subtree: param(searchParams, 'subtree') === '1',
  }
  const apiRoute = req.payload.config.routes.api
  const years = Array.from(
    { length: Math.max(currentYear + 1, filters.year) - Math.min(FIRST_YEAR, filters.year) + 1 },
    (_, i) => Math.max(currentYear + 1, filters.year) - i,
  )

  let data: ReportData | null = null
  try {
    data = await loadReport(req, filters)
  } catch (err) {
    // The cells' read access refused (e.g. an editor without a unit): say so; anything else is a real error.
    if ((err as { status?: number }).status !== 403) throw err
  }

  return (
    <AdminPage props={props} title={TITLE}>
      <div className="cms-report">
        <header className="cms-view__header">
          <div>
            <h1 className="cms-view__title">{TITLE}</h1>
            <p className="cms-view__lead">
              Số liệu năm {filters.year} theo giờ Việt Nam
              {data?.unitName ? `, của ${data.unitName}` : ', toàn tỉnh'}
              {filters.campaign && data
                ? `, chiến dịch ${data.options.campaigns.find((c) => c.id === filters.campaign)?.name ?? ''}`
                : ''}
              . Số liệu được tổng hợp mỗi phút và tính lại toàn bộ lúc 2 giờ sáng; bấm vào một con
              số để xem danh sách các mục được đếm.
            </p>
          </div>
          {data?.canRebuild && !data.empty && (
            <RebuildButton apiRoute={apiRoute} year={filters.year} />
          )}
        </header>
        {!data ? (
          <p className="cms-alert cms-alert--error">Bạn không có quyền xem số liệu tổng hợp.</p>
        ) : (
          <>
            <Filters data={data} adminRoute={adminRoute} years={years} />
            {data.empty ? (
              <EmptyYear
                year={filters.year}
                currentYear={currentYear}
                filtered={!!(filters.campaign || filters.unit)}
                canRebuild={data.canRebuild}
                apiRoute={apiRoute}
              />
            ) : (
              <>
                <Counters counters={data.counters} />
                <MonthChart series={data.months} />
                <ChannelChart rows={data.channels} />
                <UnitTable rows={data.units} />
                <KpiTable
                  rows={data.kpi}
                  share={data.share}
                  year={filters.year}
                  unitName={data.unitName}
                />
              </>
            )}
            <TrainingsTable progress={data.trainings} year={filters.year} />
            <IndicatorSection req={req} filters={filters} unit={data.scope.unit} />
          </>
        )}
      </div>
    </AdminPage>
  )
}

export default ReportsView
