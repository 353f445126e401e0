/** What every channel adapter shares: the content it sends, the result, and how failures are classed. */

export const CONTENT_KINDS = ['articles', 'videos', 'infographics', 'events'] as const
export type ContentKind = (typeof CONTENT_KINDS)[number]

export const CHANNEL_KINDS = [
  'web-page',
  'feed',
  'webhook',
  'facebook-page',
  'zalo-oa',
  'youtube',
  'radio',
  'tv',
  'loudspeaker',
  'app',
] as const
export type ChannelKind = (typeof CHANNEL_KINDS)[number]

export const BROADCAST_KINDS: readonly ChannelKind[] = ['radio', 'tv', 'loudspeaker']

/** A content item as channels see it: plain data, with absolute URLs. */
export type ContentItem = {
  kind: ContentKind
  id: string
  title: string
  slug: string
  summary: string
  /** The full plain text (article body, description, long description). */
  text: string
  url: string
  imageUrl?: string
  videoUrl?: string
  durationSeconds?: number
  startsAt?: string
  endsAt?: string
  venue?: string
  unitName?: string
  ownerUnitId?: string
  publishedAt?: string
  updatedAt: string
  status: 'draft' | 'published'
}

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
  /** OAuth 2.0 refresh (YouTube): the token server and the grant that yields new access tokens. */
  oauthBaseUrl?: string | null
  clientId?: string | null
  clientSecret?: string | null
  refreshToken?: string | null
  timeoutMs?: number | null
}

export type ChannelInfo = {
  id: string
  name: string
  kind: ChannelKind
  settings: ChannelSettings
  limits: { titleMaxLength?: number | null; textMaxLength?: number | null; acceptedTypes?: ContentKind[] | null }
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

export type PublishResult = { remoteId?: string; url?: string; httpStatus?: number; message?: string }

/** retry: try again later; permanent: will never work as is; reauth: the channel's credentials are bad. */
export type FailureKind = 'retry' | 'permanent' | 'reauth'

export class ChannelError extends Error {
  constructor(
    message: string,
    readonly kind: FailureKind,
    readonly httpStatus?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message)
    this.name = 'ChannelError'
  }
}

export interface ChannelAdapter {
  kind: ChannelKind
  /** Problems (in Vietnamese) that stop this content going to this channel; empty when fine. */
  validate(channel: ChannelInfo, outbound: Outbound): string[]
  /** Sends once. Throws ChannelError; must pass `outbound.idempotencyKey` on wherever the remote accepts one. */
  publish(channel: ChannelInfo, outbound: Outbound, context: PublishContext): Promise<PublishResult>
}

/** What an adapter may use besides the network: the CMS itself (for the web page and rundowns). */
export type PublishContext = {
  payload: import('payload').Payload
  /**
   * Saves a remote identifier at once, before the call that completes the publication: for
   * two-step APIs, so a retry resumes instead of creating the remote item a second time.
   */
  checkpoint: (progress: string) => Promise<void>
}
