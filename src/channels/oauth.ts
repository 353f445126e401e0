import { briefly, classifyStatus, request } from './http'
import {
  type AccessToken,
  ChannelError,
  type ChannelInfo,
  type ChannelSettings,
  type TokenContext,
} from './types'

export const GOOGLE_OAUTH_BASE = 'https://oauth2.googleapis.com'

/**
 * One OAuth 2.0 token server: both speak RFC 6749 §6's refresh_token grant, form-encoded, and
 * answer `{ access_token, expires_in, refresh_token?, … }` or `{ error, error_description }`;
 * they differ in the path and in what they call the client's identifier.
 */
export type OAuthProvider = {
  /** Whose token server (for messages). */
  issuer: string
  /** Whose channel the token is for (for messages). */
  platform: string
  defaultBaseUrl: string
  tokenPath: string
  /** The form field that carries the client's identifier. */
  clientIdParam: string
}

/** Google's token endpoint (https://developers.google.com/identity/protocols/oauth2/web-server#offline). */
export const GOOGLE: OAuthProvider = {
  issuer: 'Google',
  platform: 'YouTube',
  defaultBaseUrl: GOOGLE_OAUTH_BASE,
  tokenPath: '/token',
  clientIdParam: 'client_id',
}

/**
 * TikTok's: POST https://open.tiktokapis.com/v2/oauth/token/ with client_key, client_secret,
 * grant_type=refresh_token, refresh_token; refresh tokens rotate (a new one comes back with each
 * refresh and the old one stops working).
 * https://developers.tiktok.com/docs/en/oauth-refresh-a-user-access-token
 */
export const TIKTOK: OAuthProvider = {
  issuer: 'TikTok',
  platform: 'TikTok',
  defaultBaseUrl: 'https://open.tiktokapis.com',
  tokenPath: '/v2/oauth/token/',
  clientIdParam: 'client_key',
}

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
  refresh_token?: string
  token_type?: string
  scope?: string
  error?: string
  error_description?: string
}

/**
 * The refresh_token grant at `provider`'s token endpoint. A refused grant or client needs an admin
 * ('reauth': the content is fine, the channel is not); 408, 429, 5xx and network failures are the
 * token server's trouble and are retried. An error body counts whatever the HTTP status (TikTok's
 * token endpoint may answer 200 with `error`).
 */
export async function refreshAccessToken(
  grant: RefreshGrant,
  provider: OAuthProvider = GOOGLE,
): Promise<AccessToken> {
  const { issuer, platform } = provider
  const prefixed = (e: ChannelError) =>
    new ChannelError(
      `Không làm mới được mã truy cập ${platform}: ${e.message}`,
      e.kind,
      e.httpStatus,
      e.retryAfterMs,
    )
  const base = (grant.baseUrl || provider.defaultBaseUrl).replace(/\/$/, '')
  let res
  try {
    res = await request(`${base}${provider.tokenPath}`, {
      method: 'POST',
      timeoutMs: grant.timeoutMs ?? undefined,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        [provider.clientIdParam]: grant.clientId,
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
      ? `${issuer}: ${reply.error}${reply.error_description ? ` – ${reply.error_description}` : ''}`
      : res.text,
  )
  const refused = res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429
  if (refused || (res.status < 300 && reply.error)) {
    if (reply.error === 'invalid_grant') {
      throw new ChannelError(
        `Mã làm mới ${platform} đã bị thu hồi hoặc hết hạn; cần cấp quyền lại. ${detail}`,
        'reauth',
        res.status,
      )
    }
    if (reply.error === 'invalid_client' || reply.error === 'unauthorized_client') {
      throw new ChannelError(
        `${issuer} từ chối client ID hoặc client secret của kênh ${platform}; cần kiểm tra lại thông tin ứng dụng OAuth. ${detail}`,
        'reauth',
        res.status,
      )
    }
    throw new ChannelError(
      `${issuer} từ chối yêu cầu làm mới mã truy cập ${platform} (HTTP ${res.status}); cần kiểm tra thông tin xác thực của kênh. ${detail}`,
      'reauth',
      res.status,
    )
  }
  const failure = classifyStatus(res.status, detail, res.headers)
  if (failure) throw prefixed(failure)
  if (!reply.access_token)
    throw new ChannelError(
      `Máy chủ cấp mã của ${issuer} không trả về mã truy cập mới.`,
      'retry',
      res.status,
    )
  const expiresAt =
    Number(reply.expires_in) > 0
      ? new Date(Date.now() + Number(reply.expires_in) * 1000).toISOString()
      : null
  return {
    accessToken: reply.access_token,
    expiresAt,
    ...(reply.refresh_token && reply.refresh_token !== grant.refreshToken
      ? { refreshToken: reply.refresh_token }
      : {}),
  }
}

const REFRESH_PARTS = [
  ['clientId', 'client ID'],
  ['clientSecret', 'client secret'],
  ['refreshToken', 'mã làm mới (refresh token)'],
] as const

/** The parts of a refresh grant a channel's settings lack (Vietnamese names). */
export const missingRefreshParts = (s: ChannelSettings) =>
  REFRESH_PARTS.filter(([key]) => !s[key]).map(([, label]) => label)
export const canRefresh = (s: ChannelSettings) => missingRefreshParts(s).length === 0

/** Why a channel cannot get an access token at all (no token and no complete grant), or null. */
export function tokenProblem(channel: ChannelInfo, platform: string): string | null {
  const missing = missingRefreshParts(channel.settings)
  if (channel.settings.accessToken || !missing.length) return null
  if (missing.length === REFRESH_PARTS.length)
    return `Kênh "${channel.name}" chưa có mã truy cập ${platform}, cũng chưa có client ID, client secret và mã làm mới (refresh token) để tự lấy mã.`
  return `Kênh "${channel.name}" chưa có mã truy cập ${platform} và còn thiếu ${missing.join(', ')} để tự lấy mã.`
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
  context: TokenContext,
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

/**
 * The access token to call with, renewed first when it is missing or expired and the channel can
 * refresh; `renew(stale)` gets another (after a 401). One path for every OAuth channel kind.
 */
export function oauthSession(channel: ChannelInfo, context: TokenContext, provider: OAuthProvider) {
  const s = channel.settings
  const refreshable = canRefresh(s)
  const renew = (stale: string) =>
    renewAccessToken(channel, context, stale, canRefresh, (grant) =>
      refreshAccessToken(
        {
          baseUrl: s.oauthBaseUrl,
          clientId: grant.clientId!,
          clientSecret: grant.clientSecret!,
          refreshToken: grant.refreshToken!,
          timeoutMs: s.timeoutMs,
        },
        provider,
      ),
    )
  return {
    refreshable,
    /** A token believed valid now (renewed first when missing or past its expiry). */
    async token(): Promise<{ token: string; renewed: boolean }> {
      const token = s.accessToken ?? ''
      if (refreshable && (!token || tokenExpired(s.accessTokenExpiresAt)))
        return { token: await renew(token), renewed: true }
      return { token, renewed: false }
    },
    renew,
  }
}
