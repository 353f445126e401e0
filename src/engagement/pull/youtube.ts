/**
 * YouTube videos: `GET /youtube/v3/videos?part=statistics&id=<up to 50 ids>` (1 quota unit a call)
 * with the channel's OAuth token, renewed through the same refresh path as sending
 * (https://developers.google.com/youtube/v3/docs/videos/list). statistics.viewCount, likeCount and
 * commentCount come as strings of digits; a video the API no longer returns is left out.
 */
import { briefly, classifyStatus, request } from '@/channels/http'
import { GOOGLE, oauthSession } from '@/channels/oauth'
import { ChannelError } from '@/channels/types'
import type { Figures } from '@/engagement/check'
import { batches, count, type Puller } from './types'

const DEFAULT_BASE = 'https://www.googleapis.com'
type Listing = {
  items?: { id?: string; statistics?: Record<string, string> }[]
  error?: { message?: string; errors?: { reason?: string }[] }
}

export const youtubePuller: Puller = {
  platform: 'YouTube',
  async pull(channel, items, context, limited) {
    const base = (channel.settings.apiBaseUrl || DEFAULT_BASE).replace(/\/$/, '')
    const session = oauthSession(channel, context, GOOGLE)
    const first = await session.token()
    let token = first.token
    let renewed = first.renewed
    const figures = new Map<string, Figures>()
    for (const batch of batches(items, 50)) {
      const url = `${base}/youtube/v3/videos?part=statistics&maxResults=50&id=${encodeURIComponent(batch.map((i) => i.remoteId).join(','))}`
      const get = () =>
        limited(() =>
          request(url, {
            timeoutMs: channel.settings.timeoutMs ?? undefined,
            headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
          }),
        )
      let res = await get()
      if (res.status === 401 && session.refreshable && !renewed) {
        token = await session.renew(token)
        renewed = true
        res = await get()
      }
      const listing = (res.json ?? {}) as Listing
      const reason = listing.error?.errors?.[0]?.reason
      if (res.status === 403 && reason && /quota|rateLimit/i.test(reason))
        throw new ChannelError(`YouTube hết hạn mức gọi API (${reason}).`, 'retry', 403)
      const failure = classifyStatus(
        res.status,
        briefly(listing.error?.message ?? res.text),
        res.headers,
      )
      if (failure) throw failure
      const byId = new Map((listing.items ?? []).map((v) => [String(v.id), v.statistics ?? {}]))
      for (const item of batch) {
        const stats = byId.get(item.remoteId)
        if (!stats) continue
        figures.set(item.publicationId, {
          views: count(stats.viewCount),
          reactions: count(stats.likeCount),
          comments: count(stats.commentCount),
        })
      }
    }
    return figures
  },
}
