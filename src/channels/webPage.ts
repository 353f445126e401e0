import type { ChannelAdapter } from './types'
import { commonProblems } from './validate'

/**
 * The dedicated page: publishing makes the content itself visible at its time (a draft becomes
 * published, keeping the scheduled time as its publication date).
 */
export const webPageAdapter: ChannelAdapter = {
  kind: 'web-page',
  validate: (channel, outbound) => commonProblems(channel, outbound),
  async publish(_channel, outbound, { payload }) {
    const { content } = outbound
    if (content.status !== 'published') {
      await payload.update({
        collection: content.kind,
        id: content.id,
        data: { _status: 'published', publishedAt: outbound.scheduledAt } as never,
        overrideAccess: true,
        context: { dispatcher: true },
      })
    }
    return { remoteId: `${content.kind}:${content.id}`, url: content.url }
  },
}
