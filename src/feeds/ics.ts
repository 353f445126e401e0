import ical, {
  ICalEventStatus,
  type ICalTemporalPlainDateTimeStub,
  type ICalTemporalZonedDateTimeStub,
} from 'ical-generator'
import { serverUrl } from '@/lib/env'
import { TIME_ZONE } from '@/lib/time'
import { ContentKind } from '@/vocabulary'
import type { FeedData, FeedEntry } from './data'
import { feedDescription, feedTitle, feedUrl } from './render'

/**
 * ical-generator writes a native Date in a TZID zone using the *process's* local clock, so the
 * times would be right only on a server that happens to run in Vietnam time. It does convert
 * Temporal ZonedDateTime values properly; Node 20 has no Temporal, so this is the small part of
 * one it uses, with the wall-clock fields computed by Intl for the given zone.
 */
export function zoned(date: Date, timeZone: string): ICalTemporalZonedDateTimeStub {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  )
  const fields = {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  }
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  const dateText = `${pad(fields.year, 4)}-${pad(fields.month)}-${pad(fields.day)}`
  const wallText = `${dateText}T${pad(fields.hour)}:${pad(fields.minute)}:${pad(fields.second)}`
  const self: ICalTemporalZonedDateTimeStub = {
    ...fields,
    timeZoneId: timeZone,
    withTimeZone: (tz) => zoned(date, tz),
    toPlainDateTime: () => plain,
    toInstant: () => ({
      epochMilliseconds: date.getTime(),
      toJSON: () => date.toISOString(),
      toString: () => date.toISOString(),
      toZonedDateTimeISO: (tz) => zoned(date, tz),
    }),
    toJSON: () => `${wallText}[${timeZone}]`,
    toString: () => `${wallText}[${timeZone}]`,
  }
  const plain: ICalTemporalPlainDateTimeStub = {
    ...fields,
    toPlainDate: () => ({
      year: fields.year,
      month: fields.month,
      day: fields.day,
      toJSON: () => dateText,
      toString: () => dateText,
    }),
    toZonedDateTime: (tz) => {
      // Only ever asked for the zone it came from; any other would need a wall-clock → instant search.
      if (tz !== timeZone) throw new Error(`Không chuyển được giờ ${wallText} sang múi giờ ${tz}.`)
      return self
    },
    toJSON: () => wallText,
    toString: () => wallText,
  }
  return self
}

/** "+0700" for the zone's offset at `date`. */
function utcOffset(timeZone: string, date: Date): string {
  const z = zoned(date, timeZone)
  const wall = Date.UTC(z.year, z.month - 1, z.day, z.hour, z.minute, z.second)
  const minutes = Math.round((wall - Math.floor(date.getTime() / 1000) * 1000) / 60_000)
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`
}

/**
 * VTIMEZONE for a zone without daylight saving (Vietnam: UTC+7 all year since 1975), which RFC 5545
 * wants beside every TZID it references. Zones with DST get none (clients then fall back on the IANA name).
 */
export function fixedOffsetVtimezone(timeZone: string): string | null {
  const year = new Date().getUTCFullYear()
  const winter = utcOffset(timeZone, new Date(Date.UTC(year, 0, 15)))
  const summer = utcOffset(timeZone, new Date(Date.UTC(year, 6, 15)))
  if (winter !== summer) return null
  const name = `${winter.slice(0, 3)}${winter.slice(3) === '00' ? '' : winter.slice(3)}`
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${timeZone}`,
    `X-LIC-LOCATION:${timeZone}`,
    'BEGIN:STANDARD',
    `TZOFFSETFROM:${winter}`,
    `TZOFFSETTO:${winter}`,
    `TZNAME:${name}`,
    'DTSTART:19700101T000000',
    'END:STANDARD',
    'END:VTIMEZONE',
  ].join('\r\n')
}

const STATUS: Record<string, ICalEventStatus> = {
  planned: ICalEventStatus.TENTATIVE,
  postponed: ICalEventStatus.TENTATIVE,
  confirmed: ICalEventStatus.CONFIRMED,
  held: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
}

/** Calendar header values are written unescaped by ical-generator: keep them on one line. */
const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ').trim()

/** A stable UID per event, whatever feed, campaign filter or slug it is seen through. */
export function eventUid(entry: FeedEntry): string {
  let host = 'localhost'
  try {
    host = new URL(serverUrl()).hostname
  } catch {
    // keep localhost
  }
  return `event-${entry.item.id}@${host}`
}

/** One event entry added to `calendar`, in Vietnam time with its TZID; entries that are not dated events are skipped. */
function addEvent(calendar: ReturnType<typeof ical>, entry: FeedEntry) {
  const { item } = entry
  if (item.kind !== ContentKind.Events || !item.startsAt) return
  const start = new Date(item.startsAt)
  if (Number.isNaN(start.getTime())) return
  const end =
    item.endsAt && !Number.isNaN(new Date(item.endsAt).getTime()) ? new Date(item.endsAt) : null
  const online = entry.event?.onlineUrl
  const description = [
    item.text || item.summary,
    online ? `Trực tuyến: ${online}` : '',
    `Chi tiết: ${item.url}`,
  ]
    .filter(Boolean)
    .join('\n\n')
  const updated = new Date(item.updatedAt)
  calendar.createEvent({
    id: eventUid(entry),
    timezone: TIME_ZONE,
    start: zoned(start, TIME_ZONE),
    end: end ? zoned(end, TIME_ZONE) : null,
    stamp: updated,
    lastModified: updated,
    summary: item.title,
    description,
    location: item.venue || online || null,
    url: item.url,
    status: STATUS[entry.event?.status ?? ''] ?? null,
    categories: [{ name: 'Sự kiện' }],
  })
}

const calendarOf = (name: string, description: string, url: string) =>
  ical({
    prodId: { company: 'campaign-cms', product: 'feeds', language: 'VI' },
    name: oneLine(name),
    description: oneLine(description),
    source: url,
    url,
    ttl: 60 * 60,
    // No calendar-wide zone name: ical-generator would then write DTSTAMP and LAST-MODIFIED without their "Z".
    timezone: { name: null, generator: fixedOffsetVtimezone },
    x: { 'X-WR-TIMEZONE': TIME_ZONE },
  })

/** The events of a feed as an iCalendar (RFC 5545), times given in Vietnam time with their TZID. */
export function renderIcs(data: FeedData): string {
  const calendar = calendarOf(
    `${feedTitle(data)} – Sự kiện`,
    feedDescription(data),
    feedUrl(data, 'ics'),
  )
  for (const entry of data.entries) addEvent(calendar, entry)
  return calendar.toString()
}

/** One event as an iCalendar for "add to calendar" on the public page (the same UID as in the feeds). */
export function renderEventIcs(entry: FeedEntry, url: string): string {
  const calendar = calendarOf(entry.item.title, entry.item.summary, url)
  addEvent(calendar, entry)
  return calendar.toString()
}
