/**
 * The engagement pull: for every active social channel, the figures of its publications published
 * in the last N days, asked of the platform within its rate limit and stored as new dated
 * engagement observations (source "api"), which the rollup totals like typed-in ones. A channel
 * whose pull fails records why and when it will be tried again (channelState.recordPull); the
 * others go on. It runs beside the dispatcher and writes nothing the dispatcher reads, so it never
 * holds up sending.
 */
import pLimit from 'p-limit'
import type { Payload } from 'payload'
import { toChannelInfo } from '@/channels'
import { ChannelError } from '@/channels/types'
import { recordPull, tokenContext } from '@/dispatch/channelState'
import type { Figures } from '@/engagement/check'
import type { Channel } from '@/payload-types'
import {
  ChannelKind,
  ChannelStatus,
  EngagementSource,
  PublicationStatus,
  engagementMetrics,
} from '@/vocabulary'
import { facebookPuller } from './facebook'
import { limiterFor } from './limits'
import { tiktokPuller } from './tiktok'
import type { Puller } from './types'
import { youtubePuller } from './youtube'
import { zaloPuller } from './zalo'

export const PULLERS: Partial<Record<ChannelKind, Puller>> = {
  [ChannelKind.FacebookPage]: facebookPuller,
  [ChannelKind.Youtube]: youtubePuller,
  [ChannelKind.TikTok]: tiktokPuller,
  [ChannelKind.ZaloOa]: zaloPuller,
}

const env = (name: string, fallback: number) => Number(process.env[name] || fallback)

export type PullOptions = {
  /** Publications published within this many days (ENGAGEMENT_PULL_DAYS, default 30). */
  days?: number
  /** Only channels whose last pull failed and whose retry time has come (the retry tick). */
  onlyRetries?: boolean
  now?: Date
}

export type PullReport = {
  channels: number
  observations: number
  failed: { channel: string; name: string; message: string }[]
}

/** Runs one pull over every channel due for it; never throws for a channel's failure. */
export async function pullEngagement(
  payload: Payload,
  options: PullOptions = {},
): Promise<PullReport> {
  const now = options.now ?? new Date()
  const days = options.days ?? env('ENGAGEMENT_PULL_DAYS', 30)
  const since = new Date(now.getTime() - days * 86_400_000)
  const retryMs = env('ENGAGEMENT_PULL_RETRY_MINUTES', 60) * 60_000
  const channels = await payload.find({
    collection: 'channels',
    where: {
      and: [
        { kind: { in: Object.keys(PULLERS) } },
        // A channel waiting for new credentials is left alone until an admin fixes it.
        { status: { equals: ChannelStatus.Active } },
        ...(options.onlyRetries
          ? [{ 'engagementPull.retryAt': { less_than_equal: now.toISOString() } }]
          : []),
      ],
    },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const report: PullReport = { channels: 0, observations: 0, failed: [] }
  // A few channels at a time: each has its own platform limit, and the database is shared with sending.
  const limit = pLimit(env('ENGAGEMENT_PULL_CONCURRENCY', 2))
  await Promise.all(
    channels.docs.map((doc) =>
      limit(async () => {
        const puller = PULLERS[doc.kind]!
        report.channels++
        try {
          const stored = await pullChannel(payload, doc, puller, since, now)
          report.observations += stored
          await recordPull(payload, String(doc.id), { ok: true })
        } catch (err) {
          const e = err as ChannelError
          const message = `Lấy số liệu ${puller.platform} không được: ${e?.message ?? String(err)}`
          const wait = Math.max(retryMs, e instanceof ChannelError ? (e.retryAfterMs ?? 0) : 0)
          report.failed.push({ channel: String(doc.id), name: doc.name, message })
          await recordPull(payload, String(doc.id), {
            ok: false,
            message,
            retryAt: new Date(Date.now() + wait),
          })
        }
      }),
    ),
  )
  return report
}

/** One channel: its window's publications, the platform's figures, one new observation each. */
async function pullChannel(
  payload: Payload,
  doc: Channel,
  puller: Puller,
  since: Date,
  now: Date,
): Promise<number> {
  const pubs = await payload.find({
    collection: 'publications',
    where: {
      and: [
        { channel: { equals: doc.id } },
        { status: { equals: PublicationStatus.Published } },
        { publishedAt: { greater_than_equal: since.toISOString() } },
        { remoteId: { exists: true } },
      ],
    },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { remoteId: true, publishedAt: true },
  })
  const items = pubs.docs
    .filter((p) => p.remoteId)
    .map((p) => ({ publicationId: String(p.id), remoteId: String(p.remoteId) }))
  if (!items.length) return 0
  const channel = toChannelInfo(doc)
  const figures = await puller.pull(
    channel,
    items,
    tokenContext(payload, channel.id),
    limiterFor(doc.kind, channel.id),
  )
  let stored = 0
  const observedAt = now.toISOString()
  for (const [publicationId, values] of figures) {
    if (engagementMetrics.values.every((m) => values[m] == null)) continue
    await payload.create({
      collection: 'engagement-observations',
      data: {
        publication: publicationId,
        observedAt,
        ...definedFigures(values),
        source: EngagementSource.Api,
        note: `Lấy tự động từ ${puller.platform}.`,
      } as never,
      overrideAccess: true,
    })
    stored++
  }
  return stored
}

const definedFigures = (f: Figures) =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => v != null)) as Figures
