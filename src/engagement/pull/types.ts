import type { ChannelInfo, TokenContext } from '@/channels/types'
import type { Figures } from '@/engagement/check'

/** One published publication whose figures are asked for: our id and the platform's. */
export type PulledItem = { publicationId: string; remoteId: string }

/** Runs a platform call within that platform's rate limit for the channel (see limits.ts). */
export type Limited = <T>(call: () => Promise<T>) => Promise<T>

/**
 * Reads a platform's figures for a channel's publications: network only, like the channel adapters
 * (the run stores what it returns). Throws a ChannelError when the platform refuses or fails; a
 * publication the platform no longer knows is left out of the answer.
 */
export type Puller = {
  platform: string
  pull: (
    channel: ChannelInfo,
    items: PulledItem[],
    context: TokenContext,
    limited: Limited,
  ) => Promise<Map<string, Figures>>
}

/** Splits ids into the batches a platform takes in one call. */
export const batches = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  )

/** A count as platforms send it (a number, or a string of digits in YouTube's case), or null. */
export const count = (v: unknown): number | null => {
  const n = typeof v === 'string' ? Number(v) : v
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null
}
