import Link from 'next/link'
import type { AdminViewServerProps, PayloadRequest, Where } from 'payload'
import React from 'react'
import { AdminPage, param, requireUser } from '@/admin/AdminPage'
import { vnDayKey, vnTime, type DayKey } from '@/lib/time'
import type { Publication } from '@/payload-types'
import { publicationStatuses } from '@/vocabulary'
import {
  calendarRange,
  formatDay,
  parseDayKey,
  WEEKDAYS,
  WEEKDAYS_SHORT,
  type CalendarMode,
} from './dates'

/** The fields of a publication the calendar reads (its query selects only these). */
type CalendarDoc = Pick<
  Publication,
  | 'id'
  | 'contentTitle'
  | 'channelName'
  | 'scheduledAt'
  | 'status'
  | 'channel'
  | 'campaign'
  | 'ownerUnit'
>
type Option = { id: string; name: string }

/** More than this in one view means the filters are too wide; say so rather than render thousands. */
const MAX_ENTRIES = 1000
/** A month cell lists this many; the rest are behind a link to that day's week. */
const MONTH_CELL_ENTRIES = 4

async function options(
  req: PayloadRequest,
  collection: 'campaigns' | 'channels' | 'units',
): Promise<Option[]> {
  try {
    const found = await req.payload.find({
      collection,
      depth: 0,
      limit: 500,
      sort: 'name',
      overrideAccess: false,
      user: req.user,
      select: { name: true },
    })
    return found.docs.map((d) => ({ id: String(d.id), name: d.name }))
  } catch {
    return []
  }
}

type Filters = { campaign?: string; channel?: string; unit?: string }

function href(adminRoute: string, mode: CalendarMode, date: DayKey | undefined, filters: Filters) {
  const q = new URLSearchParams()
  q.set('view', mode)
  if (date) q.set('date', date)
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v)
  return `${adminRoute}/calendar?${q.toString()}`
}

function Entry({
  doc,
  adminRoute,
  detailed,
}: {
  doc: CalendarDoc
  adminRoute: string
  detailed: boolean
}) {
  const status = doc.status
  const title = doc.contentTitle || '(không tên)'
  const channelName = doc.channelName ?? undefined
  const label = publicationStatuses.label(status)
  return (
    <li>
      <Link
        className={`cms-cal__entry cms-status--${status}`}
        href={`${adminRoute}/collections/publications/${doc.id}`}
        title={`${vnTime(doc.scheduledAt)} · ${title} → ${channelName ?? ''} (${label})`}
        data-status={status}
        prefetch={false}
      >
        <span className="cms-cal__entry-time">{vnTime(doc.scheduledAt)}</span>
        <span className="cms-cal__entry-title">{title}</span>
        {channelName && <span className="cms-cal__entry-channel">{channelName}</span>}
        {detailed && <span className="cms-cal__entry-status">{label}</span>}
      </Link>
    </li>
  )
}

function Select({
  name,
  label,
  value,
  items,
}: {
  name: string
  label: string
  value?: string
  items: Option[]
}) {
  return (
    <label className="cms-field">
      <span className="cms-field__label">{label}</span>
      <select name={name} defaultValue={value ?? ''} id={`cal-filter-${name}`}>
        <option value="">Tất cả</option>
        {items.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  )
}

/**
 * `/admin/calendar`: the month or week of publications, in Vietnam time, filtered by campaign,
 * channel and unit through the query string (so a filtered view can be shared as a link). Reads
 * as the logged-in user, so everyone sees exactly the publications they may see.
 */
export async function CalendarView(props: AdminViewServerProps) {
  const { req, searchParams, adminRoute } = await requireUser(props, '/calendar')
  const mode: CalendarMode = param(searchParams, 'view') === 'week' ? 'week' : 'month'
  const today = vnDayKey(new Date())
  const anchor = parseDayKey(param(searchParams, 'date')) ?? today
  const filters: Filters = {
    campaign: param(searchParams, 'campaign'),
    channel: param(searchParams, 'channel'),
    unit: param(searchParams, 'unit'),
  }
  const range = calendarRange(mode, anchor)

  const [campaigns, channels, units] = await Promise.all([
    options(req, 'campaigns'),
    options(req, 'channels'),
    options(req, 'units'),
  ])

  const and: Where[] = [
    { scheduledAt: { greater_than_equal: range.from.toISOString() } },
    { scheduledAt: { less_than: range.to.toISOString() } },
  ]
  if (filters.campaign) and.push({ campaign: { equals: filters.campaign } })
  if (filters.channel) and.push({ channel: { equals: filters.channel } })
  if (filters.unit) and.push({ ownerUnit: { equals: filters.unit } })

  let docs: CalendarDoc[] = []
  let total = 0
  let forbidden = false
  try {
    const found = await req.payload.find({
      collection: 'publications',
      where: { and },
      sort: 'scheduledAt',
      limit: MAX_ENTRIES,
      depth: 0,
      overrideAccess: false,
      user: req.user,
      select: {
        contentTitle: true,
        channelName: true,
        scheduledAt: true,
        status: true,
        channel: true,
        campaign: true,
        ownerUnit: true,
      },
    })
    docs = found.docs
    total = found.totalDocs
  } catch {
    forbidden = true
  }

  const byDay = new Map<DayKey, CalendarDoc[]>()
  for (const doc of docs) {
    const key = vnDayKey(doc.scheduledAt)
    if (!byDay.has(key)) byDay.set(key, [])
    byDay.get(key)!.push(doc)
  }
  const counts = new Map<string, number>()
  for (const doc of docs) counts.set(doc.status, (counts.get(doc.status) ?? 0) + 1)
  const filtered = Object.values(filters).some(Boolean)
  const month = range.anchor.slice(0, 7)

  return (
    <AdminPage props={props} title="Lịch đăng">
      <div className="cms-cal" data-mode={mode}>
        <header className="cms-view__header">
          <div>
            <h1 className="cms-view__title">Lịch đăng</h1>
            <p className="cms-view__lead">
              Các lịch đăng theo giờ Việt Nam (UTC+7). Bấm vào một mục để mở và chỉnh sửa.
            </p>
          </div>
          <Link
            className="btn btn--style-primary btn--size-medium cms-btn"
            href={`${adminRoute}/schedule`}
            prefetch={false}
          >
            Lên lịch nhiều kênh
          </Link>
        </header>

        <div className="cms-cal__toolbar">
          <nav className="cms-cal__nav" aria-label="Điều hướng lịch">
            <Link
              className="cms-chip"
              href={href(adminRoute, mode, range.prev, filters)}
              prefetch={false}
              aria-label={mode === 'week' ? 'Tuần trước' : 'Tháng trước'}
            >
              ‹ Trước
            </Link>
            <Link
              className="cms-chip"
              href={href(adminRoute, mode, today, filters)}
              prefetch={false}
            >
              Hôm nay
            </Link>
            <Link
              className="cms-chip"
              href={href(adminRoute, mode, range.next, filters)}
              prefetch={false}
              aria-label={mode === 'week' ? 'Tuần sau' : 'Tháng sau'}
            >
              Sau ›
            </Link>
            <h2 className="cms-cal__title">{range.title}</h2>
          </nav>
          <div className="cms-cal__modes" role="group" aria-label="Kiểu xem">
            <Link
              className={`cms-chip${mode === 'month' ? ' cms-chip--active' : ''}`}
              href={href(adminRoute, 'month', anchor, filters)}
              prefetch={false}
              aria-current={mode === 'month' ? 'page' : undefined}
            >
              Tháng
            </Link>
            <Link
              className={`cms-chip${mode === 'week' ? ' cms-chip--active' : ''}`}
              href={href(adminRoute, 'week', anchor, filters)}
              prefetch={false}
              aria-current={mode === 'week' ? 'page' : undefined}
            >
              Tuần
            </Link>
          </div>
        </div>

        <form
          className="cms-cal__filters"
          method="get"
          action={`${adminRoute}/calendar`}
          aria-label="Bộ lọc lịch đăng"
        >
          <input type="hidden" name="view" value={mode} />
          <input type="hidden" name="date" value={anchor} />
          <Select name="campaign" label="Chiến dịch" value={filters.campaign} items={campaigns} />
          <Select name="channel" label="Kênh" value={filters.channel} items={channels} />
          <Select name="unit" label="Đơn vị" value={filters.unit} items={units} />
          <button type="submit" className="btn btn--style-secondary btn--size-medium cms-btn">
            Lọc
          </button>
          {filtered && (
            <Link className="cms-link" href={href(adminRoute, mode, anchor, {})} prefetch={false}>
              Bỏ lọc
            </Link>
          )}
        </form>

        <ul className="cms-cal__legend" aria-label="Chú giải trạng thái">
          {publicationStatuses.options.map(({ value, label }) => (
            <li key={value} className={`cms-badge cms-status--${value}`}>
              {label.vi}
              {counts.get(value) ? <strong> {counts.get(value)}</strong> : null}
            </li>
          ))}
        </ul>

        {forbidden && (
          <p className="cms-alert cms-alert--error">Bạn không có quyền xem lịch đăng.</p>
        )}
        {total > docs.length && (
          <p className="cms-alert cms-alert--warning">
            Chỉ hiển thị {docs.length}/{total} lịch đăng đầu tiên. Hãy lọc theo chiến dịch, kênh
            hoặc đơn vị.
          </p>
        )}
        {!forbidden && docs.length === 0 && (
          <p className="cms-cal__empty">
            {filtered
              ? 'Không có lịch đăng nào khớp bộ lọc trong khoảng thời gian này.'
              : 'Không có lịch đăng nào trong khoảng thời gian này.'}
          </p>
        )}

        <div
          className={`cms-cal__grid cms-cal__grid--${mode}`}
          role="grid"
          aria-label={range.title}
        >
          {/* ARIA rows (a grid's cells must sit in rows); display: contents keeps the CSS grid. */}
          <div className="cms-cal__row" role="row">
            {WEEKDAYS.map((w, i) => (
              <div key={w} className="cms-cal__weekday" role="columnheader">
                <span className="cms-cal__weekday-long">{w}</span>
                <span className="cms-cal__weekday-short">{WEEKDAYS_SHORT[i]}</span>
              </div>
            ))}
          </div>
          {weeksOf(range.days).map((week) => (
            <div key={week[0]} className="cms-cal__row" role="row">
              {week.map((day) => {
                const entries = byDay.get(day) ?? []
                const outside = mode === 'month' && day.slice(0, 7) !== month
                return (
                  <section
                    key={day}
                    role="gridcell"
                    className={`cms-cal__day${outside ? ' cms-cal__day--outside' : ''}${day === today ? ' cms-cal__day--today' : ''}`}
                    data-day={day}
                    aria-label={`${WEEKDAYS[range.days.indexOf(day) % 7]} ${formatDay(day)}: ${entries.length} lịch đăng`}
                  >
                    <div className="cms-cal__day-head">
                      <span className="cms-cal__day-number">
                        {mode === 'week' ? formatDay(day).slice(0, 5) : Number(day.slice(8, 10))}
                      </span>
                      {day === today && <span className="cms-cal__today">Hôm nay</span>}
                    </div>
                    {entries.length > 0 && (
                      <ul className="cms-cal__entries">
                        {(mode === 'month' ? entries.slice(0, MONTH_CELL_ENTRIES) : entries).map(
                          (doc) => (
                            <Entry
                              key={doc.id}
                              doc={doc}
                              adminRoute={adminRoute}
                              detailed={mode === 'week'}
                            />
                          ),
                        )}
                      </ul>
                    )}
                    {mode === 'month' && entries.length > MONTH_CELL_ENTRIES && (
                      <Link
                        className="cms-cal__more"
                        href={href(adminRoute, 'week', day, filters)}
                        prefetch={false}
                      >
                        +{entries.length - MONTH_CELL_ENTRIES} lịch đăng khác
                      </Link>
                    )}
                  </section>
                )
              })}
            </div>
          ))}
        </div>
      </div>
    </AdminPage>
  )
}

/** The days in rows of seven (a month view starts on a Monday and ends on a Sunday). */
function weeksOf(days: readonly string[]): string[][] {
  const weeks: string[][] = []
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7))
  return weeks
}

export default CalendarView
