import { TIME_ZONE } from '@/lib/time'

const dateFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
})
const longFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: TIME_ZONE,
  weekday: 'long',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
})
const timeFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})

/** "22/11/2026", Vietnam time. */
export const formatDate = (d?: string | null) => (d ? dateFormat.format(new Date(d)) : '')

/** "08:00 – 11:30, Thứ Bảy, 22/11/2026" (or across days), Vietnam time: how an event's time reads. */
export function formatEventTime(start: string, end?: string | null): string {
  const s = new Date(start)
  const e = end ? new Date(end) : null
  const day = longFormat.format(s)
  if (!e) return `${timeFormat.format(s)}, ${day}`
  if (dateFormat.format(s) === dateFormat.format(e))
    return `${timeFormat.format(s)} – ${timeFormat.format(e)}, ${day}`
  return `${timeFormat.format(s)}, ${day} – ${timeFormat.format(e)}, ${longFormat.format(e)}`
}

/** An instant as ISO 8601 with Vietnam's offset ("2026-11-22T08:00:00+07:00"), for JSON-LD and <time>. */
export function vnIso(d: string): string {
  const local = new Date(new Date(d).getTime() + 7 * 3_600_000).toISOString().slice(0, 19)
  return `${local}+07:00`
}

/** Seconds as an ISO 8601 duration (PT1H2M3S), for VideoObject. */
export function isoDuration(seconds?: number | null): string | undefined {
  if (!seconds) return undefined
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`
}
