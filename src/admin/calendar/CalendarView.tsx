import Link from 'next/link'
import type { AdminViewServerProps, PayloadRequest } from 'payload'
import React from 'react'
import { AdminPage, param, requireUser } from '@/admin/AdminPage'
import { vnDayKey, type DayKey } from '@/lib/time'
import { CalendarKind, calendarKinds } from '@/vocabulary'
import { CalendarGrid } from './CalendarGrid'
import { calendarRange, parseDayKey, type CalendarMode } from './dates'
import { loadCalendarEntries, MAX_PER_KIND, type CalendarFilters } from './entries'
import type { CalendarEntry } from './entry'

type Option = { id: string; name: string }

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

type Filters = CalendarFilters & { kinds?: CalendarKind[] }

/** The kinds shown: all unless the query string names some (`kind=publication&kind=event`). */
function kindsOf(searchParams: AdminViewServerProps['searchParams']): CalendarKind[] | undefined {
  const raw = searchParams?.kind
  const asked = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter(calendarKinds.includes)
  return asked.length && asked.length < calendarKinds.values.length ? asked : undefined
}

function href(adminRoute: string, mode: CalendarMode, date: DayKey | undefined, filters: Filters) {
  const q = new URLSearchParams()
  q.set('view', mode)
  if (date) q.set('date', date)
  for (const [k, v] of Object.entries(filters)) {
    if (k === 'kinds')
      for (const kind of (v as CalendarKind[] | undefined) ?? []) q.append('kind', kind)
    else if (v) q.set(k, v as string)
  }
  return `${adminRoute}/calendar?${q.toString()}`
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
 * `/admin/calendar`: one calendar of the month or week, in Vietnam time: publications, events,
 * trainings, campaign phases and commissions due, with a legend and a filter per kind, and filters
 * by campaign, channel and unit through the query string (so a filtered view can be shared as a
 * link). Reads as the logged-in user, so everyone sees exactly what they may see. Publications not
 * yet sent can be dragged to another day (./CalendarGrid.tsx).
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
    kinds: kindsOf(searchParams),
  }
  const shownKinds = filters.kinds ?? calendarKinds.values
  const range = calendarRange(mode, anchor)

  const [campaigns, channels, units, results] = await Promise.all([
    options(req, 'campaigns'),
    options(req, 'channels'),
    options(req, 'units'),
    loadCalendarEntries(req, range, filters, shownKinds, adminRoute),
  ])
  const entries: CalendarEntry[] = shownKinds.flatMap((k) => results[k]?.entries ?? [])
  // All-day things (phases, courses) first on a day, then by time of day.
  entries.sort((x, y) => x.day.localeCompare(y.day) || (x.time ?? '').localeCompare(y.time ?? ''))
  const forbidden = shownKinds.filter((k) => results[k]?.forbidden)
  const truncated = shownKinds.filter((k) => (results[k]?.total ?? 0) > MAX_PER_KIND)
  const filtered = Object.values(filters).some((v) => (Array.isArray(v) ? v.length : v))
  const month = range.anchor.slice(0, 7)
  const weekHrefs = Object.fromEntries(
    range.days.map((d) => [d, href(adminRoute, 'week', d, filters)]),
  )
  const apiRoute = req.payload.config.routes.api

  return (
    <AdminPage props={props} title="Lịch đăng">
      <div className="cms-cal" data-mode={mode}>
        <header className="cms-view__header">
          <div>
            <h1 className="cms-view__title">Lịch đăng</h1>
            <p className="cms-view__lead">
              Lịch đăng, sự kiện, lớp đào tạo, giai đoạn chiến dịch và hạn đặt bài, theo giờ Việt
              Nam (UTC+7). Bấm vào một mục để mở; kéo nút ⠿ của một lịch đăng chưa gửi sang ngày
              khác để dời lịch (giữ nguyên giờ).
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
          aria-label="Bộ lọc lịch"
        >
          <input type="hidden" name="view" value={mode} />
          <input type="hidden" name="date" value={anchor} />
          <Select name="campaign" label="Chiến dịch" value={filters.campaign} items={campaigns} />
          <Select name="channel" label="Kênh" value={filters.channel} items={channels} />
          <Select name="unit" label="Đơn vị" value={filters.unit} items={units} />
          {/* The legend is the filter per kind: each kind's swatch, its count, and whether it shows. */}
          <fieldset className="cms-cal__legend" aria-label="Chú giải và lọc theo loại">
            <legend className="cms-field__label">Hiển thị</legend>
            {calendarKinds.options.map(({ value, label }) => (
              <label key={value} className={`cms-cal__kind cms-cal__kind--${value}`}>
                <input
                  type="checkbox"
                  name="kind"
                  value={value}
                  defaultChecked={shownKinds.includes(value)}
                  id={`cal-kind-${value}`}
                />
                <span className="cms-cal__swatch" aria-hidden="true" />
                {label.vi}
                {results[value] ? <strong> {results[value]!.entries.length}</strong> : null}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="btn btn--style-secondary btn--size-medium cms-btn">
            Lọc
          </button>
          {filtered && (
            <Link className="cms-link" href={href(adminRoute, mode, anchor, {})} prefetch={false}>
              Bỏ lọc
            </Link>
          )}
        </form>

        {forbidden.length > 0 && (
          <p className="cms-alert cms-alert--error">
            Bạn không có quyền xem: {forbidden.map((k) => calendarKinds.label(k)).join(', ')}.
          </p>
        )}
        {truncated.length > 0 && (
          <p className="cms-alert cms-alert--warning">
            Chỉ hiển thị {MAX_PER_KIND} mục đầu tiên của:{' '}
            {truncated.map((k) => calendarKinds.label(k)).join(', ')}. Hãy lọc theo chiến dịch, kênh
            hoặc đơn vị.
          </p>
        )}
        {entries.length === 0 && (
          <p className="cms-cal__empty">
            {filtered
              ? 'Không có mục nào khớp bộ lọc trong khoảng thời gian này.'
              : 'Không có mục nào trong khoảng thời gian này.'}
          </p>
        )}

        <CalendarGrid
          days={range.days}
          entries={entries}
          mode={mode}
          month={month}
          today={today}
          title={range.title}
          api={apiRoute}
          weekHrefs={weekHrefs}
        />
      </div>
    </AdminPage>
  )
}

export default CalendarView
