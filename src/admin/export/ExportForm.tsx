'use client'

import React, { useEffect, useRef, useState } from 'react'
import { ExportJobStatus, exportFormats, exportJobStatuses, type ExportFormat } from '@/vocabulary'

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

/**
 * "Xuất báo cáo": a year or a period, a format, and which figures (each year's latest snapshot, or
 * freeze them now, for those who may). The export runs on the server as a job; this polls the
 * stored job (GET /api/generated-reports/:id) and shows its progress, then the download link.
 * Progress is announced politely to screen readers.
 */
export function ExportForm({
  apiRoute,
  year,
  canFreeze,
  unitName,
}: {
  apiRoute: string
  year: number
  canFreeze: boolean
  unitName: string | null
}) {
  const [job, setJob] = useState<Job | null>(null)
  const [error, setError] = useState<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), [])

  const messageOf = async (res: Response) =>
    ((await res.json().catch(() => null)) as { errors?: { message: string }[] } | null)?.errors?.[0]
      ?.message ?? `Lỗi máy chủ (${res.status}).`

  const poll = (id: string) => {
    timer.current = setTimeout(async () => {
      try {
        const res = await fetch(`${apiRoute}/generated-reports/${id}?depth=0`, {
          credentials: 'include',
          cache: 'no-store',
        })
        if (!res.ok) throw new Error(await messageOf(res))
        const next = (await res.json()) as Job
        setJob(next)
        if (next.status === ExportJobStatus.Failed)
          setError(next.error ?? exportJobStatuses.label(next.status))
        else if (next.status !== ExportJobStatus.Done) poll(id)
      } catch (err) {
        setError((err as Error).message)
      }
    }, POLL_MS)
  }

  const start = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setError(null)
    setJob(null)
    const form = new FormData(event.currentTarget)
    try {
      const res = await fetch(`${apiRoute}/generated-reports/export`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(Object.fromEntries(form.entries())),
      })
      if (!res.ok) throw new Error(await messageOf(res))
      const started = (await res.json()) as Job
      setJob(started)
      poll(started.id)
    } catch (err) {
      setError((err as Error).message)
    }
  }

  const busy = !!job && !error && job.status !== ExportJobStatus.Done
  return (
    <form className="cms-export" onSubmit={start} id="export-form">
      <div className="cms-cal__filters">
        <label className="cms-field">
          <span className="cms-field__label">Từ năm</span>
          <input type="number" name="year" defaultValue={year} min={2000} max={2100} required />
        </label>
        <label className="cms-field">
          <span className="cms-field__label">Đến năm (giai đoạn)</span>
          <input type="number" name="to" min={2000} max={2100} placeholder="một năm" />
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
          <select name="snapshot" defaultValue="latest">
            <option value="latest">Bản chốt mới nhất của từng năm</option>
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
