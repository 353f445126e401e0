/** What every channel adapter shares: the content it sends, the result, and how failures are classed. */
import type { ContentItem } from '@/content/item'
import type { ChannelKind, ContentKind } from '@/vocabulary'

export type ChannelSettings = {
  url?: string | null
  apiBaseUrl?: string | null
  pageId?: string | null
  oaId?: string | null
  youtubeChannelId?: string | null
  accessToken?: string | null
  /** When `accessToken` expires (ISO), if known: written with each token the adapter obtains. */
  accessTokenExpiresAt?: string | null
  signingSecret?: string | null
  /** OAuth 2.0 refresh (YouTube, TikTok): the token server and the grant that yields new access tokens. */
  oauthBaseUrl?: string | null
  clientId?: string | null
  clientSecret?: string | null
  refreshToken?: string | null
  timeoutMs?: number | null
  /** TikTok: who may see the post (checked against the account's creator_info options before sending). */
  tiktokPrivacyLevel?: string | null
  /** TikTok: PULL_FROM_URL (TikTok downloads our public media URL) or FILE_UPLOAD (chunks from our media folder). */
  tiktokVideoSource?: string | null
  tiktokDisableComment?: boolean | null
}

export type ChannelInfo = {
  id: string
  name: string
  kind: ChannelKind
  settings: ChannelSettings
  limits: {
    titleMaxLength?: number | null
    textMaxLength?: number | null
    acceptedTypes?: ContentKind[] | null
  }
}

/** One send: a publication of a content item on a channel. */
export type Outbound = {
  publicationId: string
  idempotencyKey: string
  scheduledAt: string
  message: string
  hashtags: string[]
  content: ContentItem
  /** What an earlier attempt saved with `checkpoint` (e.g. a Zalo article token), if anything. */
  progress?: string | null
}

export type PublishResult = {
  remoteId?: string
  url?: string
  httpStatus?: number
  message?: string
  /**
   * The platform accepted the post and is still processing it (TikTok): nothing is final yet. The
   * publication stays "sending" and is handed to `publish` again after `checkAfterMs`, with the
   * progress it checkpointed, to ask how it ended.
   */
  pending?: { checkAfterMs: number }
}

/** retry: try again later; permanent: will never work as is; reauth: the channel's credentials are bad. */
export type FailureKind = 'retry' | 'permanent' | 'reauth'

export class ChannelError extends Error {
  constructor(
    message: string,
    readonly kind: FailureKind,
    readonly httpStatus?: number,
    readonly retryAfterMs?: number,
    /** Nothing was sent (our own rate limit held it back): try again after `retryAfterMs` without counting an attempt. */
    readonly deferred = false,
  ) {
    super(message)
    this.name = 'ChannelError'
  }
  /**
   * The request that would create the post may have reached the platform (a time-out or a dropped
   * connection after it was written): before any resend the dispatcher asks the adapter's `lookup`.
   */
  unknownOutcome = false
}

/**
 * What a look-up on the platform says about a send whose outcome is unknown: the post is there
 * (record it, send nothing), it is surely absent (send), or the platform cannot tell yet (ask again
 * after `checkAfterMs`). A look-up that can never tell throws a permanent ChannelError: a person decides.
 */
export type Lookup =
  { found: PublishResult } | { absent: true } | { unsure: string; checkAfterMs: number }

export interface ChannelAdapter {
  kind: ChannelKind
  /** Problems (in Vietnamese) that stop this content going to this channel; empty when fine. */
  validate(channel: ChannelInfo, outbound: Outbound): string[]
  /** Sends once. Throws ChannelError; must pass `outbound.idempotencyKey` on wherever the remote accepts one. */
  publish(channel: ChannelInfo, outbound: Outbound, context: PublishContext): Promise<PublishResult>
  /**
   * Platforms that ignore Idempotency-Key: finds the post an earlier send may have created, by the
   * marker that send carried (see marker.ts). Absent on adapters whose resend is harmless.
   */
  lookup?(channel: ChannelInfo, outbound: Outbound, context: PublishContext): Promise<Lookup>
  /**
   * Withdrawing ("gỡ bài"): removes or hides the post with this remote id. Throws ChannelError
   * (retry / permanent / reauth) like `publish`. Absent where the platform has nothing to remove.
   */
  remove?(channel: ChannelInfo, remoteId: string, context: TokenContext): Promise<Removal>
}

/** How a removal ended: done on the platform, or only a person can do it (the API offers no way). */
export type Removal = { done: string } | { manual: string }

/** An OAuth access token and when it lapses. */
export type AccessToken = {
  accessToken: string
  /** ISO time, or null when the server did not say. */ expiresAt: string | null
  /** A rotated refresh token (TikTok issues a new one with each refresh and the old one stops working), to be stored in place of the old. */
  refreshToken?: string
}

/** What token renewal asks of the CMS: the stored credentials, and a place to keep a new token. */
export type TokenContext = {
  /** The channel's credentials as stored now: another send or worker may have refreshed the token since this firing read the channel. */
  latestSettings: () => Promise<ChannelSettings>
  /** A newly obtained access token, to be stored (encrypted) for later sends and other workers. */
  tokenRefreshed: (token: AccessToken) => Promise<void>
}

/**
 * What an adapter may ask of the CMS besides the network. Adapters never write the database
 * themselves: they hand what must be kept back through these, and the dispatcher stores it.
 */
export type PublishContext = TokenContext & {
  /**
   * Saves a remote identifier at once, before the call that completes the publication: for
   * two-step APIs, so a retry resumes instead of creating the remote item a second time.
   */
  checkpoint: (progress: string) => Promise<void>
  /** The dedicated page: makes the content itself public, dated at `at`. */
  publishContent: (content: ContentItem, at: string) => Promise<void>
}
