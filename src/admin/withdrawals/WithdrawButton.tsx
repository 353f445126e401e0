'use client'

import { useAuth, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'
import { mayWithdrawFor } from '@/access/withdrawers'
import { DocStatus, PublicationStatus } from '@/vocabulary'
import { ReasonPrompt } from '../ReasonPrompt'
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
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (!id || !savedDocumentData || !mayWithdrawFor(user, savedDocumentData.ownerUnit)) return null
  const onePublication = collectionSlug === 'publications'
  const out = onePublication
    ? !savedDocumentData.withdrawnAt &&
      [PublicationStatus.Published, PublicationStatus.Sending].includes(savedDocumentData.status)
    : savedDocumentData._status === DocStatus.Published
  if (!out) return null

  const submit = async (reason: string) => {
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
      <ReasonPrompt
        openLabel="Gỡ bài"
        openId="withdraw-open"
        openSize="medium"
        intro={{
          id: 'withdraw-title',
          content: (
            <>
              <strong>Gỡ {what}?</strong> Việc gỡ trên từng kênh được theo dõi; kênh không cho gỡ tự
              động sẽ được đánh dấu cần người gỡ.
            </>
          ),
        }}
        fieldLabel="Lý do gỡ bài (bắt buộc)"
        inputId="withdraw-reason"
        submitLabel="Xác nhận gỡ bài"
        submitId="withdraw-confirm"
        submitStyle="primary"
        busy={busy}
        onSubmit={submit}
      />
      {error && (
        <p className="cms-alert cms-alert--error" role="alert" id="withdraw-error">
          {error}
        </p>
      )}
    </div>
  )
}
