import { ChannelKind, DocStatus } from '@/vocabulary'
import type { ChannelAdapter } from './types'
import { commonProblems } from './validate'

/**
 * The dedicated page: publishing makes the content itself visible at its time (a draft becomes
 * published, keeping the scheduled time as its publication date).
 */
export const webPageAdapter: ChannelAdapter = {
  kind: ChannelKind.WebPage,
  validate: (channel, outbound) => commonProblems(channel, outbound),
  async publish(_channel, outbound, { publishContent }) {
    const { content } = outbound
    if (content.status !== DocStatus.Published) await publishContent(content, outbound.scheduledAt)
    return { remoteId: `${content.kind}:${content.id}`, url: content.url }
  },
}
