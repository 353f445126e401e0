import type { Outbound } from './types'

/**
 * The marker a send carries so a later look-up can find the post it may have created (platforms
 * that ignore Idempotency-Key, see each adapter's `lookup`): derived from the publication's
 * idempotency key, carried as a tracking parameter of the link to our page, which readers follow
 * but do not read, and which Facebook, Zalo and YouTube keep as sent.
 */
export const MARKER_PARAM = 'utm_content'

export const marker = (outbound: Pick<Outbound, 'idempotencyKey'>) =>
  `cms-${outbound.idempotencyKey
    .replace(/[^0-9a-z]/gi, '')
    .slice(0, 20)
    .toLowerCase()}`

/** The content's public URL with the marker as its tracking parameter. */
export function markedUrl(url: string, outbound: Pick<Outbound, 'idempotencyKey'>): string {
  try {
    const u = new URL(url)
    u.searchParams.set(MARKER_PARAM, marker(outbound))
    return u.toString()
  } catch {
    return `${url}${url.includes('?') ? '&' : '?'}${MARKER_PARAM}=${marker(outbound)}`
  }
}

/** Whether a text (a post's message, a link, a description) carries this send's marker. */
export const carriesMarker = (
  text: string | null | undefined,
  outbound: Pick<Outbound, 'idempotencyKey'>,
) => !!text && text.includes(`${MARKER_PARAM}=${marker(outbound)}`)

/**
 * Where a look-up starts: posts older than this cannot be the in-doubt send, which went out at or
 * after its scheduled time (a margin for clocks and the dispatcher's lookahead).
 */
export const lookupSince = (outbound: Pick<Outbound, 'scheduledAt'>) =>
  new Date(outbound.scheduledAt).getTime() - 15 * 60_000
