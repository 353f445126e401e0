'use client'

import { useAuth, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'
import { mayWithdrawFor } from '@/access/withdrawers'
import { DocStatus, PublicationStatus } from '@/vocabulary'
import { restMessage } from '../restMessage'
import '../admin-views.css'

/**
 * "Gỡ bài" on a content item's edit view (the item everywhere) and on a publication's (that channel
 * only): a confirmation with a required reason, then `POST /api/withdrawals`; the withdrawal's own
 * page then shows, per channel, whether the removal is done, pending or needs a person. Shown to
 * those who may (the server checks again): the item's unit's editors and managers, Sở TT&TT.
 */
export function WithdrawButton() {
  const { id, collectionSlug, savedDocumentData } = useDocumentInfo()
  const { user } = useAuth()
  const {
    config: {
      routes: { api, admin },
    },
  } = useConfig()
  const router = useRouter()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (!id || !savedDocumentData || !mayWithdrawFor(user, savedDocumentData.ownerUnit)) return null
  const onePublication = collectionSlug === 'publications'
  const out = onePublication
    ? !savedDocumentData.withdrawnAt &&
      [PublicationStatus.Published, PublicationStatus.Sending].includes(savedDocumentData.status)
    : savedDocumentData._status === DocStatus.Published
  if (!out) return null

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      const target = onePublication
        ? { publication: id }
        : { content: { relationTo: collectionSlug, value: id } }
      const res = await fetch(`${api}/withdrawals?depth=0`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...target, reason }),
      })
      if (!res.ok) throw new Error(await restMessage(res))
      const { doc } = (await res.json()) as { doc: { id: string } }
      router.push(`${admin}/collections/withdrawals/${doc.id}`)
    } catch (err) {
      setError((err as Error).message)
      setBusy(false)
    }
  }

  const what = onePublication ? 'bài trên kênh này' : 'nội dung này khỏi chuyên trang và mọi kênh'
  return (
    <div className="cms-withdraw" style={{ marginBottom: onePublication ? 'var(--base)' : 0 }}>
      {!open ? (
        <button
          type="button"
          id="withdraw-open"
          className="btn btn--style-secondary btn--size-medium cms-btn"
          onClick={() => setOpen(true)}
        >
          Gỡ bài
        </button>
      ) : (
        <div role="group" aria-labelledby="withdraw-title">
          <p id="withdraw-title">
            <strong>Gỡ {what}?</strong> Việc gỡ trên từng kênh được theo dõi; kênh không cho gỡ tự
            động sẽ được đánh dấu cần người gỡ.
          </p>
          <label className="cms-field__label" htmlFor="withdraw-reason">
            Lý do gỡ bài (bắt buộc)
          </label>
          <textarea
            id="withdraw-reason"
            rows={3}
            aria-required="true"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            style={{ width: '100%' }}
          />
          <button
            type="button"
            id="withdraw-confirm"
            className="btn btn--style-primary btn--size-small cms-btn"
            disabled={busy}
            onClick={submit}
          >
            Xác nhận gỡ bài
          </button>{' '}
          <button
            type="button"
            className="btn btn--style-subtle btn--size-small cms-btn"
            disabled={busy}
            onClick={() => setOpen(false)}
          >
            Thôi
          </button>
        </div>
      )}
      {error && (
        <p className="cms-alert cms-alert--error" role="alert" id="withdraw-error">
          {error}
        </p>
      )}
    </div>
  )
}
