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
export function classifyStatus(status: number, detail: string, headers?: Headers): ChannelError | null {
  if (status >= 200 && status < 300) return null
  if (status === 429) {
    return new ChannelError(`Kênh từ chối vì gửi quá nhiều (HTTP 429). ${detail}`.trim(), 'retry', status, retryAfterMs(headers?.get('retry-after') ?? null))
  }
  if (status === 408 || status >= 500) return new ChannelError(`Máy chủ kênh tạm thời lỗi (HTTP ${status}). ${detail}`.trim(), 'retry', status)
  if (status === 401 || status === 403) {
    return new ChannelError(`Kênh từ chối thông tin xác thực (HTTP ${status}): cần cập nhật mã truy cập. ${detail}`.trim(), 'reauth', status)
  }
  return new ChannelError(`Kênh từ chối nội dung (HTTP ${status}). ${detail}`.trim(), 'permanent', status)
}

/** A network failure (timeout, reset, refused) is always worth another try. */
export function networkError(err: unknown, url: string, timeoutMs: number): ChannelError {
  const e = err as { name?: string; cause?: { code?: string }; message?: string }
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return new ChannelError(`Kênh không trả lời sau ${timeoutMs} ms (${new URL(url).host}).`, 'retry')
  }
  const code = e?.cause?.code ?? e?.message ?? 'lỗi mạng'
  return new ChannelError(`Không kết nối được tới kênh ${new URL(url).host} (${code}).`, 'retry')
}

export async function request(
  url: string,
  init: RequestInit & { timeoutMs?: number } = {},
): Promise<HttpResult> {
  const timeoutMs = init.timeoutMs ?? 15_000
  let res: Response
  let text: string
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })
    text = await res.text()
  } catch (err) {
    throw networkError(err, url, timeoutMs)
  }
  let json: unknown = undefined
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  return { status: res.status, json, text, headers: res.headers }
}

/** The first line of a remote error body, enough to explain a failure without flooding the log. */
export const briefly = (text: string, max = 300) => text.replace(/\s+/g, ' ').trim().slice(0, max)
