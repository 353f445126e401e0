import { ChannelKind, ContentKind } from '@/vocabulary'
import { briefly, classifyStatus, request, type HttpResult } from './http'
import { GOOGLE, oauthSession, tokenProblem } from './oauth'
import { ChannelError, type ChannelAdapter, type ChannelInfo, type Outbound } from './types'
import { commonProblems, outboundText } from './validate'

const DEFAULT_BASE = 'https://www.googleapis.com'

export function youtubeId(url?: string): string | undefined {
  if (!url) return undefined
  const m = url.match(
    /(?:youtube\.com\/(?:watch\?(?:.*&)?v=|shorts\/|embed\/|live\/)|youtu\.be\/)([\w-]{6,})/,
  )
  return m?.[1]
}

type YoutubeError = { error?: { code?: number; message?: string; errors?: { reason?: string }[] } }

/**
 * Sets a YouTube video's title, description and tags, and schedules it: private with `publishAt`
 * when the time is ahead, public otherwise. The video itself is uploaded by the station.
 *
 * Google access tokens last about an hour. With a client ID, client secret and refresh token the
 * adapter gets a new one when there is none, when the stored one has expired, or when YouTube
 * answers 401 (then it retries the call once), and hands it back to be stored on the channel for later sends.
 */
export const youtubeAdapter: ChannelAdapter = {
  kind: ChannelKind.Youtube,
  validate(channel, outbound) {
    const problems = commonProblems(channel, outbound, { title: 100, text: 5000 })
    if (outbound.content.kind !== ContentKind.Videos) problems.push('Kênh YouTube chỉ nhận video.')
    else if (!youtubeId(outbound.content.videoUrl))
      problems.push('Video chưa có đường dẫn YouTube, nên chưa thể đặt lịch trên YouTube.')
    const noToken = tokenProblem(channel, 'YouTube')
    if (noToken) problems.push(noToken)
    return problems
  },
  async publish(channel, outbound, context) {
    const session = oauthSession(channel, context, GOOGLE)
    const first = await session.token()
    let token = first.token
    let res = await updateVideo(channel, outbound, token)
    // Expired or revoked sooner than we knew: one new token, one more try.
    if (res.status === 401 && session.refreshable && !first.renewed) {
      token = await session.renew(token)
      res = await updateVideo(channel, outbound, token)
    }
    const reason = (res.json as YoutubeError | undefined)?.error?.errors?.[0]?.reason
    if (res.status === 403 && reason && /quota|rateLimit/i.test(reason)) {
      throw new ChannelError(`YouTube hết hạn mức gọi API (${reason}).`, 'retry', 403)
    }
    const failure = classifyStatus(
      res.status,
      briefly((res.json as YoutubeError)?.error?.message ?? res.text),
      res.headers,
    )
    if (failure) throw failure
    const id = youtubeId(outbound.content.videoUrl)!
    return { remoteId: id, url: `https://www.youtube.com/watch?v=${id}`, httpStatus: res.status }
  },
}

function updateVideo(channel: ChannelInfo, outbound: Outbound, token: string): Promise<HttpResult> {
  const id = youtubeId(outbound.content.videoUrl)!
  const base = (channel.settings.apiBaseUrl || DEFAULT_BASE).replace(/\/$/, '')
  const ahead = new Date(outbound.scheduledAt).getTime() > Date.now() + 60_000
  return request(`${base}/youtube/v3/videos?part=snippet,status`, {
    method: 'PUT',
    timeoutMs: channel.settings.timeoutMs ?? undefined,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      id,
      snippet: {
        title: outbound.content.title,
        description: `${outboundText(outbound)}\n\n${outbound.content.url}`,
        tags: outbound.hashtags.map((t) => t.replace(/^#/, '')),
        categoryId: '25',
        defaultLanguage: 'vi',
      },
      status: ahead
        ? { privacyStatus: 'private', publishAt: outbound.scheduledAt }
        : { privacyStatus: 'public' },
    }),
  })
}
