import type { Payload } from 'payload'
import { rundownDay } from '@/channels/broadcast'
import { relationId } from '@/lib/relation'
import { vnMidnight, vnTime } from '@/lib/time'
import type { Channel, Publication } from '@/payload-types'
import {
  AiringStatus,
  channelKinds,
  contentKinds,
  isBroadcastKind,
  ON_RUNDOWN,
  PublicationStatus,
  type ChannelKind,
} from '@/vocabulary'

/** One slot of a station's day, as the printed rundown and the CSV show it. */
export type RundownRow = {
  publicationId: string
  /** The slot as an ISO instant. */
  scheduledAt: string
  /** HH:mm in Vietnam time. */
  time: string
  title: string
  /** The publication's lead-in for the station, if any. */
  message: string
  typeLabel: string
  plannedSeconds: number | null
  airingStatus: AiringStatus
  actualSeconds: number | null
  note: string
  confirmedByName: string
  confirmedAt: string | null
  flagged: boolean
  /** Scheduled but not yet placed in the rundown (its slot has not come). */
  planned: boolean
}

export type Rundown = {
  channel: { id: string; name: string; kind: ChannelKind; kindLabel: string; unitName: string }
  /** YYYY-MM-DD (Vietnam). */
  date: string
  /** DD/MM/YYYY. */
  dateLabel: string
  rows: RundownRow[]
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not), or null. */
export function parseRundownDate(value: unknown): string | null {
  const m = typeof value === 'string' ? DATE_RE.exec(value) : null
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return null
  if (y < 2000 || y > 2100) return null
  return value as string
}

/** The day's bounds as instants: Vietnam is UTC+7 all year, so a day is exactly 24 hours. */
export function dayBounds(date: string): { start: Date; end: Date } {
  const start = vnMidnight(date)
  return { start, end: new Date(start.getTime() + 24 * 3600 * 1000) }
}

export const dateLabel = (date: string) => date.split('-').reverse().join('/')

const numberOrNull = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null)

/** The broadcast channel, or null when it does not exist or is not a radio, TV or loudspeaker channel. */
export async function findBroadcastChannel(payload: Payload, id: string): Promise<Channel | null> {
  let channel: Channel | null
  try {
    channel = await payload.findByID({
      collection: 'channels',
      id,
      depth: 1,
      overrideAccess: true,
      disableErrors: true,
    })
  } catch {
    // Ids that are not ids at all (a malformed ObjectId on MongoDB) mean "no such channel".
    return null
  }
  return channel && isBroadcastKind(channel.kind) ? channel : null
}

function toRow(pub: Publication): RundownRow {
  const content = pub.content?.value
  const populated = content && typeof content === 'object' ? content : null
  const kind = pub.content?.relationTo
  const airing = pub.airing ?? {}
  const confirmer =
    airing.confirmedBy && typeof airing.confirmedBy === 'object' ? airing.confirmedBy : null
  const status: AiringStatus =
    airing.status === AiringStatus.Aired || airing.status === AiringStatus.NotAired
      ? airing.status
      : AiringStatus.Pending
  return {
    publicationId: String(pub.id),
    scheduledAt: new Date(pub.scheduledAt).toISOString(),
    time: vnTime(pub.scheduledAt),
    // The content's own title; the publication's copy of it when the content is gone.
    title: populated?.title ?? pub.contentTitle ?? '',
    message: pub.message ?? '',
    typeLabel: contentKinds.label(kind),
    // Only videos (and radio programmes, which are videos) have a planned duration.
    plannedSeconds:
      populated && 'durationSeconds' in populated ? numberOrNull(populated.durationSeconds) : null,
    airingStatus: status,
    actualSeconds:
      status === AiringStatus.Aired ? numberOrNull(airing.actualDurationSeconds) : null,
    note: airing.note ?? '',
    confirmedByName: confirmer ? String(confirmer.fullName ?? confirmer.email ?? '') : '',
    confirmedAt: airing.confirmedAt ?? null,
    flagged: status === AiringStatus.Pending && airing.flagged === true,
    planned: pub.status !== PublicationStatus.Published,
  }
}

/**
 * A station's rundown for one Vietnam day: every publication on the channel placed in the rundown
 * (status "published") or scheduled to be, whose slot falls on that day, in slot order. Read with overrideAccess: the
 * caller has already checked that someone is logged in, and every staff member may read rundowns.
 */
export async function loadRundown(
  payload: Payload,
  channel: Channel,
  date: string,
): Promise<Rundown> {
  const { start, end } = dayBounds(date)
  const found = await payload.find({
    collection: 'publications',
    where: {
      and: [
        { channel: { equals: channel.id } },
        // Placed in the rundown (published) or still to be placed at its slot: a rundown printed
        // the evening before must show tomorrow's plan.
        { status: { in: ON_RUNDOWN } },
        // Withdrawn ("gỡ bài"): off the rundown, so a slot not yet aired is not read on air.
        { withdrawnAt: { exists: false } },
        { scheduledAt: { greater_than_equal: start.toISOString() } },
        { scheduledAt: { less_than: end.toISOString() } },
      ],
    },
    sort: 'scheduledAt',
    depth: 1,
    limit: 0,
    pagination: false,
    overrideAccess: true,
  })
  const rows = found.docs
    .filter((pub) => rundownDay(pub.scheduledAt) === date)
    .map(toRow)
    .sort(
      (a, b) => a.scheduledAt.localeCompare(b.scheduledAt) || a.title.localeCompare(b.title, 'vi'),
    )
  const kind = channel.kind
  const unit = channel.ownerUnit && typeof channel.ownerUnit === 'object' ? channel.ownerUnit : null
  return {
    channel: {
      id: relationId(channel.id) ?? '',
      name: String(channel.name ?? ''),
      kind,
      kindLabel: channelKinds.label(kind),
      unitName: unit?.name ? String(unit.name) : '',
    },
    date,
    dateLabel: dateLabel(date),
    rows,
  }
}
