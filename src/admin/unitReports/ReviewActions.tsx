'use client'

import { useAuth, useConfig, useDocumentInfo, useForm } from '@payloadcms/ui'
import React, { useState } from 'react'
import { hasRole, isCrossUnit, unitIdOf } from '@/access/roles'
import { relationId } from '@/lib/relation'
import { Role, UNIT_EDITABLE, UnitReportStatus, unitReportStatuses } from '@/vocabulary'
import { ReasonPrompt } from '../ReasonPrompt'
import { restMessage as messageOf } from '../restMessage'
import '../admin-views.css'

/** What the unit writes: sent with "Nộp báo cáo" so text typed but not yet saved is handed in too. */
const NARRATIVE = ['results', 'difficulties', 'proposals'] as const

/**
 * The unit report's workflow as buttons on its edit view: the state, and only the steps the user
 * may take: the unit's editor "Nộp báo cáo" (a draft or a returned report); Sở TT&TT (campaign
 * managers, admins) "Chấp nhận" or "Trả lại" with a reason (a submitted report). Each is an
 * ordinary update of the report's status through REST, so the collection's hook
 * (collections/UnitReports/hooks/workflow.ts) stays the one place the rules live; its Vietnamese
 * refusals are shown as they come. After a step the page reloads to show the report as stored.
 */
export function ReviewActions() {
  const { id, savedDocumentData } = useDocumentInfo()
  const { user } = useAuth()
  const { getData, setModified } = useForm()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  if (!id || !savedDocumentData) return null
  const status = (savedDocumentData.status ?? UnitReportStatus.Draft) as UnitReportStatus
  const ownUnit =
    unitIdOf(user) != null && String(unitIdOf(user)) === relationId(savedDocumentData.ownerUnit)
  const canSubmit = hasRole(user, Role.Editor) && ownUnit && UNIT_EDITABLE.includes(status)
  // Sở TT&TT reviews a submitted or forwarded report (the hook refuses a submitted one that must
  // pass through the parent first); a manager of a unit above accepts it for the parent.
  const parentReview =
    hasRole(user, Role.UnitManager) && !ownUnit && status === UnitReportStatus.Submitted
  const canReview =
    (isCrossUnit(user) &&
      (status === UnitReportStatus.Submitted || status === UnitReportStatus.Forwarded)) ||
    parentReview
  const savedReason = String(savedDocumentData.returnReason ?? '').trim()

  const send = async (body: Record<string, unknown>) => {
    setBusy(true)
    setError(null)
    try {
      const res = await fetch(`${api}/unit-reports/${id}?depth=0`, {
        method: 'PATCH',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      if (!res.ok) throw new Error(await messageOf(res))
      // What was typed went with the request: no "leave without saving?" prompt on the reload.
      setModified(false)
      window.location.reload()
    } catch (err) {
      setError((err as Error).message)
      setBusy(false)
    }
  }

  const submit = () => {
    const data = getData()
    const narrative = Object.fromEntries(NARRATIVE.map((f) => [f, data[f] ?? null]))
    return send({ ...narrative, status: UnitReportStatus.Submitted })
  }

  return (
    <section
      className="field-type cms-report-actions"
      aria-labelledby="report-actions-title"
      style={{ marginBottom: 'var(--base)' }}
    >
      <h4 id="report-actions-title" style={{ margin: '0 0 6px' }}>
        Quy trình báo cáo
      </h4>
      <p>
        Trạng thái:{' '}
        <strong id="report-state" data-status={status}>
          {unitReportStatuses.label(status)}
        </strong>
      </p>
      {status === UnitReportStatus.Returned && savedReason && (
        <div className="cms-alert cms-alert--warning" id="report-return-reason">
          <strong>Sở TT&TT trả lại, lý do:</strong> {savedReason}
        </div>
      )}
      {status === UnitReportStatus.Forwarded && !canReview && (
        <p className="cms-muted" id="report-locked">
          Đơn vị cấp trên đã chấp nhận, báo cáo đang chờ Sở TT&TT xem xét.
        </p>
      )}
      {status === UnitReportStatus.Submitted && !canReview && (
        <p className="cms-muted" id="report-locked">
          Báo cáo đã nộp, đang chờ Sở TT&TT xem xét: đơn vị không sửa được.
        </p>
      )}
      {status === UnitReportStatus.Accepted && (
        <p className="cms-muted" id="report-locked">
          Báo cáo đã được chấp nhận: chỉ xem, không sửa được nữa.
        </p>
      )}
      {canSubmit && (
        <button
          type="button"
          className="btn btn--style-primary btn--size-small cms-btn"
          disabled={busy}
          onClick={submit}
        >
          Nộp báo cáo
        </button>
      )}
      {canReview && (
        <div className="cms-report-actions__review">
          <button
            type="button"
            className="btn btn--style-primary btn--size-small cms-btn"
            disabled={busy}
            onClick={() =>
              send({
                status: parentReview ? UnitReportStatus.Forwarded : UnitReportStatus.Accepted,
              })
            }
          >
            {parentReview ? 'Chấp nhận (cấp trên)' : 'Chấp nhận'}
          </button>{' '}
          <ReasonPrompt
            openLabel="Trả lại"
            fieldLabel="Lý do trả lại (bắt buộc)"
            labelAsField
            inputId="report-return-input"
            rows={4}
            submitLabel="Gửi trả lại"
            busy={busy}
            onSubmit={(reason) => send({ status: UnitReportStatus.Returned, returnReason: reason })}
          />
        </div>
      )}
      {error && (
        <p className="cms-alert cms-alert--error" role="alert" id="report-action-error">
          {error}
        </p>
      )}
    </section>
  )
}
