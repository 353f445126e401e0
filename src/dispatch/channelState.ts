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
