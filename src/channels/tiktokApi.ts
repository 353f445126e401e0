/**
 * TikTok's v2 API as both the TikTok adapter (posting) and the engagement pull (video/query) call
 * it: JSON bodies, `Authorization: Bearer <user access token>`, and one reply shape,
 * `{ data, error: { code, message, log_id } }`, where `error.code` is "ok" on success.
 * Error codes and their HTTP statuses: https://developers.tiktok.com/doc/tiktok-api-v2-error-handling
 */
import { briefly, classifyStatus, request, retryAfterMs, type HttpResult } from './http'
import { TIKTOK, oauthSession } from './oauth'
import { ChannelError, type ChannelInfo, type TokenContext } from './types'

export const TIKTOK_API_BASE = 'https://open.tiktokapis.com'

export type TikTokReply<T> = {
  data?: T
  error?: { code?: string; message?: string; log_id?: string }
}

/** TikTok sends no Retry-After with rate_limit_exceeded; its windows are a minute long, so a minute it is. */
const RATE_LIMIT_WAIT_MS = 60_000

/** Codes that mean the user's token or its scopes are no good: an admin must re-authorise the account. */
const REAUTH = new Set(['access_token_invalid', 'scope_not_authorized', 'scope_permission_missed'])
/** Codes that will not change by trying again with the same post. */
const PERMANENT: Record<string, string> = {
  invalid_params: 'tham số không hợp lệ',
  invalid_file_upload: 'tệp tải lên không đúng quy cách',
  privacy_level_option_mismatch: 'quyền riêng tư không nằm trong các lựa chọn của tài khoản',
  url_ownership_unverified: 'tên miền của địa chỉ tệp chưa được xác minh với TikTok',
  unaudited_client_can_only_post_to_private_accounts:
    'ứng dụng chưa được TikTok duyệt nên chỉ đăng được lên tài khoản riêng tư',
  spam_risk_user_banned_from_posting: 'tài khoản bị TikTok cấm đăng bài',
}
/** Limits that lift with time: the daily post cap, the cap on users of an unaudited app. */
const LATER: Record<string, string> = {
  spam_risk_too_many_posts: 'tài khoản đã đạt giới hạn số bài đăng trong ngày',
  spam_risk_too_many_pending_share: 'tài khoản có quá nhiều bài đang chờ xử lý',
  reached_active_user_cap: 'ứng dụng đã đạt giới hạn số người dùng đăng bài trong ngày',
}
const LATER_WAIT_MS = 60 * 60_000

/** The failure a TikTok reply stands for, or null when it succeeded. */
export function tiktokFailure(res: HttpResult): ChannelError | null {
  const error = (res.json as TikTokReply<unknown> | undefined)?.error
  const code = error?.code
  if (res.status >= 200 && res.status < 300 && (!code || code === 'ok')) return null
  const detail = code
    ? `TikTok: ${code}${error?.message ? ` – ${briefly(error.message, 200)}` : ''}${error?.log_id ? ` (log_id ${error.log_id})` : ''}.`
    : briefly(res.text)
  if (code && REAUTH.has(code))
    return new ChannelError(
      `Mã truy cập TikTok không còn hiệu lực hoặc thiếu quyền; cần cấp quyền lại. ${detail}`,
      'reauth',
      res.status,
    )
  if (code === 'rate_limit_exceeded' || res.status === 429)
    return new ChannelError(
      `TikTok giới hạn tần suất gọi (HTTP ${res.status}). ${detail}`,
      'retry',
      res.status,
      retryAfterMs(res.headers.get('retry-after')) ?? RATE_LIMIT_WAIT_MS,
    )
  if (code && PERMANENT[code])
    return new ChannelError(
      `TikTok từ chối: ${PERMANENT[code]}. ${detail}`,
      'permanent',
      res.status,
    )
  if (code && LATER[code])
    return new ChannelError(
      `TikTok tạm từ chối: ${LATER[code]}. ${detail}`,
      'retry',
      res.status,
      LATER_WAIT_MS,
    )
  return (
    classifyStatus(res.status, detail, res.headers) ??
    new ChannelError(`TikTok trả lỗi. ${detail}`, 'retry', res.status)
  )
}

/**
 * A TikTok caller for one channel: each call carries the access token (renewed first when expired,
 * and once more after an access_token_invalid if the channel holds a refresh grant), and throws
 * the call's failure as a ChannelError.
 */
export function tiktokClient(
  channel: ChannelInfo,
  context: TokenContext,
  /** Runs each request within a rate limit (the engagement pull's); a retry after a renewal takes its own turn. */
  limited: <T>(call: () => Promise<T>) => Promise<T> = (call) => call(),
) {
  const base = (channel.settings.apiBaseUrl || TIKTOK_API_BASE).replace(/\/$/, '')
  const session = oauthSession(channel, context, TIKTOK)
  let current: Promise<{ token: string; renewed: boolean }> | null = null
  const send = (token: string, path: string, body: unknown, creates?: boolean) =>
    limited(() =>
      request(`${base}${path}`, {
        method: 'POST',
        timeoutMs: channel.settings.timeoutMs ?? undefined,
        creates,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json; charset=UTF-8',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    )
  return {
    /** `creates`: this call makes the post (an init), so a failure after connecting leaves its outcome unknown. */
    async call<T>(path: string, body?: unknown, creates?: boolean): Promise<T> {
      current ??= session.token()
      let { token, renewed } = await current
      let res = await send(token, path, body, creates)
      const code = (res.json as TikTokReply<T> | undefined)?.error?.code
      if (
        res.status === 401 &&
        code === 'access_token_invalid' &&
        session.refreshable &&
        !renewed
      ) {
        token = await session.renew(token)
        renewed = true
        current = Promise.resolve({ token, renewed })
        res = await send(token, path, body, creates)
      }
      const failure = tiktokFailure(res)
      if (failure) throw failure
      return ((res.json as TikTokReply<T>)?.data ?? {}) as T
    },
  }
}
