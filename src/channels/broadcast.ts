import { serverUrl } from '@/lib/env'
import { vnDayKey } from '@/lib/time'
import { ChannelKind } from '@/vocabulary'
import type { ChannelAdapter } from './types'
import { commonProblems } from './validate'

/** The calendar day (in Vietnam) a slot belongs to, as YYYY-MM-DD: rundowns are per station per day. */
export const rundownDay = (scheduledAt: string | Date): string => vnDayKey(scheduledAt)

/**
 * Radio, TV and commune loudspeakers: "publishing" puts the item in the station's rundown for its
 * slot. Whether it really aired is confirmed later by an operator.
 */
const broadcastAdapter = (kind: ChannelKind): ChannelAdapter => ({
  kind,
  validate: (channel, outbound) => commonProblems(channel, outbound),
  async publish(channel, outbound) {
    const day = rundownDay(outbound.scheduledAt)
    return {
      remoteId: `rundown:${channel.id}:${day}`,
      url: `${serverUrl()}/rundowns/${channel.id}/${day}`,
    }
  },
})

export const radioAdapter = broadcastAdapter(ChannelKind.Radio)
export const tvAdapter = broadcastAdapter(ChannelKind.Tv)
export const loudspeakerAdapter = broadcastAdapter(ChannelKind.Loudspeaker)
