'use client'

import { useAuth, useConfig, useSelection } from '@payloadcms/ui'
import React, { useState } from 'react'
import { hasRole, isCrossUnit } from '@/access/roles'
import { PublicationStatus, Role } from '@/vocabulary'
import { restMessage } from '../restMessage'
import { APPROVE, returnWith } from './decision'
import { ReturnPrompt } from './ReturnPrompt'
import '../admin-views.css'

type BulkResult = { docs?: unknown[]; errors?: { message?: string }[] }

/**
 * Above the publications list, for Sở TT&TT: approve or return every selected publication that
 * waits for approval, in one request (Payload's bulk update runs each one through the same hooks
 * as a single update). What the server refuses is listed; the others go through.
 */
export function BulkApproval() {
  const { user } = useAuth()
  const { count, getQueryParams } = useSelection()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<{ done: number; errors: string[] } | null>(null)
  // Unit managers too: the server decides item by item which of the selected are theirs.
  if (!isCrossUnit(user) && !hasRole(user, Role.UnitManager)) return null

  const send = async (body: Record<string, unknown>) => {
    setBusy(true)
    setOutcome(null)
    try {
      const query = getQueryParams({ status: { equals: PublicationStatus.AwaitingApproval } })
      const res = await fetch(`${api}/publications${query}&depth=0`, {
        method: 'PATCH',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      if (!res.ok && res.status !== 400) throw new Error(await restMessage(res))
      const result = (await res.json()) as BulkResult
      const errors = (result.errors ?? []).map((e) => e.message ?? 'Lỗi không rõ.')
      setOutcome({ done: result.docs?.length ?? 0, errors })
      if (!errors.length) window.location.reload()
    } catch (err) {
      setOutcome({ done: 0, errors: [(err as Error).message] })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="cms-bulk-approval" aria-label="Duyệt hàng loạt" id="bulk-approval">
      {count > 0 ? (
        <>
          <span>Đã chọn {count} mục (chỉ mục “Chờ duyệt” được xử lý): </span>
          <button
            type="button"
            className="btn btn--style-primary btn--size-small cms-btn"
            disabled={busy}
            onClick={() => send(APPROVE)}
          >
            Duyệt các mục đã chọn
          </button>{' '}
          <ReturnPrompt
            id="bulk-return-input"
            busy={busy}
            label="Trả lại các mục đã chọn"
            onReturn={(r) => send(returnWith(r))}
          />
        </>
      ) : (
        <span className="cms-muted">
          Chọn các lịch đăng “Chờ duyệt” để duyệt hoặc trả lại cùng lúc.
        </span>
      )}
      {outcome && (
        <div role="status" id="bulk-approval-outcome">
          {outcome.done > 0 && <p>Đã xử lý {outcome.done} mục.</p>}
          {outcome.errors.map((e, i) => (
            <p key={i} className="cms-alert cms-alert--error">
              {e}
            </p>
          ))}
        </div>
      )}
    </section>
  )
}
