/** Capped exponential backoff with ±20 % jitter, so retries of many items do not arrive in step. */
export function backoffMs(
  attempt: number,
  baseMs = Number(process.env.DISPATCH_BACKOFF_BASE_MS || 30_000),
  capMs = Number(process.env.DISPATCH_BACKOFF_CAP_MS || 3_600_000),
  random = Math.random,
): number {
  const raw = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(raw * (0.8 + random() * 0.4))
}

/** After this many failed tries a publication is marked failed for a person to look at. */
export const MAX_ATTEMPTS = Number(process.env.DISPATCH_MAX_ATTEMPTS || 8)
