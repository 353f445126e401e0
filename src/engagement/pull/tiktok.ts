/**
 * TikTok videos and photo posts: `POST /v2/video/query/?fields=id,view_count,like_count,comment_count,share_count`
 * with `{ filters: { video_ids: [≤ 20] } }`, scope video.list, 600 calls a minute per token
 * (https://developers.tiktok.com/doc/tiktok-api-v2-rate-limit). Only public posts have an id to
 * ask with; a private one kept its publish_id and is skipped.
 */
import { tiktokClient } from '@/channels/tiktokApi'
import type { Figures } from '@/engagement/check'
import { batches, count, type Puller } from './types'

type Video = {
  id?: string
  view_count?: number
  like_count?: number
  comment_count?: number
  share_count?: number
}

export const tiktokPuller: Puller = {
  platform: 'TikTok',
  async pull(channel, items, context, limited) {
    const tiktok = tiktokClient(channel, context, limited)
    const figures = new Map<string, Figures>()
    const posts = items.filter((i) => /^\d+$/.test(i.remoteId))
    for (const batch of batches(posts, 20)) {
      const data = await tiktok.call<{ videos?: Video[] }>(
        '/v2/video/query/?fields=id,view_count,like_count,comment_count,share_count',
        { filters: { video_ids: batch.map((i) => i.remoteId) } },
      )
      const byId = new Map((data.videos ?? []).map((v) => [String(v.id), v]))
      for (const item of batch) {
        const v = byId.get(item.remoteId)
        if (!v) continue
        figures.set(item.publicationId, {
          views: count(v.view_count),
          reactions: count(v.like_count),
          comments: count(v.comment_count),
          shares: count(v.share_count),
        })
      }
    }
    return figures
  },
}
