'use client'

import { useAuth, useConfig, useDocumentInfo, useForm } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'
import { approvesContent } from '@/access/approvesContent'
import { hasRole, isCrossUnit, unitIdOf } from '@/access/roles'
import { relationId } from '@/lib/relation'
import { AUTHOR_ROLES, DocStatus, ReviewState, reviewStates } from '@/vocabulary'
import { ReasonPrompt } from '../ReasonPrompt'
import { restMessage as messageOf } from '../restMessage'
import '../admin-views.css'

/**
 * The unit's review on a content item's edit view (sidebar): its state, the reviewer's comment when
 * it was sent back, and the steps this user may take: "Gửi duyệt" (its unit's contributors and
 * editors, with what is typed), "Rút lại", and for the unit's reviewers "Duyệt và xuất bản" or
 * "Yêu cầu sửa" with a comment. Each is an ordinary update through REST, so the collection's hook
 * (collections/content/hooks/reviewWorkflow.ts) stays the one place the rules live; its
 * Vietnamese refusals are shown as they come. The page reloads after a step.
 */
export function ReviewActions() {
  const { id, collectionSlug, savedDocumentData } = useDocumentInfo()
  const { user } = useAuth()
  const { getData, setModified } = useForm()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const [needsReview, setNeedsReview] = useState<boolean | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const unit = relationId(savedDocumentData?.ownerUnit)

  useEffect(() => {
    if (!unit) return
    fetch(`${api}/units/${unit}?depth=0&select[reviewRequired]=true`, { credentials: 'include' })
      .then((r) => (r.ok ? r.json() : null))
      .then((u) => setNeedsReview(!!u?.reviewRequired))
      .catch(() => setNeedsReview(false))
  }, [api, unit])

  if (!id || !savedDocumentData) {
    return (
      <p className="cms-muted" id="review-unsaved">
        Lưu bản nháp trước, rồi gửi duyệt.
      </p>
    )
  }
  const state = (savedDocumentData.reviewState ?? ReviewState.Draft) as ReviewState
  const ownUnit = unitIdOf(user) != null && String(unitIdOf(user)) === unit
  const author = hasRole(user, ...AUTHOR_ROLES) && (ownUnit || isCrossUnit(user))
  const approver = needsReview !== null && approvesContent(user, unit, needsReview)
  const inReview = state === ReviewState.InReview

  const send = async (body: Record<string, unknown>, draft: boolean) => {
    setBusy(true)
    setError(null)
    try {
      const res = await fetch(
        `${api}/${collectionSlug}/${id}?depth=0${draft ? '&draft=true' : ''}`,
        {
          method: 'PATCH',
          credentials: 'include',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        },
      )
      if (!res.ok) throw new Error(await messageOf(res))
      setModified(false)
      window.location.reload()
    } catch (err) {
      setError((err as Error).message)
      setBusy(false)
    }
  }
  // What is typed goes with the step, as the admin's own save would send it.
  const typed = () => {
    const data = { ...getData() }
    delete data.reviewActions
    return data
  }

  return (
    <section className="field-type cms-review" aria-labelledby="review-title">
      <h4 id="review-title" style={{ margin: '0 0 6px' }}>
        Duyệt bài
      </h4>
      <p>
        Trạng thái:{' '}
        <strong id="review-state" data-state={state}>
          {reviewStates.label(state)}
        </strong>
      </p>
      {needsReview && !approver && author && !inReview && (
        <p className="cms-muted" id="review-needed">
          Đơn vị đăng bài cần duyệt: bấm &quot;Gửi duyệt&quot;, người duyệt bài của đơn vị sẽ xuất
          bản.
        </p>
      )}
      {state === ReviewState.ChangesRequested && savedDocumentData.reviewComment && (
        <div className="cms-alert cms-alert--warning" id="review-comment">
          <strong>Người duyệt yêu cầu sửa:</strong> {String(savedDocumentData.reviewComment)}
        </div>
      )}
      {author && !inReview && !approver && needsReview !== null && (
        <button
          type="button"
          id="review-submit"
          className="btn btn--style-primary btn--size-small cms-btn"
          disabled={busy}
          onClick={() => send({ ...typed(), reviewState: ReviewState.InReview }, true)}
        >
          Gửi duyệt
        </button>
      )}
      {inReview && approver && (
        <div>
          <button
            type="button"
            id="review-approve"
            className="btn btn--style-primary btn--size-small cms-btn"
            disabled={busy}
            onClick={() =>
              send(
                { ...typed(), _status: DocStatus.Published, reviewState: ReviewState.Approved },
                false,
              )
            }
          >
            Duyệt và xuất bản
          </button>{' '}
          <ReasonPrompt
            openLabel="Yêu cầu sửa"
            openId="review-request-changes"
            fieldLabel="Ý kiến: cần sửa gì (bắt buộc)"
            labelAsField
            inputId="review-comment-input"
            rows={4}
            submitLabel="Gửi yêu cầu sửa"
            submitId="review-send-changes"
            busy={busy}
            onSubmit={(comment) =>
              send({ reviewState: ReviewState.ChangesRequested, reviewComment: comment }, true)
            }
          />
        </div>
      )}
      {inReview && !approver && author && (
        <button
          type="button"
          id="review-withdraw"
          className="btn btn--style-subtle btn--size-small cms-btn"
          disabled={busy}
          onClick={() => send({ reviewState: ReviewState.Draft }, true)}
        >
          Rút lại, chưa gửi duyệt
        </button>
      )}
      {error && (
        <p className="cms-alert cms-alert--error" role="alert" id="review-error">
          {error}
        </p>
      )}
    </section>
  )
}
