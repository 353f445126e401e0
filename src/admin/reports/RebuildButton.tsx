'use client'

import { useRouter } from 'next/navigation'
import React, { useEffect, useRef, useState } from 'react'
import type { describeJob } from '@/reporting/rebuildJobs'
import { RebuildState, rebuildStates } from '@/vocabulary'

type Job = ReturnType<typeof describeJob>
const POLL_MS = 800

/**
 * "Tính lại số liệu": starts a rebuild of the year on the server, then polls its status and shows
 * the sources done out of the total; when it is done the page's figures are reloaded. Progress is
 * announced politely to screen readers.
 */
export function RebuildButton({ apiRoute, year }: { apiRoute: string; year: number }) {
  const router = useRouter()
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
        const res = await fetch(`${apiRoute}/reports/rebuild/${id}`, {
          credentials: 'include',
          cache: 'no-store',
        })
        if (!res.ok) throw new Error(await messageOf(res))
        const next = (await res.json()) as Job
        setJob(next)
        if (next.state === RebuildState.Done) router.refresh()
        else if (next.state === RebuildState.Failed)
          setError(next.error ?? rebuildStates.label(next.state))
        else poll(id)
      } catch (err) {
        setError((err as Error).message)
      }
    }, POLL_MS)
  }

  const start = async () => {
    setError(null)
    setJob(null)
    try {
      const res = await fetch(`${apiRoute}/reports/rebuild`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ year }),
      })
      if (!res.ok) throw new Error(await messageOf(res))
      const started = (await res.json()) as Job
      setJob(started)
      poll(started.id)
    } catch (err) {
      setError((err as Error).message)
    }
  }

  const busy = !!job && !job.finishedAt && !error
  return (
    <div className="cms-report__rebuild">
      <button
        type="button"
        className="btn btn--style-secondary btn--size-medium cms-btn"
        onClick={start}
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
