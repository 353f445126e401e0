'use client'

import React, { useState } from 'react'

/** "Trả lại" opening a required reason, then "Gửi trả lại" / "Thôi": one publication or many. */
export function ReturnPrompt({
  id,
  busy,
  label = 'Trả lại',
  onReturn,
}: {
  id: string
  busy: boolean
  label?: string
  onReturn: (reason: string) => void
}) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  if (!open)
    return (
      <button
        type="button"
        className="btn btn--style-secondary btn--size-small cms-btn"
        disabled={busy}
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
    )
  return (
    <div style={{ marginTop: 8 }}>
      <label className="cms-field__label" htmlFor={id}>
        Lý do trả lại (bắt buộc)
      </label>
      <textarea
        id={id}
        rows={3}
        aria-required="true"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        style={{ width: '100%' }}
      />
      <button
        type="button"
        className="btn btn--style-secondary btn--size-small cms-btn"
        disabled={busy}
        onClick={() => onReturn(reason.trim())}
      >
        Gửi trả lại
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
  )
}
