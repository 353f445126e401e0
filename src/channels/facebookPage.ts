import { ChannelKind } from '@/vocabulary'
import { briefly, classifyStatus, request, retryAfterMs, type HttpResult } from './http'
import { carriesMarker, lookupSince, markedUrl } from './marker'
import { ChannelError, type ChannelAdapter, type ChannelInfo } from './types'
import { commonProblems, outboundText } from './validate'

const DEFAULT_BASE = 'https://graph.facebook.com/v21.0'
// Graph API error codes: 190/102 bad token; 4, 17, 32, 613 rate limits; 1, 2 temporary.
const REAUTH = new Set([102, 190])
const RATE = new Set([4, 17, 32, 613])
const TEMPORARY = new Set([1, 2])

type GraphError = { error?: { message?: string; code?: number; type?: string } }
type GraphPost = {
  id: string
  message?: string
  created_time?: string
  attachments?: { data?: { unshimmed_url?: string; url?: string }[] }
}
type GraphPage = { data?: GraphPost[]; paging?: { next?: string } }

/** How far back a look-up pages through the page's posts at most (pages of 100). */
const LOOKUP_PAGES = 10

const base = (channel: ChannelInfo) =>
  (channel.settings.apiBaseUrl || DEFAULT_BASE).replace(/\/$/, '')
const auth = (channel: ChannelInfo) => ({
  authorization: `Bearer ${channel.settings.accessToken}`,
})

/** Graph's error body as the adapter's failure classes, or null when the call succeeded. */
function graphFailure(res: HttpResult): ChannelError | null {
  const err = (res.json as GraphError | undefined)?.error
  if (err?.code !== undefined) {
    const detail = `Facebook: ${err.message ?? 'lỗi'} (mã ${err.code}).`
    if (REAUTH.has(err.code))
      return new ChannelError(
        `Mã truy cập trang Facebook không còn hiệu lực. ${detail}`,
        'reauth',
        res.status,
      )
    // A Retry-After sent with a rate-limit or temporary error still sets the earliest next try.
    const after = retryAfterMs(res.headers.get('retry-after'))
    if (RATE.has(err.code))
      return new ChannelError(
        `Facebook giới hạn tần suất gửi. ${detail}`,
        'retry',
        res.status,
        after,
      )
    if (TEMPORARY.has(err.code))
      return new ChannelError(`Facebook tạm thời lỗi. ${detail}`, 'retry', res.status, after)
  }
  return classifyStatus(
    res.status,
    err?.message ? `Facebook: ${err.message}` : briefly(res.text),
    res.headers,
  )
}

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
    const { content } = outbound
    // The link carries the send's marker (a tracking parameter), which the look-up searches for.
    const link = markedUrl(content.url, outbound)
    const [path, fields] = content.imageUrl
      ? ['photos', { url: content.imageUrl, caption: `${outboundText(outbound)}\n\n${link}` }]
      : ['feed', { message: outboundText(outbound), link }]
    const res = await request(
      `${base(channel)}/${encodeURIComponent(channel.settings.pageId!)}/${path}`,
      {
        method: 'POST',
        timeoutMs: channel.settings.timeoutMs ?? undefined,
        headers: { 'content-type': 'application/json', ...auth(channel) },
        body: JSON.stringify({ ...fields, published: true }),
        creates: true,
      },
    )
    const failure = graphFailure(res)
    if (failure) throw failure
    const json = res.json as { id?: string; post_id?: string }
    const remoteId = json?.post_id ?? json?.id
    if (!remoteId) throw new ChannelError('Facebook không trả về mã bài đăng.', 'retry', res.status)
    return { remoteId, url: `https://www.facebook.com/${remoteId}`, httpStatus: res.status }
  },
  /**
   * The page's own posts since the send was due (`/{page-id}/published_posts`, newest first, with
   * each post's message and its link attachment's `unshimmed_url`), searched for the marker. Sure
   * for the page's own posts: Graph lists a post as soon as it answered its creation, and the
   * dispatcher asks no sooner than a lease or a backoff (at least 24 s) after the send in doubt,
   * well past the seconds Graph takes. More than 1,000 posts since then: a person decides.
   */
  async lookup(channel, outbound) {
    const since = Math.floor(lookupSince(outbound) / 1000)
    const fields = 'id,message,created_time,attachments{unshimmed_url,url}'
    let url: string | undefined =
      `${base(channel)}/${encodeURIComponent(channel.settings.pageId!)}/published_posts?` +
      new URLSearchParams({ fields, since: String(since), limit: '100' }).toString()
    for (let page = 0; url && page < LOOKUP_PAGES; page++) {
      const res = await request(url, {
        timeoutMs: channel.settings.timeoutMs ?? undefined,
        headers: auth(channel),
      })
      const failure = graphFailure(res)
      if (failure) throw failure
      const body = (res.json ?? {}) as GraphPage
      const post = (body.data ?? []).find(
        (p) =>
          carriesMarker(p.message, outbound) ||
          (p.attachments?.data ?? []).some(
            (a) => carriesMarker(a.unshimmed_url, outbound) || carriesMarker(a.url, outbound),
          ),
      )
      if (post)
        return {
          found: {
            remoteId: post.id,
            url: `https://www.facebook.com/${post.id}`,
            message: `Đã tìm thấy bài trên trang Facebook (mã ${post.id}) từ lần gửi trước; không gửi lại.`,
          },
        }
      url = body.paging?.next
    }
    if (url)
      throw new ChannelError(
        `Trang Facebook có hơn ${LOOKUP_PAGES * 100} bài từ giờ đăng; không chắc bài đã lên hay chưa, cần người kiểm tra trước khi gửi lại.`,
        'permanent',
      )
    return { absent: true }
  },
  /** `DELETE /{post-id}`; a post already gone (Graph 100, subcode 33) counts as removed. */
  async remove(channel, remoteId) {
    const res = await request(`${base(channel)}/${encodeURIComponent(remoteId)}`, {
      method: 'DELETE',
      timeoutMs: channel.settings.timeoutMs ?? undefined,
      headers: auth(channel),
    })
    const err = (res.json as { error?: { code?: number; error_subcode?: number } })?.error
    if (err?.code === 100 && err.error_subcode === 33)
      return { done: `Bài ${remoteId} không còn trên trang Facebook.` }
    const failure = graphFailure(res)
    if (failure) throw failure
    return { done: `Đã xóa bài ${remoteId} trên trang Facebook.` }
  },
}
