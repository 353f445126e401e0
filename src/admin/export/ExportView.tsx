import type { AdminViewServerProps, Payload } from 'payload'
import React from 'react'
import { AdminPage, requireUser } from '@/admin/AdminPage'
import { hasRole, isCrossUnit, unitIdOf } from '@/access/roles'
import { formatDateTimeVn, formatVietnamTime, vnYearMonth } from '@/lib/time'
import { freshnessOf } from '@/reporting/freeze'
import { exportJobStatuses, generatedReportKinds, READ_ALL_ROLES } from '@/vocabulary'
import { ExportForm, type YearSnapshot } from './ExportForm'

const TITLE = 'Xuất báo cáo số liệu'

/**
 * `/admin/export`: the export on demand (a year, or a review period with a column per year), run
 * as a job with its progress shown, and the reports generated so far that the user may read (a
 * unit's staff: their unit's exports only), each with who, when, which snapshot and its file.
 */
export async function ExportView(props: AdminViewServerProps) {
  const { req, adminRoute } = await requireUser(props, '/export')
  const apiRoute = req.payload.config.routes.api
  const all = hasRole(req.user, ...READ_ALL_ROLES)
  const unit = all ? null : unitIdOf(req.user)
  const unitName = unit
    ? ((
        await req.payload.findByID({
          collection: 'units',
          id: unit,
          depth: 0,
          overrideAccess: true,
        })
      ).name as string)
    : null
  const year = vnYearMonth(new Date()).year
  const snapshots = await snapshotsByYear(req.payload, year)
  const recent = await req.payload.find({
    collection: 'generated-reports',
    sort: '-createdAt',
    limit: 20,
    depth: 1,
    overrideAccess: false,
    user: req.user,
  })
  return (
    <AdminPage props={props} title={TITLE}>
      <div className="cms-report">
        <header className="cms-view__header">
          <div>
            <h1 className="cms-view__title">{TITLE}</h1>
            <p className="cms-view__lead">
              Một năm, hoặc một giai đoạn (sơ kết 2022-2023, tổng kết 2022-2025) với một cột cho mỗi
              năm và cột cộng cả giai đoạn. Việc xuất chạy trên máy chủ; tệp được lưu trong danh
              sách bên dưới.
            </p>
          </div>
        </header>
        <ExportForm
          apiRoute={apiRoute}
          year={year}
          snapshots={snapshots}
          canFreeze={isCrossUnit(req.user)}
          unitName={unitName}
        />
        <table className="cms-table" id="export-list">
          <thead>
            <tr>
              <th>Báo cáo</th>
              <th>Bản</th>
              <th>Trạng thái</th>
              <th>Người lập</th>
              <th>Lập lúc</th>
              <th>Bản chốt</th>
              <th>Tệp</th>
            </tr>
          </thead>
          <tbody>
            {recent.docs.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={`${adminRoute}/collections/generated-reports/${r.id}`}>{r.title}</a>
                </td>
                <td>{r.kind ? generatedReportKinds.label(r.kind) : ''}</td>
                <td>
                  {r.status ? exportJobStatuses.label(r.status) : exportJobStatuses.label('done')}
                </td>
                <td>
                  {typeof r.generatedBy === 'object' && r.generatedBy
                    ? r.generatedBy.fullName || r.generatedBy.email
                    : 'Hệ thống (theo lịch)'}
                </td>
                <td>{r.generatedAt ? formatVietnamTime(r.generatedAt) : ''}</td>
                <td>{typeof r.snapshot === 'object' && r.snapshot ? r.snapshot.title : ''}</td>
                <td>{r.url ? <a href={r.url}>Tải xuống</a> : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminPage>
  )
}

/**
 * Each year's latest snapshot as the form shows it: when it was taken, the newest change it
 * includes, and whether the data changed since (src/reporting/freeze.ts freshnessOf). Years from
 * the first snapshot to this year; a year without one is absent.
 */
async function snapshotsByYear(
  payload: Payload,
  thisYear: number,
): Promise<Record<number, YearSnapshot>> {
  const found = await payload.find({
    collection: 'rollup-snapshots',
    sort: '-takenAt',
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { year: true, takenAt: true, dataAsOf: true },
  })
  const out: Record<number, YearSnapshot> = {}
  for (const s of found.docs) {
    if (out[s.year] || s.year > thisYear + 1) continue
    const f = await freshnessOf(payload, s)
    out[s.year] = {
      takenAt: s.takenAt ? formatDateTimeVn(s.takenAt) : '',
      dataAsOf: f.dataAsOf ? formatDateTimeVn(f.dataAsOf) : null,
      latestChange: f.stale && f.latestChange ? formatDateTimeVn(f.latestChange) : null,
    }
  }
  return out
}
