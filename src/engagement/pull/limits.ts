/**
 * Rate limits of the engagement pull, one sliding window per platform and channel (token).
 *
 * p-throttle (maintained, by p-limit's author; p-limit is already the dispatcher's) rather than
 * Bottleneck: Bottleneck has had no release since 2019, and p-throttle's `strict` mode guarantees
 * at most `limit` calls in any `interval`, which is how TikTok states its limits ("a one minute
 * sliding window"). Calls over the limit wait their turn instead of failing. The pull's concurrency
 * across channels is p-limit, already the dispatcher's.
 *
 * Defaults (override with ENGAGEMENT_RATE_<PLATFORM>=<calls>/<seconds>):
 * - TikTok video/query: 600 a minute per token (https://developers.tiktok.com/doc/tiktok-api-v2-rate-limit).
 * - Facebook Graph: a page token's calls count against the page's Business Use Case limit
 *   (4,800 × engaged users a day); 60 a minute keeps far below it.
 * - YouTube Data API: quota, not rate: 10,000 units a day, videos.list costs 1 per call of up to 50
 *   videos; 60 a minute.
 * - Zalo OA: no published per-minute figure for article reads; 30 a minute.
 */
import pThrottle from 'p-throttle'
import { ChannelKind } from '@/vocabulary'
import type { Limited } from './types'

const DEFAULTS: Partial<Record<ChannelKind, { limit: number; intervalMs: number }>> = {
  [ChannelKind.TikTok]: { limit: 600, intervalMs: 60_000 },
  [ChannelKind.FacebookPage]: { limit: 60, intervalMs: 60_000 },
  [ChannelKind.Youtube]: { limit: 60, intervalMs: 60_000 },
  [ChannelKind.ZaloOa]: { limit: 30, intervalMs: 60_000 },
}

const ENV_NAME: Partial<Record<ChannelKind, string>> = {
  [ChannelKind.TikTok]: 'ENGAGEMENT_RATE_TIKTOK',
  [ChannelKind.FacebookPage]: 'ENGAGEMENT_RATE_FACEBOOK',
  [ChannelKind.Youtube]: 'ENGAGEMENT_RATE_YOUTUBE',
  [ChannelKind.ZaloOa]: 'ENGAGEMENT_RATE_ZALO',
}

/** The limit for a platform: "<calls>/<seconds>" from the environment, else the default. */
export function rateFor(kind: ChannelKind): { limit: number; intervalMs: number } {
  const fallback = DEFAULTS[kind] ?? { limit: 30, intervalMs: 60_000 }
  const m = (process.env[ENV_NAME[kind] ?? ''] ?? '').match(/^\s*(\d+)\s*\/\s*(\d+(?:\.\d+)?)\s*$/)
  if (!m || Number(m[1]) < 1 || Number(m[2]) <= 0) return fallback
  return { limit: Number(m[1]), intervalMs: Number(m[2]) * 1000 }
}

/** One window per platform and channel, kept across runs in this process. */
const windows = new Map<string, Limited>()

export function limiterFor(kind: ChannelKind, channelId: string): Limited {
  const key = `${kind}:${channelId}`
  let limited = windows.get(key)
  if (!limited) {
    const { limit, intervalMs } = rateFor(kind)
    // The platform counts arrivals: a call that left on time may land early after a slow one, so
    // the window is kept 5 % longer (at most a second) than the platform's.
    const margin = Math.min(intervalMs * 0.05, 1000)
    const throttle = pThrottle({ limit, interval: intervalMs + margin, strict: true })
    const run = throttle((call: () => Promise<unknown>) => call())
    limited = <T>(call: () => Promise<T>) => run(call) as Promise<T>
    windows.set(key, limited)
  }
  return limited
}
