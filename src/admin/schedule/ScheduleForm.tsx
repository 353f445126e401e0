'use client'

import { DatePicker } from '@payloadcms/ui'
import Link from 'next/link'
import React, { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { ScheduleError, ScheduledPublication } from '@/endpoints/schedulePublications'
import { DATE_TIME_FORMAT, formatVietnamTime, parseVietnamLocal, vnDayKey } from '@/lib/time'
import { wallClockDate, wallClockString } from './wallClock'
import {
  contentKinds,
  DocStatus,
  HIDES_LIVE_CONTENT,
  PublicationStatus,
  publicationStatuses,
  type ContentKind,
} from '@/vocabulary'

export type ChannelChoice = {
  id: string
  name: string
  /** The kind's label, as shown. */
  kind: string
  /** The dedicated page: a time ahead holds its content back until then. */
  webPage: boolean
  disabled: boolean
  needsApproval: boolean
}
export type ContentChoice = {
  id: string
  title: string
  status?: DocStatus
  /** When the public page shows it from (src/content/visibility.ts); empty: as soon as published. */
  webVisibleFrom?: string | null
}
type Option = { id: string; name: string }

type Created = ScheduledPublication
type Refusal = ScheduleError

/** Already on the public page: published, and not held back by a web-page time still ahead. */
const isLive = (c: ContentChoice | null) =>
  c?.status === DocStatus.Published &&
  (!c.webVisibleFrom || new Date(c.webVisibleFrom).getTime() <= Date.now())

type Props = {
  adminRoute: string
  apiRoute: string
  initialKind: ContentKind
  initialContent: ContentChoice | null
  channels: ChannelChoice[]
  campaigns: Option[]
  initialCampaign: string
  /** Editors only schedule their own unit's content: the search looks there only. */
  ownUnit: string | null
  defaultTime: string
}

const splitTags = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((t) => t.trim())
    .filter(Boolean)

/** Finds content items by title through the REST API, as the logged-in user (drafts included). */
function useContentSearch(
  apiRoute: string,
  kind: ContentKind,
  query: string,
  ownUnit: string | null,
) {
  const [results, setResults] = useState<ContentChoice[]>([])
  const [loading, setLoading] = useState(false)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      setLoading(true)
      setFailed(false)
      const q = new URLSearchParams({
        limit: '30',
        depth: '0',
        sort: '-updatedAt',
        draft: 'true',
        'select[title]': 'true',
        'select[_status]': 'true',
        'select[webVisibleFrom]': 'true',
      })
      let i = 0
      if (query.trim()) q.set(`where[and][${i++}][title][like]`, query.trim())
      if (ownUnit) q.set(`where[and][${i++}][ownerUnit][equals]`, ownUnit)
      try {
        const res = await fetch(`${apiRoute}/${kind}?${q.toString()}`, {
          credentials: 'include',
          signal: controller.signal,
        })
        if (!res.ok) throw new Error(String(res.status))
        const body = (await res.json()) as {
          docs: { id: string; title: string; _status?: DocStatus; webVisibleFrom?: string | null }[]
        }
        setResults(
          body.docs.map((d) => ({
            id: String(d.id),
            title: d.title,
            status: d._status,
            webVisibleFrom: d.webVisibleFrom ?? null,
          })),
        )
      } catch (err) {
        if ((err as Error).name !== 'AbortError') {
          setResults([])
          setFailed(true)
        }
      } finally {
        if (!controller.signal.aborted) setLoading(false)
      }
    }, 250)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [apiRoute, kind, query, ownUnit])
  return { results, loading, failed }
}

/** The multi-channel scheduling form: nothing typed is lost when the server refuses. */
export function ScheduleForm(props: Props) {
  const { adminRoute, apiRoute, channels, campaigns } = props
  const ids = useId()
  const [kind, setKind] = useState<ContentKind>(props.initialKind)
  const [query, setQuery] = useState('')
  const [content, setContent] = useState<ContentChoice | null>(props.initialContent)
  const [selected, setSelected] = useState<string[]>([])
  const [publishNow, setPublishNow] = useState(false)
  const [when, setWhen] = useState(props.defaultTime)
  const [message, setMessage] = useState('')
  const [hashtags, setHashtags] = useState('')
  const [campaign, setCampaign] = useState(props.initialCampaign)
  const [submitting, setSubmitting] = useState(false)
  const [refusals, setRefusals] = useState<Refusal[]>([])
  // A confirmation answers for one item only: choosing another item asks again.
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null)
  const confirmHide = !!content && confirmedFor === content.id
  const [created, setCreated] = useState<Created[]>([])
  const { results, loading, failed } = useContentSearch(apiRoute, kind, query, props.ownUnit)
  const top = useRef<HTMLDivElement>(null)
  // The outcome appears above the form: bring it into view after each submission.
  useEffect(() => {
    if (refusals.length || created.length) top.current?.scrollIntoView({ block: 'nearest' })
  }, [refusals, created])

  const options = useMemo(() => {
    const list = [...results]
    if (content && !list.some((r) => r.id === content.id)) list.unshift(content)
    return list
  }, [results, content])
  const refusalByChannel = useMemo(
    () => new Map(refusals.filter((r) => r.channel).map((r) => [r.channel!, r.message])),
    [refusals],
  )
  const channelName = (id?: string) => channels.find((c) => c.id === id)?.name
  // A web-page time ahead would hide a live item until then: warned here before sending (the server
  // refuses it unless confirmed, and its refusal brings this warning back if the form did not know).
  const hidesLive =
    refusals.some((r) => r.code === HIDES_LIVE_CONTENT) ||
    (isLive(content) &&
      !publishNow &&
      selected.some((id) => channels.find((c) => c.id === id)?.webPage))

  const toggle = (id: string) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]))

  async function submit(event: React.FormEvent) {
    event.preventDefault()
    setCreated([])
    const local: Refusal[] = []
    if (!content) local.push({ message: 'Cần chọn nội dung cần đăng.' })
    if (!selected.length) local.push({ message: 'Cần chọn ít nhất một kênh đăng.' })
    if (!publishNow && (!when || Number.isNaN(parseVietnamLocal(when).getTime())))
      local.push({ message: 'Cần chọn thời điểm đăng hoặc chọn "Đăng ngay".' })
    if (local.length) {
      setRefusals(local)
      return
    }
    setSubmitting(true)
    setRefusals([])
    try {
      const res = await fetch(`${apiRoute}/schedule-publications`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          content: { relationTo: kind, value: content!.id },
          channels: selected,
          ...(publishNow
            ? { publishNow: true }
            : { scheduledAt: parseVietnamLocal(when).toISOString() }),
          message: message || undefined,
          hashtags: splitTags(hashtags),
          campaign: campaign || undefined,
          hideLiveUntilScheduled: hidesLive && confirmHide,
        }),
      })
      const body = (await res.json().catch(() => ({}))) as { docs?: Created[]; errors?: Refusal[] }
      if (res.status === 201 && body.docs) {
        setCreated(body.docs)
        // The channels are done; untick them so a second click cannot schedule them twice.
        setSelected([])
      } else if (res.status === 401) {
        setRefusals([
          {
            message:
              'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại (ở thẻ khác để giữ biểu mẫu này) rồi bấm "Lên lịch" lần nữa.',
          },
        ])
      } else {
        setRefusals(
          body.errors?.length
            ? body.errors
            : [{ message: `Máy chủ từ chối yêu cầu (mã ${res.status}).` }],
        )
      }
    } catch {
      setRefusals([
        { message: 'Không kết nối được máy chủ. Biểu mẫu vẫn giữ nguyên, hãy thử lại.' },
      ])
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <form className="cms-schedule" onSubmit={submit} noValidate aria-busy={submitting}>
      <div ref={top} />
      {refusals.length > 0 && (
        <div className="cms-alert cms-alert--error" role="alert" id="schedule-errors">
          <strong>
            {refusals.some((r) => r.channel)
              ? `Chưa lên lịch được: ${refusals.filter((r) => r.channel).length} kênh từ chối, chưa có lịch đăng nào được tạo. Sửa lại hoặc bỏ chọn kênh đó rồi bấm "Lên lịch".`
              : 'Chưa lên lịch được:'}
          </strong>
          <ul>
            {refusals.map((r, i) => (
              <li key={i}>
                {r.channel ? (
                  <strong>{r.channelName ?? channelName(r.channel) ?? r.channel}: </strong>
                ) : null}
                {r.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {created.length > 0 && (
        <div className="cms-alert cms-alert--success" role="status" id="schedule-created">
          <strong>Đã tạo {created.length} lịch đăng.</strong>
          <ul className="cms-schedule__created">
            {created.map((c) => (
              <li key={c.id}>
                <Link
                  className="cms-link"
                  href={`${adminRoute}/collections/publications/${c.id}`}
                  prefetch={false}
                >
                  {c.channelName ?? channelName(c.channel) ?? c.channel}
                </Link>{' '}
                <span className={`cms-badge cms-status--${c.status}`}>
                  {publicationStatuses.label(c.status)}
                </span>{' '}
                {formatVietnamTime(c.scheduledAt)}
              </li>
            ))}
          </ul>
          <Link
            className="cms-link"
            href={`${adminRoute}/calendar?view=week&date=${vnDayKey(created[0].scheduledAt)}`}
            prefetch={false}
          >
            Xem trên lịch đăng
          </Link>
        </div>
      )}

      <fieldset className="cms-fieldset">
        <legend>1. Nội dung</legend>
        <div className="cms-row">
          <label className="cms-field">
            <span className="cms-field__label">Loại nội dung</span>
            <select
              id="schedule-kind"
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as ContentKind)
                setContent(null)
              }}
            >
              {contentKinds.options.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label.vi}
                </option>
              ))}
            </select>
          </label>
          <label className="cms-field cms-field--grow">
            <span className="cms-field__label">Tìm theo tiêu đề</span>
            <input
              id="schedule-search"
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder="Gõ vài chữ trong tiêu đề…"
            />
          </label>
        </div>
        <label className="cms-field">
          <span className="cms-field__label">
            Nội dung cần đăng <span className="cms-required">*</span>
          </span>
          <select
            id="schedule-content"
            value={content?.id ?? ''}
            onChange={(e) => setContent(options.find((o) => o.id === e.target.value) ?? null)}
            aria-describedby={`${ids}-content-help`}
          >
            <option value="">
              {loading
                ? 'Đang tải…'
                : options.length
                  ? '— Chọn nội dung —'
                  : 'Không tìm thấy nội dung nào'}
            </option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
                {o.status === DocStatus.Draft ? ' (bản nháp)' : ''}
              </option>
            ))}
          </select>
          <span className="cms-help" id={`${ids}-content-help`}>
            {failed
              ? 'Không tải được danh sách nội dung.'
              : props.ownUnit
                ? 'Chỉ hiện nội dung của đơn vị bạn, mới sửa nhất trước.'
                : 'Mới sửa nhất trước.'}
          </span>
        </label>
      </fieldset>

      <fieldset className="cms-fieldset">
        <legend>
          2. Kênh đăng <span className="cms-required">*</span>
          {selected.length > 0 && <span className="cms-muted"> · đã chọn {selected.length}</span>}
        </legend>
        {channels.length === 0 && <p className="cms-muted">Chưa có kênh nào.</p>}
        <ul className="cms-channels">
          {channels.map((c) => {
            const refusal = refusalByChannel.get(c.id)
            return (
              <li
                key={c.id}
                className={`cms-channel${refusal ? ' cms-channel--error' : ''}${c.disabled ? ' cms-channel--disabled' : ''}`}
              >
                <label>
                  <input
                    type="checkbox"
                    name="channels"
                    value={c.id}
                    checked={selected.includes(c.id)}
                    onChange={() => toggle(c.id)}
                    disabled={c.disabled}
                  />
                  <span className="cms-channel__name">{c.name}</span>
                  <span className="cms-muted">{c.kind}</span>
                  {c.needsApproval && (
                    <span className={`cms-badge cms-status--${PublicationStatus.AwaitingApproval}`}>
                      Cần duyệt
                    </span>
                  )}
                  {c.disabled && (
                    <span className={`cms-badge cms-status--${PublicationStatus.Cancelled}`}>
                      Tạm dừng
                    </span>
                  )}
                </label>
                {refusal && <p className="cms-channel__error">{refusal}</p>}
              </li>
            )
          })}
        </ul>
        {channels.some((c) => c.needsApproval) && (
          <p className="cms-help">
            Kênh “Cần duyệt” thuộc đơn vị khác: lịch đăng sẽ chờ quản lý chiến dịch (Sở TT&TT) duyệt
            rồi mới gửi.
          </p>
        )}
      </fieldset>

      <fieldset className="cms-fieldset">
        <legend>3. Thời điểm đăng</legend>
        <div className="cms-row">
          <div className="cms-field">
            <label className="cms-field__label" htmlFor="schedule-when">
              Ngày giờ (giờ Việt Nam)
            </label>
            {/* Payload's picker with the admin's dd/MM/yyyy HH:mm, not the browser's own format. */}
            <DatePicker
              pickerAppearance="dayAndTime"
              displayFormat={DATE_TIME_FORMAT}
              timeFormat="HH:mm"
              timeIntervals={15}
              readOnly={publishNow}
              value={when ? wallClockDate(when) : undefined}
              onChange={(d: Date | null) => setWhen(d ? wallClockString(d) : '')}
              overrides={{ id: 'schedule-when', autoComplete: 'off' }}
            />
          </div>
          <label className="cms-check">
            <input
              id="schedule-now"
              type="checkbox"
              checked={publishNow}
              onChange={(e) => setPublishNow(e.target.checked)}
            />
            Đăng ngay
          </label>
        </div>
        {hidesLive && (
          <div className="cms-alert cms-alert--warning" role="alert" id="schedule-hides-live">
            <p>
              <strong>Nội dung này đang hiện trên chuyên trang.</strong> Lên lịch đăng lên chuyên
              trang vào thời điểm sau sẽ <strong>ẩn nó khỏi chuyên trang cho đến giờ đăng</strong>{' '}
              (đường dẫn đã chia sẻ sẽ báo “Không tìm thấy trang”). Nếu không muốn ẩn, hãy chọn
              “Đăng ngay” hoặc bỏ chọn kênh chuyên trang.
            </p>
            <label className="cms-check">
              <input
                id="schedule-confirm-hide"
                type="checkbox"
                checked={confirmHide}
                onChange={(e) => setConfirmedFor(e.target.checked ? (content?.id ?? null) : null)}
              />
              Tôi hiểu, ẩn nội dung khỏi chuyên trang cho đến giờ đăng
            </label>
          </div>
        )}
      </fieldset>

      <fieldset className="cms-fieldset">
        <legend>4. Lời dẫn, hashtag, chiến dịch</legend>
        <label className="cms-field">
          <span className="cms-field__label">Lời dẫn cho kênh</span>
          <textarea
            id="schedule-message"
            rows={4}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            placeholder="Để trống sẽ dùng phần tóm tắt của nội dung."
          />
        </label>
        <div className="cms-row cms-row--top">
          <label className="cms-field cms-field--grow">
            <span className="cms-field__label">Hashtag</span>
            <input
              id="schedule-hashtags"
              type="text"
              value={hashtags}
              onChange={(e) => setHashtags(e.target.value)}
              placeholder="#chuyendoiso #VNeID"
            />
            <span className="cms-help">Cách nhau bằng dấu cách hoặc dấu phẩy.</span>
          </label>
          <label className="cms-field cms-field--grow">
            <span className="cms-field__label">Chiến dịch</span>
            <select
              id="schedule-campaign"
              value={campaign}
              onChange={(e) => setCampaign(e.target.value)}
            >
              <option value="">— Không thuộc chiến dịch —</option>
              {campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      </fieldset>

      <div className="cms-actions">
        <button
          type="submit"
          className="btn btn--style-primary btn--size-medium cms-btn"
          disabled={submitting}
        >
          {submitting
            ? 'Đang lên lịch…'
            : selected.length > 1
              ? `Lên lịch trên ${selected.length} kênh`
              : 'Lên lịch'}
        </button>
        <Link className="cms-link" href={`${adminRoute}/calendar`} prefetch={false}>
          Xem lịch đăng
        </Link>
      </div>
    </form>
  )
}
