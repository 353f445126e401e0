import type { Payload } from 'payload'
import { briefly, classifyStatus, request, type HttpResult } from './http'
import { refreshAccessToken } from './oauth'
import { ChannelError, type ChannelAdapter, type ChannelInfo, type ChannelSettings, type Outbound } from './types'
import { commonProblems, outboundText } from './validate'

const DEFAULT_BASE = 'https://www.googleapis.com'

/** A token this close to its expiry counts as expired: it could lapse in the middle of the call. */
const EXPIRY_MARGIN_MS = 60_000

export function youtubeId(url?: string): string | undefined {
  if (!url) return undefined
  const m = url.match(/(?:youtube\.com\/(?:watch\?(?:.*&)?v=|shorts\/|embed\/|live\/)|youtu\.be\/)([\w-]{6,})/)
  return m?.[1]
}

type YoutubeError = { error?: { code?: number; message?: string; errors?: { reason?: string }[] } }

const REFRESH_PARTS = [
  ['clientId', 'client ID'],
  ['clientSecret', 'client secret'],
  ['refreshToken', 'mã làm mới (refresh token)'],
] as const

const missingRefreshParts = (s: ChannelSettings) => REFRESH_PARTS.filter(([key]) => !s[key]).map(([, label]) => label)
const canRefresh = (s: ChannelSettings) => missingRefreshParts(s).length === 0
const expired = (at?: string | null) => !!at && new Date(at).getTime() <= Date.now() + EXPIRY_MARGIN_MS

/**
 * Sets a YouTube video's title, description and tags, and schedules it: private with `publishAt`
 * when the time is ahead, public otherwise. The video itself is uploaded by the station.
 *
 * Google access tokens last about an hour. With a client ID, client secret and refresh token the
 * adapter gets a new one when there is none, when the stored one has expired, or when YouTube
 * answers 401 (then it retries the call once), and stores it on the channel for later sends.
 */
export const youtubeAdapter: ChannelAdapter = {
  kind: 'youtube',
  validate(channel, outbound) {
    const problems = commonProblems(channel, outbound, { title: 100, text: 5000 })
    if (outbound.content.kind !== 'videos') problems.push('Kênh YouTube chỉ nhận video.')
    else if (!youtubeId(outbound.content.videoUrl)) problems.push('Video chưa có đường dẫn YouTube, nên chưa thể đặt lịch trên YouTube.')
    const missing = missingRefreshParts(channel.settings)
    if (!channel.settings.accessToken && missing.length === REFRESH_PARTS.length) {
      problems.push(`Kênh "${channel.name}" chưa có mã truy cập YouTube, cũng chưa có client ID, client secret và mã làm mới (refresh token) để tự lấy mã.`)
    } else if (!channel.settings.accessToken && missing.length) {
      problems.push(`Kênh "${channel.name}" chưa có mã truy cập YouTube và còn thiếu ${missing.join(', ')} để tự lấy mã.`)
    }
    return problems
  },
  async publish(channel, outbound, { payload }) {
    const s = channel.settings
    const refreshable = canRefresh(s)
    let token = s.accessToken ?? ''
    let renewed = false
    if (refreshable && (!token || expired(s.accessTokenExpiresAt))) {
      token = await renewToken(payload, channel, token)
      renewed = true
    }
    let res = await updateVideo(channel, outbound, token)
    // Expired or revoked sooner than we knew: one new token, one more try.
    if (res.status === 401 && refreshable && !renewed) {
      token = await renewToken(payload, channel, token)
      res = await updateVideo(channel, outbound, token)
    }
    const reason = (res.json as YoutubeError | undefined)?.error?.errors?.[0]?.reason
    if (res.status === 403 && reason && /quota|rateLimit/i.test(reason)) {
      throw new ChannelError(`YouTube hết hạn mức gọi API (${reason}).`, 'retry', 403)
    }
    const failure = classifyStatus(res.status, briefly((res.json as YoutubeError)?.error?.message ?? res.text), res.headers)
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
      status: ahead ? { privacyStatus: 'private', publishAt: outbound.scheduledAt } : { privacyStatus: 'public' },
    }),
  })
}

/** Refreshes in flight, by channel: the sends of one firing that all find the token expired share one. */
const renewing = new Map<string, Promise<string>>()

function renewToken(payload: Payload, channel: ChannelInfo, stale: string): Promise<string> {
  let pending = renewing.get(channel.id)
  if (!pending) {
    pending = obtainToken(payload, channel, stale).finally(() => renewing.delete(channel.id))
    renewing.set(channel.id, pending)
  }
  return pending
}

/**
 * A valid access token other than `stale`. The channel as the dispatcher read it may be older
 * than the database: if another send (in this process or another worker) stored a newer token
 * that is still valid, that one is used. Otherwise one refresh_token grant, and the new token and
 * its expiry are stored on the channel (encrypted, like every credential) for later sends.
 */
async function obtainToken(payload: Payload, channel: ChannelInfo, stale: string): Promise<string> {
  const doc = await payload.findByID({ collection: 'channels', id: channel.id, depth: 0, overrideAccess: true })
  const stored: ChannelSettings = doc.credentials ?? {}
  if (stored.accessToken && stored.accessToken !== stale && !expired(stored.accessTokenExpiresAt)) return stored.accessToken
  const grant = canRefresh(stored) ? stored : channel.settings
  const fresh = await refreshAccessToken({
    baseUrl: channel.settings.oauthBaseUrl,
    clientId: grant.clientId!,
    clientSecret: grant.clientSecret!,
    refreshToken: grant.refreshToken!,
    timeoutMs: channel.settings.timeoutMs,
  })
  try {
    await payload.update({
      collection: 'channels',
      id: channel.id,
      depth: 0,
      overrideAccess: true,
      // The whole group, not just the token: on MongoDB a partial group replaces the stored one.
      data: { credentials: { ...doc.credentials, accessToken: fresh.accessToken, accessTokenExpiresAt: fresh.expiresAt } },
    })
  } catch (err) {
    // This send can still use the token; a later one would refresh again.
    payload.logger.warn(`[youtube] Không lưu được mã truy cập mới của kênh "${channel.name}": ${(err as Error).message}`)
  }
  return fresh.accessToken
}
