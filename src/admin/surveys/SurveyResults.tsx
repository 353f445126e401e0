'use client'

import { useAuth, useConfig, useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'
import { Bar, BarChart, ResponsiveContainer, XAxis, YAxis } from 'recharts'
import { isCrossUnit } from '@/access/roles'
import type { Applied } from '@/surveys/apply'
import type { QuestionResult, SurveyResults as Results } from '@/surveys/results'
import { restMessage } from '../restMessage'
import './surveys.css'

type Loaded = Results & { link: string | null; qr: string | null }

const count = new Intl.NumberFormat('vi-VN')
const pct = (p: number | null) =>
  p == null
    ? '—'
    : `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(p * 100)} %`
const margin = (m: number | null) =>
  m == null
    ? ''
    : `± ${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(m * 100)} điểm %`

/** One question's answers: a bar per option (hidden from screen readers) beside the same in text. */
function QuestionChart({ q, n }: { q: QuestionResult; n: number }) {
  return (
    <figure className="cms-survey__q">
      <figcaption>
        <strong>
          {n}. {q.text}
        </strong>{' '}
        <span className="cms-survey__muted">({count.format(q.answered)} người trả lời)</span>
      </figcaption>
      <div className="cms-survey__chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={28 * q.options.length + 8}>
          <BarChart
            data={q.options.map((o) => ({ label: o.label, share: (o.share ?? 0) * 100 }))}
            layout="vertical"
            margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
            accessibilityLayer={false}
          >
            <XAxis type="number" domain={[0, 100]} hide />
            <YAxis type="category" dataKey="label" width={180} tick={{ fontSize: 12 }} />
            <Bar dataKey="share" fill="#2563eb" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="cms-survey__list">
        {q.options.map((o) => (
          <li key={o.value}>
            {o.label}: {count.format(o.count)} ({pct(o.share)})
          </li>
        ))}
      </ul>
    </figure>
  )
}

/**
 * A survey's results on its edit view: the link and QR code, the share who know and can use the
 * services (with its margin of error at 95 %), each question as a chart, the communes as a table,
 * the anonymous responses as XLSX or CSV, and, for Sở TT&TT, feeding the indicator forms.
 */
export function SurveyResults() {
  const { id } = useDocumentInfo()
  const { user } = useAuth()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const [data, setData] = useState<Loaded | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [applied, setApplied] = useState<Applied | null>(null)
  const [busy, setBusy] = useState(false)
  const base = `${api}/surveys/${id}`

  useEffect(() => {
    if (!id) return
    let live = true
    fetch(`${base}/ket-qua`, { credentials: 'include' })
      .then(async (res) => {
        if (!live) return
        if (res.ok) setData(await res.json())
        else setError(await restMessage(res))
      })
      .catch(() => live && setError('Không tải được kết quả khảo sát (mất kết nối?).'))
    return () => {
      live = false
    }
  }, [base, id])

  const apply = async () => {
    setBusy(true)
    setError(null)
    try {
      const res = await fetch(`${base}/dua-vao-chi-tieu`, {
        method: 'POST',
        credentials: 'include',
      })
      if (res.ok) setApplied(await res.json())
      else setError(await restMessage(res))
    } catch {
      setError('Không đưa được số liệu vào chỉ tiêu (mất kết nối?).')
    } finally {
      setBusy(false)
    }
  }

  if (!id) return null
  if (error && !data) return <p role="alert">{error}</p>
  if (!data) return <p aria-live="polite">Đang tải kết quả khảo sát…</p>
  return (
    <section className="cms-survey" aria-labelledby="cms-survey-title">
      <h3 id="cms-survey-title">Kết quả khảo sát</h3>
      {data.link && (
        <div className="cms-survey__share">
          {data.qr && (
            // A small PNG from our own server: next/image would add nothing here.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={data.qr} alt="Mã QR của khảo sát" width={120} height={120} />
          )}
          <div>
            <p>
              Đường dẫn trả lời:{' '}
              <a href={data.link} target="_blank" rel="noreferrer" id="survey-link">
                {data.link}
              </a>
            </p>
            <p>
              <a href={data.qr ?? '#'} download>
                Tải mã QR (PNG)
              </a>
            </p>
          </div>
        </div>
      )}
      <p className="cms-survey__headline" id="survey-headline">
        {count.format(data.total)} phiếu.{' '}
        {data.share != null && (
          <>
            Biết và sử dụng được dịch vụ công trực tuyến: <strong>{pct(data.share)}</strong>{' '}
            {margin(data.moe)} ({count.format(data.aware)}/{count.format(data.sample)}, độ tin cậy
            95 %)
          </>
        )}
      </p>
      <p>
        <a href={`${base}/phieu?format=xlsx`}>Tải phiếu trả lời (XLSX)</a> ·{' '}
        <a href={`${base}/phieu?format=csv`}>CSV</a>
      </p>
      {data.questions.map((q, i) => (
        <QuestionChart key={q.key} q={q} n={i + 1} />
      ))}
      {data.communes.length > 0 && (
        <table className="cms-survey__table" id="survey-communes">
          <caption>Theo xã, phường</caption>
          <thead>
            <tr>
              <th scope="col">Xã, phường</th>
              <th scope="col">Số phiếu</th>
              <th scope="col">Biết và sử dụng được</th>
              <th scope="col">Tỷ lệ</th>
              <th scope="col">Sai số (95 %)</th>
            </tr>
          </thead>
          <tbody>
            {data.communes.map((c) => (
              <tr key={c.commune ?? 'khac'}>
                <th scope="row">{c.name}</th>
                <td>{count.format(c.sample)}</td>
                <td>{count.format(c.aware)}</td>
                <td>{pct(c.share)}</td>
                <td>{margin(c.moe)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {isCrossUnit(user) && (
        <div className="cms-survey__apply">
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            onClick={apply}
            disabled={busy}
          >
            {busy ? 'Đang đưa vào…' : 'Đưa kết quả vào số liệu chỉ tiêu'}
          </button>
          {error && <p role="alert">{error}</p>}
          {applied && (
            <div role="status">
              <p>
                Đã ghi vào biểu mẫu chỉ tiêu năm {applied.year} của {applied.written.length} đơn vị:{' '}
                {applied.written.map((w) => `${w.name} (${w.aware}/${w.sample})`).join('; ') ||
                  'không có'}
                .
              </p>
              {applied.skipped.length > 0 && (
                <ul>
                  {applied.skipped.map((s) => (
                    <li key={`${s.unit}`}>
                      {s.name}: {s.reason}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </div>
      )}
    </section>
  )
}
