'use client'

import React from 'react'
import { ReasonPrompt } from '../ReasonPrompt'

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
  return (
    <ReasonPrompt
      openLabel={label}
      fieldLabel="Lý do trả lại (bắt buộc)"
      inputId={id}
      submitLabel="Gửi trả lại"
      busy={busy}
      onSubmit={onReturn}
    />
  )
}
