import { briefly, classifyStatus, request } from './http'
import { ChannelError, type ChannelAdapter } from './types'
import { commonProblems, outboundText } from './validate'

const DEFAULT_BASE = 'https://www.googleapis.com'

export function youtubeId(url?: string): string | undefined {
  if (!url) return undefined
  const m = url.match(/(?:youtube\.com\/(?:watch\?(?:.*&)?v=|shorts\/|embed\/|live\/)|youtu\.be\/)([\w-]{6,})/)
  return m?.[1]
}

type YoutubeError = { error?: { code?: number; message?: string; errors?: { reason?: string }[] } }

/**
 * Sets a YouTube video's title, description and tags, and schedules it: private with `publishAt`
 * when the time is ahead, public otherwise. The video itself is uploaded by the station.
 */
export const youtubeAdapter: ChannelAdapter = {
  kind: 'youtube',
  validate(channel, outbound) {
    const problems = commonProblems(channel, outbound, { title: 100, text: 5000 })
    if (outbound.content.kind !== 'videos') problems.push('Kênh YouTube chỉ nhận video.')
    else if (!youtubeId(outbound.content.videoUrl)) problems.push('Video chưa có đường dẫn YouTube, nên chưa thể đặt lịch trên YouTube.')
    if (!channel.settings.accessToken) problems.push(`Kênh "${channel.name}" chưa có mã truy cập YouTube.`)
    return problems
  },
  async publish(channel, outbound) {
    const id = youtubeId(outbound.content.videoUrl)!
    const base = (channel.settings.apiBaseUrl || DEFAULT_BASE).replace(/\/$/, '')
    const ahead = new Date(outbound.scheduledAt).getTime() > Date.now() + 60_000
    const res = await request(`${base}/youtube/v3/videos?part=snippet,status`, {
      method: 'PUT',
      timeoutMs: channel.settings.timeoutMs ?? undefined,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${channel.settings.accessToken}` },
      body: JSON.stringify({
        id,
        snippet: {
          title: outbound.content.title,
          description: `${outboundText(outbound)}\n\n${outbound.content.url}`,
          tags: outbound.hashtags.map((t) => t.replace(/^#/, '')),
          categoryId: '25',
          defaultLanguage: 'vi',
        },
        status: ahead ? { privacyStatus: 'private', publishAt: outbound.scheduledAt } : { privacyStatus: 'public' },
      }),
    })
    const reason = (res.json as YoutubeError | undefined)?.error?.errors?.[0]?.reason
    if (res.status === 403 && reason && /quota|rateLimit/i.test(reason)) {
      throw new ChannelError(`YouTube hết hạn mức gọi API (${reason}).`, 'retry', 403)
    }
    const failure = classifyStatus(res.status, briefly((res.json as YoutubeError)?.error?.message ?? res.text), res.headers)
    if (failure) throw failure
    return { remoteId: id, url: `https://www.youtube.com/watch?v=${id}`, httpStatus: res.status }
  },
}
