/**
 * Facebook Page posts: one Graph call per 50 posts, `GET /?ids=…&fields=…` (multiple-ID read) with
 * field expansion for the counts and the post's lifetime insights:
 * - reactions.summary(total_count) and comments.summary(total_count) with limit(0), shares.count
 *   (https://developers.facebook.com/docs/graph-api/reference/post/);
 * - insights.metric(post_media_view, post_total_media_view_unique): views and reach, the metrics
 *   that replaced post_impressions / post_impressions_unique when those were deprecated
 *   (https://developers.facebook.com/docs/platforminsights/page/deprecated-metrics).
 * Errors are Graph's `{ error: { code, message } }`: 190 a bad token, 4/17/32/613 rate limits.
 */
import { briefly, classifyStatus, request, retryAfterMs } from '@/channels/http'
import { ChannelError } from '@/channels/types'
import type { Figures } from '@/engagement/check'
import { batches, count, type Puller } from './types'

const DEFAULT_BASE = 'https://graph.facebook.com/v21.0'
const FIELDS =
  'shares,reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0),insights.metric(post_media_view,post_total_media_view_unique)'

type GraphPost = {
  shares?: { count?: number }
  reactions?: { summary?: { total_count?: number } }
  comments?: { summary?: { total_count?: number } }
  insights?: { data?: { name?: string; values?: { value?: unknown }[] }[] }
}
type GraphError = { error?: { message?: string; code?: number } }

const insight = (post: GraphPost, name: string) =>
  count(post.insights?.data?.find((d) => d.name === name)?.values?.[0]?.value)

export const facebookPuller: Puller = {
  platform: 'Facebook',
  async pull(channel, items, _context, limited) {
    const base = (channel.settings.apiBaseUrl || DEFAULT_BASE).replace(/\/$/, '')
    const figures = new Map<string, Figures>()
    for (const batch of batches(items, 50)) {
      const url = `${base}/?ids=${encodeURIComponent(batch.map((i) => i.remoteId).join(','))}&fields=${encodeURIComponent(FIELDS)}`
      const res = await limited(() =>
        request(url, {
          timeoutMs: channel.settings.timeoutMs ?? undefined,
          headers: { authorization: `Bearer ${channel.settings.accessToken}` },
        }),
      )
      const err = (res.json as GraphError | undefined)?.error
      if (err?.code !== undefined) {
        const detail = `Facebook: ${err.message ?? 'lỗi'} (mã ${err.code}).`
        if (err.code === 190 || err.code === 102)
          throw new ChannelError(
            `Mã truy cập trang Facebook không còn hiệu lực. ${detail}`,
            'reauth',
            res.status,
          )
        if ([4, 17, 32, 613].includes(err.code))
          throw new ChannelError(
            `Facebook giới hạn tần suất gọi. ${detail}`,
            'retry',
            res.status,
            retryAfterMs(res.headers.get('retry-after')),
          )
        throw new ChannelError(
          `Facebook từ chối yêu cầu số liệu. ${detail}`,
          'permanent',
          res.status,
        )
      }
      const failure = classifyStatus(res.status, briefly(res.text), res.headers)
      if (failure) throw failure
      const posts = (res.json ?? {}) as Record<string, GraphPost>
      for (const item of batch) {
        const post = posts[item.remoteId]
        if (!post) continue
        figures.set(item.publicationId, {
          views: insight(post, 'post_media_view'),
          reach: insight(post, 'post_total_media_view_unique'),
          reactions: count(post.reactions?.summary?.total_count),
          comments: count(post.comments?.summary?.total_count),
          // Graph leaves `shares` out of a post nobody shared.
          shares: count(post.shares?.count ?? 0),
        })
      }
    }
    return figures
  },
}
