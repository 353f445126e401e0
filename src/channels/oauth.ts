import { briefly, classifyStatus, request } from './http'
import {
  type AccessToken,
  ChannelError,
  type ChannelInfo,
  type ChannelSettings,
  type PublishContext,
} from './types'

export const GOOGLE_OAUTH_BASE = 'https://oauth2.googleapis.com'

export type RefreshGrant = {
  baseUrl?: string | null
  clientId: string
  clientSecret: string
  refreshToken: string
  timeoutMs?: number | null
}

type TokenReply = {
  access_token?: string
  expires_in?: number
  token_type?: string
  scope?: string
  error?: string
  error_description?: string
}

const prefixed = (e: ChannelError) =>
  new ChannelError(
    `Không làm mới được mã truy cập YouTube: ${e.message}`,
    e.kind,
    e.httpStatus,
    e.retryAfterMs,
  )

/**
 * Google's OAuth 2.0 refresh_token grant (RFC 6749 §6): POST {base}/token, form-encoded. A refused
 * grant or client needs an admin ('reauth': the content is fine, the channel is not); 408, 429, 5xx
 * and network failures are the token server's trouble and are retried.
 */
export async function refreshAccessToken(grant: RefreshGrant): Promise<AccessToken> {
  const base = (grant.baseUrl || GOOGLE_OAUTH_BASE).replace(/\/$/, '')
  let res
  try {
    res = await request(`${base}/token`, {
      method: 'POST',
      timeoutMs: grant.timeoutMs ?? undefined,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: grant.clientId,
        client_secret: grant.clientSecret,
        refresh_token: grant.refreshToken,
      }).toString(),
    })
  } catch (err) {
    throw err instanceof ChannelError ? prefixed(err) : err
  }
  const reply = (res.json ?? {}) as TokenReply
  const detail = briefly(
    reply.error
      ? `Google: ${reply.error}${reply.error_description ? ` – ${reply.error_description}` : ''}`
      : res.text,
  )
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
    if (reply.error === 'invalid_grant') {
      throw new ChannelError(
        `Mã làm mới YouTube đã bị thu hồi hoặc hết hạn; cần cấp quyền lại. ${detail}`,
        'reauth',
        res.status,
      )
    }
    if (reply.error === 'invalid_client' || reply.error === 'unauthorized_client') {
      throw new ChannelError(
        `Google từ chối client ID hoặc client secret của kênh YouTube; cần kiểm tra lại thông tin ứng dụng OAuth. ${detail}`,
        'reauth',
        res.status,
      )
    }
    throw new ChannelError(
      `Google từ chối yêu cầu làm mới mã truy cập YouTube (HTTP ${res.status}); cần kiểm tra thông tin xác thực của kênh. ${detail}`,
      'reauth',
      res.status,
    )
  }
  const failure = classifyStatus(res.status, detail, res.headers)
  if (failure) throw prefixed(failure)
  if (!reply.access_token)
    throw new ChannelError(
      'Máy chủ cấp mã của Google không trả về mã truy cập mới.',
      'retry',
      res.status,
    )
  const expiresAt =
    Number(reply.expires_in) > 0
      ? new Date(Date.now() + Number(reply.expires_in) * 1000).toISOString()
      : null
  return { accessToken: reply.access_token, expiresAt }
}

/** A token this close to its expiry counts as expired: it could lapse in the middle of the call. */
const EXPIRY_MARGIN_MS = 60_000

export const tokenExpired = (at?: string | null) =>
  !!at && new Date(at).getTime() <= Date.now() + EXPIRY_MARGIN_MS

/** Refreshes in flight, by channel: the sends of one firing that all find the token expired share one. */
const renewing = new Map<string, Promise<string>>()

/**
 * A valid access token other than `stale`, for any channel kind with an OAuth refresh grant.
 * The channel as the dispatcher read it may be older than the database: if another send (in this
 * process or another worker) stored a newer token that is still valid, that one is used. Otherwise
 * `refresh` runs once (the grant from the stored credentials if complete, else from the channel as
 * read), and the new token is handed back to be stored for later sends.
 */
export function renewAccessToken(
  channel: ChannelInfo,
  context: PublishContext,
  stale: string,
  hasGrant: (s: ChannelSettings) => boolean,
  refresh: (grant: ChannelSettings) => Promise<AccessToken>,
): Promise<string> {
  let pending = renewing.get(channel.id)
  if (!pending) {
    pending = (async () => {
      const stored = await context.latestSettings()
      if (
        stored.accessToken &&
        stored.accessToken !== stale &&
        !tokenExpired(stored.accessTokenExpiresAt)
      )
        return stored.accessToken
      const fresh = await refresh(hasGrant(stored) ? stored : channel.settings)
      await context.tokenRefreshed(fresh)
      return fresh.accessToken
    })().finally(() => renewing.delete(channel.id))
    renewing.set(channel.id, pending)
  }
  return pending
}
