import { ChannelKind, ContentKind } from '@/vocabulary'
import { briefly, classifyStatus, request, type HttpResult } from './http'
import { GOOGLE, oauthSession, tokenProblem } from './oauth'
import { carriesMarker, markedUrl } from './marker'
import {
  ChannelError,
  type ChannelAdapter,
  type ChannelInfo,
  type Outbound,
  type TokenContext,
} from './types'
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
    const res = await withToken(channel, context, (token) => updateVideo(channel, outbound, token))
    const failure = youtubeFailure(res)
    if (failure) throw failure
    const id = youtubeId(outbound.content.videoUrl)!
    return { remoteId: id, url: `https://www.youtube.com/watch?v=${id}`, httpStatus: res.status }
  },
  /**
   * The video's current state (`videos.list part=snippet,status`): the update went through when its
   * description carries the marker. Exact and immediate for the channel's own video (its owner reads
   * what the update wrote). The update itself is idempotent (the video exists already; a repeat
   * rewrites the same fields), so this only spares a second write and records what YouTube holds.
   */
  async lookup(channel, outbound, context) {
    const id = youtubeId(outbound.content.videoUrl)!
    const res = await withToken(channel, context, (token) =>
      request(
        `${apiBase(channel)}/youtube/v3/videos?part=snippet,status&id=${encodeURIComponent(id)}`,
        {
          timeoutMs: channel.settings.timeoutMs ?? undefined,
          headers: { authorization: `Bearer ${token}` },
        },
      ),
    )
    const failure = youtubeFailure(res)
    if (failure) throw failure
    const video = (res.json as { items?: { snippet?: { description?: string } }[] })?.items?.[0]
    if (!carriesMarker(video?.snippet?.description, outbound)) return { absent: true }
    return {
      found: {
        remoteId: id,
        url: `https://www.youtube.com/watch?v=${id}`,
        message: `Video YouTube ${id} đã mang thông tin của lần gửi trước; không gửi lại.`,
      },
    }
  },
  /** The station's video stays on the channel: withdrawing makes it private (`videos.update part=status`). */
  async remove(channel, remoteId, context) {
    const res = await withToken(channel, context, (token) =>
      request(`${apiBase(channel)}/youtube/v3/videos?part=status`, {
        method: 'PUT',
        timeoutMs: channel.settings.timeoutMs ?? undefined,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ id: remoteId, status: { privacyStatus: 'private' } }),
      }),
    )
    const failure = youtubeFailure(res)
    if (failure) throw failure
    return { done: `Video YouTube ${remoteId} đã chuyển sang riêng tư.` }
  },
}

const apiBase = (channel: ChannelInfo) =>
  (channel.settings.apiBaseUrl || DEFAULT_BASE).replace(/\/$/, '')

/** One call with the channel's token: on a 401 from a token we did not just get, one new token and one more try. */
async function withToken(
  channel: ChannelInfo,
  context: TokenContext,
  call: (token: string) => Promise<HttpResult>,
): Promise<HttpResult> {
  const session = oauthSession(channel, context, GOOGLE)
  const first = await session.token()
  const res = await call(first.token)
  if (res.status === 401 && session.refreshable && !first.renewed)
    return call(await session.renew(first.token))
  return res
}

function youtubeFailure(res: HttpResult): ChannelError | null {
  const reason = (res.json as YoutubeError | undefined)?.error?.errors?.[0]?.reason
  if (res.status === 403 && reason && /quota|rateLimit/i.test(reason)) {
    return new ChannelError(`YouTube hết hạn mức gọi API (${reason}).`, 'retry', 403)
  }
  return classifyStatus(
    res.status,
    briefly((res.json as YoutubeError)?.error?.message ?? res.text),
    res.headers,
  )
}

function updateVideo(channel: ChannelInfo, outbound: Outbound, token: string): Promise<HttpResult> {
  const id = youtubeId(outbound.content.videoUrl)!
  const ahead = new Date(outbound.scheduledAt).getTime() > Date.now() + 60_000
  return request(`${apiBase(channel)}/youtube/v3/videos?part=snippet,status`, {
    method: 'PUT',
    timeoutMs: channel.settings.timeoutMs ?? undefined,
    creates: true,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      id,
      snippet: {
        title: outbound.content.title,
        // The link to our page carries the marker the look-up reads back.
        description: `${outboundText(outbound)}\n\n${markedUrl(outbound.content.url, outbound)}`,
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
