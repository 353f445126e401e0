import type { Payload } from 'payload'
import { credentialSettings } from '@/channels'
import type { AccessToken, ChannelSettings } from '@/channels/types'
import { ChannelStatus } from '@/vocabulary'

/**
 * The one place that writes a channel's state on the dispatcher's behalf: a refreshed access token,
 * "needs attention" after an authentication failure, the last error. Adapters hand these back
 * through their publish context and never write the database themselves.
 */

/** The channel's credentials as stored now (decrypted). */
export async function readCredentials(
  payload: Payload,
  channelId: string,
): Promise<ChannelSettings> {
  const doc = await payload.findByID({
    collection: 'channels',
    id: channelId,
    depth: 0,
    overrideAccess: true,
    select: { credentials: true },
  })
  return credentialSettings(doc)
}

/** Stores a new access token and its expiry, encrypted like every credential, for later sends and other workers. */
export async function storeAccessToken(
  payload: Payload,
  channelId: string,
  token: AccessToken,
): Promise<void> {
  const doc = await payload.findByID({
    collection: 'channels',
    id: channelId,
    depth: 0,
    overrideAccess: true,
  })
  await payload.update({
    collection: 'channels',
    id: channelId,
    depth: 0,
    overrideAccess: true,
    // The whole group, not just the token: on MongoDB a partial group replaces the stored one.
    data: {
      credentials: {
        ...doc.credentials,
        accessToken: token.accessToken,
        accessTokenExpiresAt: token.expiresAt,
        // A rotated refresh token replaces the old one, which has stopped working (TikTok).
        ...(token.refreshToken ? { refreshToken: token.refreshToken } : {}),
      },
    },
  })
}

/** The channel's credentials failed: hold its queue until an admin fixes them, saying why. */
export async function markNeedsAttention(
  payload: Payload,
  channelId: string,
  message: string,
): Promise<void> {
  // Through the adapter, not the Local API: no hooks, and the encrypted credentials are not rewritten.
  await payload.db.updateOne({
    collection: 'channels',
    id: channelId,
    data: {
      status: ChannelStatus.NeedsAttention,
      lastError: message,
      lastErrorAt: new Date().toISOString(),
    },
    returning: false,
  })
}

/**
 * How the engagement pull went for a channel, shown in the admin beside the channel's status. A
 * failure is recorded with when to try again, and nothing else: the pull never changes the
 * channel's status, so a failing pull never holds sending.
 */
export async function recordPull(
  payload: Payload,
  channelId: string,
  outcome: { ok: true } | { ok: false; message: string; retryAt: Date },
): Promise<void> {
  const now = new Date().toISOString()
  // The whole group: on MongoDB a partial group replaces the stored one (and its last success).
  const before = outcome.ok
    ? null
    : await payload.findByID({
        collection: 'channels',
        id: channelId,
        depth: 0,
        overrideAccess: true,
        select: { engagementPull: true },
      })
  await payload.db.updateOne({
    collection: 'channels',
    id: channelId,
    data: {
      engagementPull: outcome.ok
        ? { lastPulledAt: now, lastError: null, lastErrorAt: null, retryAt: null }
        : {
            lastPulledAt: before?.engagementPull?.lastPulledAt ?? null,
            lastError: outcome.message,
            lastErrorAt: now,
            retryAt: outcome.retryAt.toISOString(),
          },
    },
    returning: false,
  })
}

/** Token renewal for work outside a send (the engagement pull): the stored credentials, and where a new token goes. */
export const tokenContext = (payload: Payload, channelId: string) => ({
  latestSettings: () => readCredentials(payload, channelId),
  async tokenRefreshed(token: AccessToken) {
    try {
      await storeAccessToken(payload, channelId, token)
    } catch (err) {
      payload.logger.warn(
        `Không lưu được mã truy cập mới của kênh ${channelId}: ${(err as Error).message}`,
      )
    }
  },
})
