import { Agent, request as undiciRequest } from 'undici'
import { ChannelError } from './types'

export type HttpResult = { status: number; json: unknown; text: string; headers: Headers }

/** Retry-After as seconds or an HTTP date, in milliseconds. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const at = Date.parse(header)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

/**
 * The shared failure classes of every HTTP channel: 408, 429 and 5xx are retried (429 after its
 * Retry-After), 401/403 mean the credentials need attention, any other 4xx is permanent.
 */
export function classifyStatus(
  status: number,
  detail: string,
  headers?: Headers,
): ChannelError | null {
  if (status >= 200 && status < 300) return null
  if (status === 429) {
    return new ChannelError(
      `Kênh từ chối vì gửi quá nhiều (HTTP 429). ${detail}`.trim(),
      'retry',
      status,
      retryAfterMs(headers?.get('retry-after') ?? null),
    )
  }
  if (status === 408 || status >= 500)
    return new ChannelError(
      `Máy chủ kênh tạm thời lỗi (HTTP ${status}). ${detail}`.trim(),
      'retry',
      status,
    )
  if (status === 401 || status === 403) {
    return new ChannelError(
      `Kênh từ chối thông tin xác thực (HTTP ${status}): cần cập nhật mã truy cập. ${detail}`.trim(),
      'reauth',
      status,
    )
  }
  return new ChannelError(
    `Kênh từ chối nội dung (HTTP ${status}). ${detail}`.trim(),
    'permanent',
    status,
  )
}

/** Failures before the request left this machine: nothing reached the remote. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
])

/**
 * A network failure (timeout, reset, refused) is always worth another try. With `creates` (the call
 * that makes a post), a failure after the connection was made leaves the outcome unknown: the
 * platform may have the post.
 */
export function networkError(
  err: unknown,
  url: string,
  timeoutMs: number,
  creates = false,
): ChannelError {
  const e = err as { name?: string; code?: string; cause?: { code?: string }; message?: string }
  let failure: ChannelError
  if (
    e?.name === 'TimeoutError' ||
    e?.name === 'AbortError' ||
    e?.code === 'UND_ERR_HEADERS_TIMEOUT' ||
    e?.code === 'UND_ERR_BODY_TIMEOUT'
  ) {
    failure = new ChannelError(
      `Kênh không trả lời sau ${timeoutMs} ms (${new URL(url).host}).`,
      'retry',
    )
  } else {
    const code = e?.code ?? e?.cause?.code ?? e?.message ?? 'lỗi mạng'
    failure = new ChannelError(
      `Không kết nối được tới kênh ${new URL(url).host} (${code}).`,
      'retry',
    )
  }
  const code = e?.code ?? e?.cause?.code ?? ''
  failure.unknownOutcome = creates && !NOT_SENT.has(code)
  return failure
}

/**
 * This package's own connection pool, not the global dispatcher, which both this package and Node's
 * built-in fetch keep under one global symbol: in the worker it had become Node's bundled undici
 * (6.x; a CPU profile showed request() → node:internal Agent), with about a third more time per
 * request in socket writes (bench:dispatch at 2,000 due: 1,315-1,874 a second against 1,767-2,137
 * for aa68f15).
 */
const channelAgent = new Agent()

/**
 * One HTTP call to a channel, with a timeout. undici's request() rather than fetch(): the same
 * client underneath, with a fraction of fetch's per-request cost, which shows when thousands of
 * publications fall due in the same second.
 */
export async function request(
  url: string,
  init: {
    method?: string
    headers?: Record<string, string>
    body?: string | Buffer
    timeoutMs?: number
    /** This call creates the post: a failure after connecting leaves its outcome unknown (see networkError). */
    creates?: boolean
  } = {},
): Promise<HttpResult> {
  const timeoutMs = init.timeoutMs ?? 15_000
  let status: number
  let text: string
  let headers: Headers
  try {
    const res = await undiciRequest(url, {
      method: (init.method ?? 'GET') as 'GET',
      headers: init.headers,
      body: init.body,
      signal: AbortSignal.timeout(timeoutMs),
      dispatcher: channelAgent,
    })
    status = res.statusCode
    text = await res.body.text()
    headers = new Headers()
    for (const [name, value] of Object.entries(res.headers)) {
      if (value !== undefined)
        headers.set(name, Array.isArray(value) ? value.join(', ') : String(value))
    }
  } catch (err) {
    throw networkError(err, url, timeoutMs, init.creates)
  }
  let json: unknown = undefined
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  return { status, json, text, headers }
}

/** The first line of a remote error body, enough to explain a failure without flooding the log. */
export const briefly = (text: string, max = 300) => text.replace(/\s+/g, ' ').trim().slice(0, max)
