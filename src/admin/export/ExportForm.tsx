'use client'

import React, { useState } from 'react'
import { ExportJobStatus, exportFormats, exportJobStatuses, type ExportFormat } from '@/vocabulary'
import { usePolledJob } from '../usePolledJob'

type Job = {
  id: string
  title: string
  status: ExportJobStatus
  progress?: number | null
  error?: string | null
  url?: string | null
  filename?: string | null
}
const POLL_MS = 700

/** A year's latest snapshot as the page shows it (times already dd/mm/yyyy HH:mm, Vietnam time). */
export type YearSnapshot = {
  takenAt: string
  /** The newest change it includes (null: taken before this was recorded). */
  dataAsOf: string | null
  /** Set when the data changed after the freeze: that change's time. */
  latestChange: string | null
}

const yearsOf = (from: number, to: number) =>
  Number.isInteger(from) && from >= 2000 && from <= 2100
    ? Array.from({ length: Math.max(0, Math.min(to, from + 30) - from) + 1 }, (_, i) => from + i)
    : []

/**
 * "Xuất báo cáo": a year or a period, a format, and which figures (each year's latest snapshot, or
 * freeze them now, for those who may). The export runs on the server as a job; this polls the
 * stored job (GET /api/generated-reports/:id) and shows its progress, then the download link.
 * Progress is announced politely to screen readers. Under the form, each chosen year's snapshot:
 * its time, the newest change it includes, and a warning when the data is newer; a year with none
 * turns the choice to "freeze now" (for those who may). When a job ends the page's list is
 * refreshed (router.refresh re-renders the server view).
 */
export function ExportForm({
  apiRoute,
  year,
  canFreeze,
  unitName,
  snapshots,
}: {
  apiRoute: string
  year: number
  canFreeze: boolean
  unitName: string | null
  snapshots: Record<number, YearSnapshot>
}) {
  const [from, setFrom] = useState(String(year))
  const [to, setTo] = useState('')
  const years = yearsOf(Number(from), to ? Number(to) : Number(from))
  const missing = years.filter((y) => !snapshots[y])
  const [picked, setChoice] = useState('latest')
  // A year without a snapshot cannot be exported from "the latest": propose freezing it now.
  const choice = missing.length && canFreeze && picked === 'latest' ? 'freeze' : picked
  const { job, error, busy, start } = usePolledJob<Job>({
    startUrl: `${apiRoute}/generated-reports/export`,
    statusUrl: (id) => `${apiRoute}/generated-reports/${id}?depth=0`,
    outcome: (j) =>
      j.status === ExportJobStatus.Done
        ? 'done'
        : j.status === ExportJobStatus.Failed
          ? { error: j.error ?? exportJobStatuses.label(j.status) }
          : 'running',
    pollMs: POLL_MS,
  })
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    void start(Object.fromEntries(new FormData(event.currentTarget).entries()))
  }

  return (
    <form className="cms-export" onSubmit={submit} id="export-form">
      <div className="cms-cal__filters">
        <label className="cms-field">
          <span className="cms-field__label">Từ năm</span>
          <input
            type="number"
            name="year"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            min={2000}
            max={2100}
            required
          />
        </label>
        <label className="cms-field">
          <span className="cms-field__label">Đến năm (giai đoạn)</span>
          <input
            type="number"
            name="to"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            min={2000}
            max={2100}
            placeholder="một năm"
          />
        </label>
        <label className="cms-field">
          <span className="cms-field__label">Định dạng</span>
          <select name="format" defaultValue="xlsx">
            {exportFormats.values.map((f: ExportFormat) => (
              <option key={f} value={f}>
                {exportFormats.label(f)}
              </option>
            ))}
          </select>
        </label>
        <label className="cms-field">
          <span className="cms-field__label">Số liệu</span>
          <select name="snapshot" value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="latest" disabled={missing.length > 0}>
              Bản chốt mới nhất của từng năm
            </option>
            {canFreeze && <option value="freeze">Chốt số liệu ngay rồi xuất</option>}
          </select>
        </label>
        {!unitName && (
          <label className="cms-field cms-field--inline" id="export-restate-label">
            <input type="checkbox" name="restate" value="1" id="export-restate" />{' '}
            <span>Quy về các đơn vị hiện nay (cộng số liệu đơn vị cũ vào đơn vị kế thừa)</span>
          </label>
        )}
        <button
          type="submit"
          className="btn btn--style-primary btn--size-medium cms-btn"
          disabled={busy}
          id="export-start"
          aria-describedby="export-status"
        >
          {busy ? 'Đang xuất…' : 'Xuất báo cáo'}
        </button>
      </div>
      {unitName && <p className="cms-view__lead">Số liệu xuất ra là của đơn vị bạn: {unitName}.</p>}
      <ul className="cms-export__snapshots" id="export-snapshots" aria-label="Bản chốt số liệu">
        {years.map((y) => {
          const s = snapshots[y]
          if (!s)
            return (
              <li key={y} className="cms-alert cms-alert--warning" data-year={y}>
                Năm {y} chưa có bản chốt số liệu.{' '}
                {canFreeze
                  ? 'Chọn “Chốt số liệu ngay rồi xuất” để chốt số liệu mới nhất và xuất.'
                  : 'Đề nghị Sở TT&TT chốt số liệu năm này trước khi xuất.'}
              </li>
            )
          return (
            <li
              key={y}
              className={s.latestChange ? 'cms-alert cms-alert--warning' : 'cms-alert'}
              data-year={y}
              data-stale={s.latestChange ? 'true' : 'false'}
            >
              Bản chốt mới nhất năm {y}: chốt lúc {s.takenAt}
              {s.dataAsOf ? `, số liệu tính đến thay đổi lúc ${s.dataAsOf}` : ''}.
              {s.latestChange && (
                <strong>
                  {' '}
                  Số liệu đã thay đổi sau khi chốt (lúc {s.latestChange}): bản chốt cũ hơn số liệu
                  hiện tại.
                  {canFreeze ? ' Chọn “Chốt số liệu ngay rồi xuất” để có số liệu mới nhất.' : ''}
                </strong>
              )}
            </li>
          )
        })}
      </ul>
      <div
        id="export-status"
        className="cms-report__rebuild-status"
        role="status"
        aria-live="polite"
      >
        {job && (
          <>
            <progress max={100} value={job.progress ?? 0} aria-label={`Tiến độ: ${job.title}`} />
            <span data-export-status={job.status}>
              {job.title}: {exportJobStatuses.label(job.status)} {job.progress ?? 0}%
            </span>
            {job.status === ExportJobStatus.Done && job.url && (
              <a href={job.url} id="export-download" download={job.filename ?? undefined}>
                Tải xuống {job.filename}
              </a>
            )}
          </>
        )}
        {error && <span className="cms-report__rebuild-error">{error}</span>}
      </div>
    </form>
  )
}
