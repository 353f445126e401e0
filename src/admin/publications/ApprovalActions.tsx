'use client'

import { useAuth, useConfig, useDocumentInfo } from '@payloadcms/ui'
import React, { useState } from 'react'
import { hasRole, isCrossUnit } from '@/access/roles'
import { PublicationStatus, publicationStatuses, Role } from '@/vocabulary'
import { restMessage } from '../restMessage'
import { APPROVE, returnWith } from './decision'
import { ReturnPrompt } from './ReturnPrompt'
import '../admin-views.css'

/**
 * A publication's approval as buttons on its edit view, as the unit report's workflow has them:
 * Sở TT&TT (campaign managers, admins), or a unit manager for the units below, "Duyệt" or "Trả lại" with a reason while it waits for
 * approval; the unit sees the reason when it comes back. The page reloads to show what is stored.
 */
export function ApprovalActions() {
  const { id, savedDocumentData, docPermissions } = useDocumentInfo()
  const { user } = useAuth()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (!id || !savedDocumentData) return null
  const status = savedDocumentData.status as PublicationStatus
  const reason = String(savedDocumentData.approval?.returnReason ?? '').trim()
  // A unit manager may update only what waits for their decision (the server's access says which).
  const decider = isCrossUnit(user) || (hasRole(user, Role.UnitManager) && !!docPermissions?.update)
  const canDecide = decider && status === PublicationStatus.AwaitingApproval
  if (!canDecide && !(status === PublicationStatus.Draft && reason)) return null

  const send = async (body: Record<string, unknown>) => {
    setBusy(true)
    setError(null)
    try {
      const res = await fetch(`${api}/publications/${id}?depth=0`, {
        method: 'PATCH',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      if (!res.ok) throw new Error(await restMessage(res))
      window.location.reload()
    } catch (err) {
      setError((err as Error).message)
      setBusy(false)
    }
  }

  return (
    <section
      className="field-type cms-report-actions"
      aria-labelledby="publication-approval-title"
      style={{ marginBottom: 'var(--base)' }}
    >
      <h4 id="publication-approval-title" style={{ margin: '0 0 6px' }}>
        Duyệt lịch đăng
      </h4>
      <p>
        Trạng thái: <strong id="publication-state">{publicationStatuses.label(status)}</strong>
      </p>
      {reason && status === PublicationStatus.Draft && (
        <div className="cms-alert cms-alert--warning" id="publication-return-reason">
          <strong>Sở TT&TT trả lại, lý do:</strong> {reason}
        </div>
      )}
      {canDecide && (
        <div>
          <button
            type="button"
            className="btn btn--style-primary btn--size-small cms-btn"
            disabled={busy}
            onClick={() => send(APPROVE)}
          >
            Duyệt
          </button>{' '}
          <ReturnPrompt
            id="publication-return-input"
            busy={busy}
            onReturn={(r) => send(returnWith(r))}
          />
        </div>
      )}
      {error && (
        <p className="cms-alert cms-alert--error" role="alert" id="publication-action-error">
          {error}
        </p>
      )}
    </section>
  )
}
