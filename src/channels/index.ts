import { loudspeakerAdapter, radioAdapter, tvAdapter } from './broadcast'
import { facebookPageAdapter } from './facebookPage'
import { feedAdapter } from './feed'
import type { Channel } from '@/payload-types'
import type { ChannelKind } from '@/vocabulary'
import type { ChannelAdapter, ChannelInfo } from './types'
import { appAdapter, webhookAdapter } from './webhook'
import { tiktokAdapter } from './tiktok'
import { webPageAdapter } from './webPage'
import { youtubeAdapter } from './youtube'
import { zaloOaAdapter } from './zaloOa'

const ADAPTERS: Record<ChannelKind, ChannelAdapter> = {
  'web-page': webPageAdapter,
  feed: feedAdapter,
  webhook: webhookAdapter,
  app: appAdapter,
  'facebook-page': facebookPageAdapter,
  'zalo-oa': zaloOaAdapter,
  youtube: youtubeAdapter,
  tiktok: tiktokAdapter,
  radio: radioAdapter,
  tv: tvAdapter,
  loudspeaker: loudspeakerAdapter,
}

export const adapterFor = (kind: ChannelKind): ChannelAdapter => ADAPTERS[kind]

/** A channel document (read with overrideAccess, so credentials are decrypted) as adapters see it. */
export function toChannelInfo(doc: Channel): ChannelInfo {
  return {
    id: String(doc.id),
    name: doc.name,
    kind: doc.kind,
    settings: { ...(doc.settings ?? {}), ...credentialSettings(doc) },
    limits: doc.limits ?? {},
  }
}

/** The credentials of a channel document as adapter settings (decrypted: read with overrideAccess). */
export const credentialSettings = (doc: Pick<Channel, 'credentials'>) => ({
  accessToken: doc.credentials?.accessToken ?? null,
  accessTokenExpiresAt: doc.credentials?.accessTokenExpiresAt ?? null,
  signingSecret: doc.credentials?.signingSecret ?? null,
  clientId: doc.credentials?.clientId ?? null,
  clientSecret: doc.credentials?.clientSecret ?? null,
  refreshToken: doc.credentials?.refreshToken ?? null,
})
