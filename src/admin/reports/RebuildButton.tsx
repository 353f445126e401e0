'use client'

import React from 'react'
import type { describeJob } from '@/reporting/rebuildJobs'
import { RebuildState, rebuildStates } from '@/vocabulary'
import { usePolledJob } from '../usePolledJob'

type Job = ReturnType<typeof describeJob>

/**
 * "Tính lại số liệu": starts a rebuild of the year on the server, then polls its status and shows
 * the sources done out of the total; when it is done the page's figures are reloaded. Progress is
 * announced politely to screen readers.
 */
export function RebuildButton({ apiRoute, year }: { apiRoute: string; year: number }) {
  const { job, error, busy, start } = usePolledJob<Job>({
    startUrl: `${apiRoute}/reports/rebuild`,
    statusUrl: (id) => `${apiRoute}/reports/rebuild/${id}`,
    outcome: (j) =>
      j.state === RebuildState.Done
        ? 'done'
        : j.state === RebuildState.Failed
          ? { error: j.error ?? rebuildStates.label(j.state) }
          : 'running',
  })

  return (
    <div className="cms-report__rebuild">
      <button
        type="button"
        className="btn btn--style-secondary btn--size-medium cms-btn"
        onClick={() => start({ year })}
        disabled={busy}
        aria-describedby="report-rebuild-status"
        id="report-rebuild"
      >
        {busy ? 'Đang tính lại…' : 'Tính lại số liệu'}
      </button>
      <div
        id="report-rebuild-status"
        className="cms-report__rebuild-status"
        role="status"
        aria-live="polite"
      >
        {job && (
          <>
            <progress
              max={job.total}
              value={job.done}
              aria-label={`Tiến độ tính lại năm ${job.year}`}
            />
            <span data-rebuild-state={job.state}>
              {rebuildStates.label(job.state)} năm {job.year}: {job.done}/{job.total} nguồn số liệu
              {job.currentLabel ? ` (đang tính: ${job.currentLabel})` : ''}
              {job.state === RebuildState.Done
                ? `, ${job.cells} ô số liệu. Đã cập nhật trang.`
                : '.'}
            </span>
          </>
        )}
        {error && <span className="cms-report__rebuild-error">{error}</span>}
      </div>
    </div>
  )
}
