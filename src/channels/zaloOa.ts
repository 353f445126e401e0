import { ChannelKind } from '@/vocabulary'
import { briefly, classifyStatus, request } from './http'
import { ChannelError, type ChannelAdapter, type ChannelInfo, type Outbound } from './types'
import { commonProblems } from './validate'

const DEFAULT_BASE = 'https://openapi.zalo.me'
type ZaloReply = { error?: number; message?: string; data?: { token?: string; id?: string } }

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

async function call(channel: ChannelInfo, path: string, body: unknown): Promise<ZaloReply> {
  const base = (channel.settings.apiBaseUrl || DEFAULT_BASE).replace(/\/$/, '')
  const res = await request(`${base}${path}`, {
    method: 'POST',
    timeoutMs: channel.settings.timeoutMs ?? undefined,
    headers: { 'content-type': 'application/json', access_token: channel.settings.accessToken! },
    body: JSON.stringify(body),
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
}

const TOKEN_PREFIX = 'zalo-token:'

async function createArticle(channel: ChannelInfo, outbound: Outbound): Promise<string> {
  const { content } = outbound
  const created = await call(channel, '/v2.0/article/create', {
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
    tracking_link: outbound.idempotencyKey,
  })
  const token = created.data?.token
  if (!token) throw new ChannelError('Zalo không trả về mã xác nhận bài viết.', 'retry')
  return token
}
