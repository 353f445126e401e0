import { ChannelKind } from '@/vocabulary'
import { serverUrl } from '@/lib/env'
import type { ChannelAdapter } from './types'
import { commonProblems } from './validate'

/** Feed channels are pulled, not pushed: a published publication is what puts an item in the feed. */
export const feedAdapter: ChannelAdapter = {
  kind: ChannelKind.Feed,
  validate: (channel, outbound) => commonProblems(channel, outbound),
  async publish(channel, outbound) {
    return {
      remoteId: `${channel.id}:${outbound.content.kind}:${outbound.content.id}`,
      url: `${serverUrl()}/feeds/${channel.id}/rss.xml`,
    }
  },
}
