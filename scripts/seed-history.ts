/**
 * The demo's history: publications already out on each channel kind in 2025 and 2026 (with their
 * airings confirmed), reach and engagement of the social posts, and the courses held. Written as the
 * dispatcher and operators would have left them; figures come from a seeded generator, so every fresh
 * demo has the same history.
 */
import crypto from 'node:crypto'
import type { Payload } from 'payload'
import type { Publication } from '@/payload-types'
import {
  AiringStatus,
  ChannelKind,
  type ContentKind,
  DocStatus,
  EngagementSource,
  isBroadcastKind,
  PublicationStatus,
  TrainingStatus,
} from '@/vocabulary'
import { MEASURED, ROUTES, TRAININGS } from './seed-data/history'
import type { UnitKey } from './seed-data/units'

const HOUR = 3_600_000

/** mulberry32: a small seeded generator, so the demo's figures are the same on every fresh database. */
function generator(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type HistoryInput = {
  payload: Payload
  now: Date
  units: Map<UnitKey, string>
  channels: Map<string, { id: string; name: string; kind: ChannelKind }>
  /** The campaign a date belongs to (1155/QĐ-UBND to 2025, the 2026 plan after). */
  campaignOf: (at: Date) => string | undefined
}

export type HistoryCounts = { publications: number; observations: number; trainings: number }

export async function seedHistory({
  payload,
  now,
  units,
  channels,
  campaignOf,
}: HistoryInput): Promise<HistoryCounts> {
  const random = generator(1155)
  const between = (lo: number, hi: number) => Math.round(lo + random() * (hi - lo))
  const counts: HistoryCounts = { publications: 0, observations: 0, trainings: 0 }

  for (const kind of Object.keys(ROUTES) as ContentKind[]) {
    const items = await payload.find({
      collection: kind,
      where: {
        and: [
          { _status: { equals: DocStatus.Published } },
          { publishedAt: { less_than: now.toISOString() } },
        ],
      },
      pagination: false,
      limit: 0,
      depth: 0,
      overrideAccess: true,
      select: { title: true, publishedAt: true, ownerUnit: true },
    })
    for (const item of items.docs) {
      const onPage = new Date(item.publishedAt!)
      for (const route of ROUTES[kind]) {
        const channel = channels.get(route.channel)
        const at = new Date(onPage.getTime() + route.afterMinutes * 60_000)
        if (!channel || at > now) continue
        const broadcast = isBroadcastKind(channel.kind)
        const aired = random() < 0.9
        const planned = kind === 'videos' ? between(900, 1800) : between(180, 420)
        // The dispatcher's own write (publication records of the past): no schedule checks, as it would leave them.
        const pub = (await payload.create({
          collection: 'publications',
          context: { dispatcher: true },
          overrideAccess: true,
          depth: 0,
          data: {
            content: { relationTo: kind, value: String(item.id) },
            contentTitle: item.title,
            channel: channel.id,
            channelName: channel.name,
            channelKind: channel.kind,
            ownerUnit: typeof item.ownerUnit === 'object' ? item.ownerUnit?.id : item.ownerUnit,
            campaign: campaignOf(at),
            scheduledAt: at.toISOString(),
            status: PublicationStatus.Published,
            publishedAt: new Date(at.getTime() + between(1, 40) * 1000).toISOString(),
            idempotencyKey: crypto.randomUUID(),
            remoteId: `${route.channel}-${item.id}`.slice(0, 60),
            approval: { required: false },
            ...(broadcast
              ? {
                  airing: aired
                    ? {
                        status: AiringStatus.Aired,
                        actualDurationSeconds: planned + between(-20, 20),
                        confirmedAt: new Date(at.getTime() + 2 * HOUR).toISOString(),
                      }
                    : {
                        status: AiringStatus.NotAired,
                        note: 'Nhường sóng cho bản tin thời sự đột xuất',
                        confirmedAt: new Date(at.getTime() + 2 * HOUR).toISOString(),
                      },
                }
              : {}),
          } as Partial<Publication> as Publication,
        })) as Publication
        counts.publications++
        if (!MEASURED.includes(route.channel)) continue
        // A week and a month after posting: figures only grow.
        const base = {
          views: between(800, 6000),
          reach: between(2000, 15000),
          reactions: between(40, 600),
          shares: between(5, 120),
          comments: between(2, 60),
        }
        for (const [days, factor] of [
          [7, 1],
          [30, 1.6],
        ] as const) {
          const observedAt = new Date(at.getTime() + days * 24 * HOUR)
          if (observedAt > now) continue
          await payload.create({
            collection: 'engagement-observations',
            overrideAccess: true,
            depth: 0,
            data: {
              publication: pub.id,
              observedAt: observedAt.toISOString(),
              source: EngagementSource.Manual,
              views: Math.round(base.views * factor),
              reach: Math.round(base.reach * factor),
              reactions: Math.round(base.reactions * factor),
              shares: Math.round(base.shares * factor),
              comments: Math.round(base.comments * factor),
              ...(channel.kind === ChannelKind.Youtube
                ? { watchTimeSeconds: Math.round(base.views * factor * between(40, 120)) }
                : {}),
            },
          })
          counts.observations++
        }
      }
    }
  }

  for (const t of TRAININGS) {
    const startsOn = new Date(`${t.startsOn}T00:00:00+07:00`)
    if (startsOn > now) continue
    await payload.create({
      collection: 'trainings',
      overrideAccess: true,
      data: {
        title: t.title,
        ownerUnit: units.get(t.owner)!,
        campaign: campaignOf(startsOn),
        startsOn: startsOn.toISOString(),
        endsOn: new Date(`${t.endsOn}T00:00:00+07:00`).toISOString(),
        venue: t.venue,
        status: TrainingStatus.Held,
        totalTrainees: t.total,
        trainees: t.trainees,
      },
    })
    counts.trainings++
  }
  return counts
}
