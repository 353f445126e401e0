'use client'

import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'
import { formatDateTimeVn, vnDayKey, vnMidnight } from '@/lib/time'
import { restMessage } from '../restMessage'
import { formatDay, WEEKDAYS, WEEKDAYS_SHORT, type CalendarMode } from './dates'
import type { CalendarEntry } from './entry'

/** A month cell lists this many; the rest are behind a link to that day's week. */
const MONTH_CELL_ENTRIES = 4

/** The same Vietnam time of day on another day: a move by drag changes the day, not the hour. */
export function movedTo(scheduledAt: string, day: string): string {
  const at = new Date(scheduledAt)
  const sinceMidnight = at.getTime() - vnMidnight(vnDayKey(at)).getTime()
  return new Date(vnMidnight(day).getTime() + sinceMidnight).toISOString()
}

function Entry({ entry, detailed }: { entry: CalendarEntry; detailed: boolean }) {
  const movable = !!entry.scheduledAt
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: entry.key,
    disabled: !movable,
    data: entry,
  })
  const style = transform
    ? {
        transform: `translate(${transform.x}px, ${transform.y}px)`,
        zIndex: 10,
        position: 'relative' as const,
      }
    : undefined
  const tip = [
    entry.time,
    entry.title,
    entry.detail && `→ ${entry.detail}`,
    entry.statusLabel && `(${entry.statusLabel})`,
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <li
      ref={setNodeRef}
      style={style}
      className={`cms-cal__item${isDragging ? ' cms-cal__item--dragging' : ''}`}
    >
      <Link
        className={`cms-cal__entry cms-cal__entry--${entry.kind}${entry.status ? ` cms-status--${entry.status}` : ''}`}
        href={entry.href}
        title={tip}
        data-kind={entry.kind}
        data-status={entry.status}
        data-overdue={entry.overdue ? 'true' : undefined}
        prefetch={false}
      >
        {entry.time && <span className="cms-cal__entry-time">{entry.time}</span>}
        <span className="cms-cal__entry-title">{entry.title}</span>
        {entry.detail && <span className="cms-cal__entry-channel">{entry.detail}</span>}
        {entry.overdue && <span className="cms-cal__entry-overdue">Quá hạn</span>}
        {detailed && entry.statusLabel && !entry.overdue && (
          <span className="cms-cal__entry-status">{entry.statusLabel}</span>
        )}
      </Link>
      {movable && (
        <button
          type="button"
          className="cms-cal__handle"
          aria-label={`Kéo để dời lịch đăng "${entry.title}" sang ngày khác`}
          data-drag={entry.id}
          {...attributes}
          {...listeners}
        >
          ⠿
        </button>
      )}
    </li>
  )
}

function Day({
  day,
  mode,
  month,
  today,
  entries,
  weekHref,
  weekday,
}: {
  day: string
  mode: CalendarMode
  month: string
  today: string
  entries: CalendarEntry[]
  weekHref: string
  weekday: string
}) {
  const { setNodeRef, isOver } = useDroppable({ id: day })
  const outside = mode === 'month' && day.slice(0, 7) !== month
  const shown = mode === 'month' ? entries.slice(0, MONTH_CELL_ENTRIES) : entries
  return (
    <section
      ref={setNodeRef}
      role="gridcell"
      className={`cms-cal__day${outside ? ' cms-cal__day--outside' : ''}${day === today ? ' cms-cal__day--today' : ''}${isOver ? ' cms-cal__day--over' : ''}`}
      data-day={day}
      aria-label={`${weekday} ${formatDay(day)}: ${entries.length} mục`}
    >
      <div className="cms-cal__day-head">
        <span className="cms-cal__day-number">
          {mode === 'week' ? formatDay(day).slice(0, 5) : Number(day.slice(8, 10))}
        </span>
        {day === today && <span className="cms-cal__today">Hôm nay</span>}
      </div>
      {shown.length > 0 && (
        <ul className="cms-cal__entries">
          {shown.map((entry) => (
            <Entry key={entry.key} entry={entry} detailed={mode === 'week'} />
          ))}
        </ul>
      )}
      {mode === 'month' && entries.length > MONTH_CELL_ENTRIES && (
        <Link className="cms-cal__more" href={weekHref} prefetch={false}>
          +{entries.length - MONTH_CELL_ENTRIES} mục khác
        </Link>
      )}
    </section>
  )
}

/**
 * The calendar's grid in the browser: every kind's entries on their days, and publications not yet
 * sent can be dragged to another day (by mouse, or by keyboard: space on the handle, arrows, space).
 * The move is an ordinary update of the publication, so the server runs the same schedule checks
 * as any change (collections/Publications/hooks/checkSchedule.ts); a refusal puts the entry back on
 * its day and shows the server's reason.
 */
export function CalendarGrid({
  days,
  entries: initial,
  mode,
  month,
  today,
  title,
  api,
  weekHrefs,
}: {
  days: string[]
  entries: CalendarEntry[]
  mode: CalendarMode
  month: string
  today: string
  title: string
  api: string
  weekHrefs: Record<string, string>
}) {
  const router = useRouter()
  // Moves made here, by entry key: shown at once, dropped again if the server refuses.
  const [moved, setMoved] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor),
  )

  const entries = initial.map((e) => (moved[e.key] ? { ...e, day: moved[e.key] } : e))
  const byDay = new Map<string, CalendarEntry[]>()
  for (const e of entries) byDay.set(e.day, [...(byDay.get(e.day) ?? []), e])

  const titleOf = (key: unknown) => entries.find((e) => e.key === key)?.title ?? ''

  const onDragEnd = async ({ active, over }: DragEndEvent) => {
    const entry = entries.find((e) => e.key === active.id)
    const day = over ? String(over.id) : null
    if (!entry?.scheduledAt || !day || day === entry.day) return
    const scheduledAt = movedTo(entry.scheduledAt, day)
    setMoved((m) => ({ ...m, [entry.key]: day }))
    setMessage(null)
    const res = await fetch(`${api}/publications/${entry.id}`, {
      method: 'PATCH',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scheduledAt }),
    })
    if (!res.ok) {
      const reason = await restMessage(res)
      // Snap back: the entry returns to the day the server still holds.
      setMoved((m) => {
        const next = { ...m }
        delete next[entry.key]
        return next
      })
      setMessage({ kind: 'error', text: `Không dời được "${entry.title}": ${reason}` })
      return
    }
    setMessage({
      kind: 'ok',
      text: `Đã dời "${entry.title}" sang ${formatDateTimeVn(scheduledAt)}.`,
    })
    router.refresh()
  }

  return (
    <DndContext
      sensors={sensors}
      onDragEnd={onDragEnd}
      accessibility={{
        // dnd-kit's own announcements are English and name the internal key: said in Vietnamese, by title.
        announcements: {
          onDragStart: ({ active }) => `Đã nhấc lịch đăng "${titleOf(active.id)}".`,
          onDragOver: ({ active, over }) =>
            over
              ? `Lịch đăng "${titleOf(active.id)}" đang ở trên ngày ${formatDay(String(over.id))}.`
              : `Lịch đăng "${titleOf(active.id)}" không ở trên ngày nào.`,
          onDragEnd: ({ active, over }) =>
            over
              ? `Đã thả lịch đăng "${titleOf(active.id)}" vào ngày ${formatDay(String(over.id))}.`
              : `Đã thả lịch đăng "${titleOf(active.id)}".`,
          onDragCancel: ({ active }) => `Đã hủy kéo lịch đăng "${titleOf(active.id)}".`,
        },
        screenReaderInstructions: {
          draggable:
            'Nhấn phím cách để nhấc lịch đăng, dùng phím mũi tên để chọn ngày, nhấn phím cách lần nữa để thả, Esc để hủy.',
        },
      }}
    >
      <div aria-live="polite" className="cms-cal__move" id="calendar-move">
        {message && (
          <p
            className={`cms-alert ${message.kind === 'error' ? 'cms-alert--error' : 'cms-alert--success'}`}
            role={message.kind === 'error' ? 'alert' : 'status'}
          >
            {message.text}
          </p>
        )}
      </div>
      <div className={`cms-cal__grid cms-cal__grid--${mode}`} role="grid" aria-label={title}>
        {/* ARIA rows (a grid's cells must sit in rows); display: contents keeps the CSS grid. */}
        <div className="cms-cal__row" role="row">
          {WEEKDAYS.map((w, i) => (
            <div key={w} className="cms-cal__weekday" role="columnheader">
              <span className="cms-cal__weekday-long">{w}</span>
              <span className="cms-cal__weekday-short">{WEEKDAYS_SHORT[i]}</span>
            </div>
          ))}
        </div>
        {weeksOf(days).map((week) => (
          <div key={week[0]} className="cms-cal__row" role="row">
            {week.map((day, i) => (
              <Day
                key={day}
                day={day}
                mode={mode}
                month={month}
                today={today}
                entries={byDay.get(day) ?? []}
                weekHref={weekHrefs[day]}
                weekday={WEEKDAYS[i]}
              />
            ))}
          </div>
        ))}
      </div>
    </DndContext>
  )
}

/** The days in rows of seven (a month view starts on a Monday and ends on a Sunday). */
function weeksOf(days: readonly string[]): string[][] {
  const weeks: string[][] = []
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7))
  return weeks
}
