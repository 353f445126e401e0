'use client'

import { useRouter } from 'next/navigation'
import { useEffect, useRef, useState } from 'react'
import { restMessage } from './restMessage'

/** Where a job stands: still running, done, or failed with this message. */
export type JobOutcome = 'running' | 'done' | { error: string }

/**
 * A server job started from an admin view and followed until it ends: `start(body)` POSTs to
 * `startUrl`, then the job at `statusUrl(job)` is read every `pollMs` until `outcome(job)` says it
 * ended; the page's server data is then refreshed. Used by the rebuild button and the export form.
 */
export function usePolledJob<J extends { id: string }>({
  startUrl,
  statusUrl,
  outcome,
  pollMs = 800,
}: {
  startUrl: string
  statusUrl: (id: string) => string
  outcome: (job: J) => JobOutcome
  pollMs?: number
}) {
  const router = useRouter()
  const [job, setJob] = useState<J | null>(null)
  const [error, setError] = useState<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), [])

  const poll = (id: string) => {
    timer.current = setTimeout(async () => {
      try {
        const res = await fetch(statusUrl(id), { credentials: 'include', cache: 'no-store' })
        if (!res.ok) throw new Error(await restMessage(res))
        const next = (await res.json()) as J
        setJob(next)
        const state = outcome(next)
        if (state === 'running') return poll(id)
        if (state !== 'done') setError(state.error)
        router.refresh()
      } catch (err) {
        setError((err as Error).message)
      }
    }, pollMs)
  }

  const start = async (body: unknown) => {
    setError(null)
    setJob(null)
    try {
      const res = await fetch(startUrl, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      if (!res.ok) throw new Error(await restMessage(res))
      const started = (await res.json()) as J
      setJob(started)
      poll(started.id)
    } catch (err) {
      setError((err as Error).message)
    }
  }

  const busy = !!job && !error && outcome(job) === 'running'
  return { job, error, busy, start }
}
