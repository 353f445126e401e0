'use client'

import { useAuth } from '@payloadcms/ui'
import React, { useRef, useState, useSyncExternalStore } from 'react'
import { isCrossUnit } from '@/access/roles'
import { unitKinds } from '@/vocabulary'
import '../admin-views.css'

type Answer = { message?: string; errors?: { message: string }[] }

/** A subscription to nothing: with it, `ready` is false in the server's HTML and true once the scripts run. */
const noChange = () => () => {}

/**
 * Above the list of units' indicator figures: download a year's template (Sở TT&TT picks the unit
 * kind; a unit's editor gets their own unit's row) and send it back filled in. The whole file is
 * saved or nothing, and every problem is listed by row and column.
 */
export function FigureFileImport() {
  const { user } = useAuth()
  const [year, setYear] = useState(new Date().getFullYear())
  const [kind, setKind] = useState<string>('commune')
  const [answer, setAnswer] = useState<Answer | null>(null)
  const [busy, setBusy] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  // Enabled once the scripts run, so a file chosen earlier is not lost to a re-render.
  const ready = useSyncExternalStore(
    noChange,
    () => true,
    () => false,
  )
  if (!user) return null
  const cross = isCrossUnit(user)
  const template = (format: 'xlsx' | 'csv') =>
    `/api/indicator-reports/template?${new URLSearchParams({
      year: String(year),
      format,
      ...(cross ? { kind } : {}),
    })}`
  const send = async () => {
    const file = input.current?.files?.[0]
    if (!file) return setAnswer({ errors: [{ message: 'Chưa chọn tệp (.xlsx hoặc .csv).' }] })
    setBusy(true)
    const body = new FormData()
    body.set('file', file)
    // Payload reads a multipart request's fields from its `_payload` JSON.
    body.set('_payload', JSON.stringify({ year }))
    try {
      const res = await fetch('/api/indicator-reports/import', {
        method: 'POST',
        body,
        credentials: 'include',
      })
      const json = (await res.json()) as Answer
      setAnswer(json)
      if (res.ok) window.setTimeout(() => window.location.reload(), 1500)
    } catch {
      setAnswer({ errors: [{ message: 'Không gửi được tệp lên máy chủ; thử lại.' }] })
    } finally {
      setBusy(false)
    }
  }
  return (
    <section
      className="cms-figure-import"
      aria-labelledby="figure-import-title"
      style={{ marginBottom: 'var(--base)' }}
    >
      <h3 id="figure-import-title">Nhập số liệu bằng tệp Excel/CSV</h3>
      <div className="cms-cal__filters">
        <label className="cms-field">
          <span className="cms-field__label">Năm</span>
          <input
            id="figure-import-year"
            type="number"
            min={2000}
            max={2100}
            value={year}
            onChange={(e) => setYear(Number(e.target.value))}
          />
        </label>
        {cross && (
          <label className="cms-field">
            <span className="cms-field__label">Loại đơn vị</span>
            <select id="figure-import-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              {unitKinds.values.map((k) => (
                <option key={k} value={k}>
                  {unitKinds.label(k)}
                </option>
              ))}
            </select>
          </label>
        )}
        <p>
          Tải mẫu: <a href={template('xlsx')}>Excel (.xlsx)</a> · <a href={template('csv')}>CSV</a>
        </p>
        <label className="cms-field">
          <span className="cms-field__label">Tệp đã điền</span>
          <input
            id="figure-import-file"
            ref={input}
            disabled={!ready}
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={() => setAnswer(null)}
          />
        </label>
        <button type="button" className="btn btn--style-primary" disabled={busy} onClick={send}>
          {busy ? 'Đang nhập…' : 'Nhập số liệu'}
        </button>
      </div>
      {answer && (
        <div role="status" id="figure-import-outcome">
          {answer.message && <p>{answer.message}</p>}
          {!!answer.errors?.length && (
            <ul className="cms-alert cms-alert--error">
              {answer.errors.map((e, i) => (
                <li key={i}>{e.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  )
}
