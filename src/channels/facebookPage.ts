import { ChannelKind } from '@/vocabulary'
import { briefly, classifyStatus, request, retryAfterMs } from './http'
import { ChannelError, type ChannelAdapter } from './types'
import { commonProblems, outboundText } from './validate'

const DEFAULT_BASE = 'https://graph.facebook.com/v21.0'
// Graph API error codes: 190/102 bad token; 4, 17, 32, 613 rate limits; 1, 2 temporary.
const REAUTH = new Set([102, 190])
const RATE = new Set([4, 17, 32, 613])
const TEMPORARY = new Set([1, 2])

type GraphError = { error?: { message?: string; code?: number; type?: string } }

/** A Facebook Page: a photo post when the content has an image, a link post otherwise. */
export const facebookPageAdapter: ChannelAdapter = {
  kind: ChannelKind.FacebookPage,
  validate(channel, outbound) {
    const problems = commonProblems(channel, outbound, { text: 63206 })
    if (!channel.settings.pageId) problems.push(`Kênh "${channel.name}" chưa có mã trang Facebook.`)
    if (!channel.settings.accessToken)
      problems.push(`Kênh "${channel.name}" chưa có mã truy cập trang.`)
    return problems
  },
  async publish(channel, outbound) {
    const base = (channel.settings.apiBaseUrl || DEFAULT_BASE).replace(/\/$/, '')
    const { content } = outbound
    const text = `${outboundText(outbound)}\n\n${content.url}`
    const [path, fields] = content.imageUrl
      ? ['photos', { url: content.imageUrl, caption: text }]
      : ['feed', { message: outboundText(outbound), link: content.url }]
    const res = await request(`${base}/${encodeURIComponent(channel.settings.pageId!)}/${path}`, {
      method: 'POST',
      timeoutMs: channel.settings.timeoutMs ?? undefined,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${channel.settings.accessToken}`,
      },
      body: JSON.stringify({ ...fields, published: true }),
    })
    const err = (res.json as GraphError | undefined)?.error
    if (err?.code !== undefined) {
      const detail = `Facebook: ${err.message ?? 'lỗi'} (mã ${err.code}).`
      if (REAUTH.has(err.code))
        throw new ChannelError(
          `Mã truy cập trang Facebook không còn hiệu lực. ${detail}`,
          'reauth',
          res.status,
        )
      // A Retry-After sent with a rate-limit or temporary error still sets the earliest next try.
      const after = retryAfterMs(res.headers.get('retry-after'))
      if (RATE.has(err.code))
        throw new ChannelError(
          `Facebook giới hạn tần suất gửi. ${detail}`,
          'retry',
          res.status,
          after,
        )
      if (TEMPORARY.has(err.code))
        throw new ChannelError(`Facebook tạm thời lỗi. ${detail}`, 'retry', res.status, after)
    }
    const failure = classifyStatus(
      res.status,
      err?.message ? `Facebook: ${err.message}` : briefly(res.text),
      res.headers,
    )
    if (failure) throw failure
    const json = res.json as { id?: string; post_id?: string }
    const remoteId = json?.post_id ?? json?.id
    if (!remoteId) throw new ChannelError('Facebook không trả về mã bài đăng.', 'retry', res.status)
    return { remoteId, url: `https://www.facebook.com/${remoteId}`, httpStatus: res.status }
  },
}
