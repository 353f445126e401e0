'use client'

import { useConfig } from '@payloadcms/ui'
import React, { useState } from 'react'
import { formatDateTimeVn } from '@/lib/time'
import { restMessage } from '../restMessage'

/**
 * One unit's row on the reports board: when the last reminder went, and "Gửi nhắc nhở" (POST
 * /api/report-reminders/send, which sends the email and records it). The refusal is shown as the
 * server words it; after a send the row shows the new time without reloading the board.
 */
export function RemindButton({
  unit,
  unitName,
  year,
  lastSentAt,
  canSend,
}: {
  unit: string
  unitName: string
  year: number
  lastSentAt: string | null
  canSend: boolean
}) {
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const [last, setLast] = useState(lastSentAt)
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null)

  const send = async () => {
    setBusy(true)
    setNote(null)
    try {
      const res = await fetch(`${api}/report-reminders/send`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ unit, year }),
      })
      if (!res.ok) throw new Error(await restMessage(res))
      const sent = (await res.json()) as { sentAt: string; recipients: string[] }
      setLast(sent.sentAt)
      setNote({ ok: true, text: `Đã gửi tới ${sent.recipients.length} người.` })
    } catch (err) {
      setNote({ ok: false, text: (err as Error).message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="cms-remind" data-remind={unit}>
      <span className="cms-remind__last" data-last-reminder={last ?? ''}>
        {last ? `Nhắc lần cuối: ${formatDateTimeVn(last)}` : 'Chưa nhắc'}
      </span>
      {canSend && (
        <button
          type="button"
          className="btn btn--style-secondary btn--size-small cms-btn"
          disabled={busy}
          aria-label={`Gửi nhắc nhở: ${unitName}`}
          onClick={send}
        >
          {busy ? 'Đang gửi…' : 'Gửi nhắc nhở'}
        </button>
      )}
      {note && (
        <span
          role={note.ok ? 'status' : 'alert'}
          className={note.ok ? 'cms-remind__ok' : 'cms-remind__error'}
        >
          {note.text}
        </span>
      )}
    </div>
  )
}
