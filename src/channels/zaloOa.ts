import { ChannelKind } from '@/vocabulary'
import { briefly, classifyStatus, request } from './http'
import { carriesMarker, lookupSince, markedUrl } from './marker'
import { ChannelError, type ChannelAdapter, type ChannelInfo, type Outbound } from './types'
import { commonProblems } from './validate'

const DEFAULT_BASE = 'https://openapi.zalo.me'
type ZaloReply = { error?: number; message?: string; data?: Record<string, any> }
/** Articles per page of the list (Zalo's maximum), and pages a look-up reads at most. */
const PAGE = 10
const LOOKUP_PAGES = 10

// Zalo answers HTTP 200 with a non-zero `error`: -216 and -124 are bad or expired tokens; -32 is rate limiting.
function zaloFailure(reply: ZaloReply | undefined, status: number): ChannelError | null {
  if (!reply || !reply.error) return null
  const detail = `Zalo: ${reply.message ?? 'lỗi'} (mã ${reply.error}).`
  if (reply.error === -216 || reply.error === -124)
    return new ChannelError(`Mã truy cập Zalo OA không còn hiệu lực. ${detail}`, 'reauth', status)
  if (reply.error === -32)
    return new ChannelError(`Zalo giới hạn tần suất gửi. ${detail}`, 'retry', status)
  return new ChannelError(`Zalo từ chối bài viết. ${detail}`, 'permanent', status)
}

/** One call: a POST with a JSON body, or a GET when `body` is undefined (the path holds the query). */
async function call(
  channel: ChannelInfo,
  path: string,
  body: unknown,
  creates = false,
): Promise<ZaloReply> {
  const base = (channel.settings.apiBaseUrl || DEFAULT_BASE).replace(/\/$/, '')
  const res = await request(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    timeoutMs: channel.settings.timeoutMs ?? undefined,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      access_token: channel.settings.accessToken!,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    creates,
  })
  const failure =
    classifyStatus(res.status, briefly(res.text), res.headers) ??
    zaloFailure(res.json as ZaloReply, res.status)
  if (failure) throw failure
  return (res.json ?? {}) as ZaloReply
}

/**
 * A Zalo OA article: create (returns a token), then verify (returns the article id). The token is
 * checkpointed between the two, so a failed verify is retried without a second article.
 */
export const zaloOaAdapter: ChannelAdapter = {
  kind: ChannelKind.ZaloOa,
  validate(channel, outbound) {
    const problems = commonProblems(channel, outbound, { title: 150 })
    if (!channel.settings.accessToken)
      problems.push(`Kênh "${channel.name}" chưa có mã truy cập Zalo OA.`)
    if (!outbound.content.imageUrl)
      problems.push('Bài viết Zalo OA cần ảnh bìa: nội dung chưa có ảnh.')
    if (outbound.content.summary.length > 300)
      problems.push('Mô tả bài viết Zalo OA tối đa 300 ký tự.')
    return problems
  },
  async publish(channel, outbound, { checkpoint }) {
    // An earlier attempt created the article but did not get it verified: verify that one.
    const saved = outbound.progress?.startsWith(TOKEN_PREFIX)
      ? outbound.progress.slice(TOKEN_PREFIX.length)
      : null
    const token = saved ?? (await createArticle(channel, outbound))
    if (!saved) await checkpoint(TOKEN_PREFIX + token)
    const verified = await call(channel, '/v2.0/article/verify', { token })
    const id = verified.data?.id
    if (!id) throw new ChannelError('Zalo chưa xác nhận bài viết.', 'retry')
    return { remoteId: String(id), url: `https://zalo.me/article/${id}` }
  },
  /**
   * With a checkpointed token, `verify` says exactly how that article stands. Without one (the
   * create call's answer was lost), the OA's article list (`getslice`, newest first, 10 a page) back
   * to the send's time, each article's `getdetail` compared by its tracking_link, which carries the
   * marker and is not shown to readers. Sure once Zalo lists the article: it does so on creation, and
   * the dispatcher asks at least 24 s after the send in doubt. More than 100 articles since: a person decides.
   */
  async lookup(channel, outbound, context) {
    if (outbound.progress?.startsWith(TOKEN_PREFIX))
      return { found: await zaloOaAdapter.publish(channel, outbound, context) }
    const since = lookupSince(outbound)
    for (let page = 0; page < LOOKUP_PAGES; page++) {
      const list = await call(
        channel,
        `/v2.0/article/getslice?offset=${page * PAGE}&limit=${PAGE}&type=normal`,
        undefined,
      )
      const medias = (list.data?.medias ?? []) as { id: string; create_date?: number }[]
      for (const media of medias) {
        if (media.create_date && media.create_date < since) return { absent: true }
        const detail = await call(
          channel,
          `/v2.0/article/getdetail?id=${encodeURIComponent(media.id)}`,
          undefined,
        )
        if (carriesMarker(detail.data?.tracking_link, outbound))
          return {
            found: {
              remoteId: String(media.id),
              url: `https://zalo.me/article/${media.id}`,
              message: `Đã tìm thấy bài viết trên Zalo OA (mã ${media.id}) từ lần gửi trước; không gửi lại.`,
            },
          }
      }
      if (medias.length < PAGE) return { absent: true }
    }
    throw new ChannelError(
      `Zalo OA có hơn ${LOOKUP_PAGES * PAGE} bài viết từ giờ đăng; không chắc bài đã lên hay chưa, cần người kiểm tra trước khi gửi lại.`,
      'permanent',
    )
  },
  /** `POST /v2.0/article/remove { id }`: the article leaves the OA. */
  async remove(channel, remoteId) {
    await call(channel, '/v2.0/article/remove', { id: remoteId })
    return { done: `Đã gỡ bài viết ${remoteId} khỏi Zalo OA.` }
  },
}

const TOKEN_PREFIX = 'zalo-token:'

async function createArticle(channel: ChannelInfo, outbound: Outbound): Promise<string> {
  const { content } = outbound
  const created = await call(
    channel,
    '/v2.0/article/create',
    {
      type: 'normal',
      title: content.title,
      author: content.unitName ?? channel.name,
      cover: { cover_type: 'photo', photo_url: content.imageUrl, status: 'show' },
      description: content.summary,
      body: [
        { type: 'text', content: outbound.message || content.text || content.summary },
        { type: 'text', content: `Xem đầy đủ: ${content.url}` },
      ],
      status: 'show',
      comment: 'show',
      // A URL (Zalo checks it), carrying the marker the look-up compares.
      tracking_link: markedUrl(content.url, outbound),
    },
    true,
  )
  const token = created.data?.token
  if (!token) throw new ChannelError('Zalo không trả về mã xác nhận bài viết.', 'retry')
  return token
}
