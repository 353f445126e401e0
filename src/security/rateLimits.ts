import { ipKeyGenerator, rateLimit, type Options, type RateLimitInfo } from 'express-rate-limit'
import { Router, type Request, type RequestHandler, type Response } from 'express'
import { jwtVerify } from 'jose'
import type { Payload } from 'payload'

const MINUTE = 60_000

/** A count from the environment; 0 turns that limit off. */
const count = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? fallback)
  return Number.isFinite(v) && v >= 0 ? Math.floor(v) : fallback
}

/** The limits per client address (see .env.example); read when the server starts. */
export const rateLimitSettings = () => ({
  /** Failed logins per 15 minutes (successful ones are not counted, so an office behind one address is not locked out). */
  login: count('RATE_LIMIT_LOGIN', 20),
  /** Password reset requests and resets per hour. */
  passwordReset: count('RATE_LIMIT_PASSWORD_RESET', 10),
  /** API and feed requests per minute without a valid login… */
  api: count('RATE_LIMIT_API', 600),
  /** …and with one: the admin calls the API for every list and form, so it gets far more. */
  apiSignedIn: count('RATE_LIMIT_API_SIGNED_IN', 6000),
  /**
   * Public form submissions (event check-in, surveys) per minute: generous, since a hall's
   * attendees may share one address (the venue's Wi-Fi), yet a burst from one script stops.
   */
  publicForm: count('RATE_LIMIT_PUBLIC_FORM', 60),
})

/** `trust proxy` from TRUST_PROXY: a hop count, true/false, or addresses and subnets (default: loopback). */
export function trustProxy(): boolean | number | string {
  const v = (process.env.TRUST_PROXY ?? 'loopback').trim()
  if (/^\d+$/.test(v)) return Number(v)
  if (v === 'true' || v === 'false') return v === 'true'
  return v
}

const waitText = (seconds: number) =>
  seconds < 90 ? `${Math.max(1, seconds)} giây` : `${Math.ceil(seconds / 60)} phút`

/** The Vietnamese refusal of a limited request. */
const refusalText = (req: Request, what: string, windowMs: number) => {
  const reset = (req as Request & { rateLimit?: RateLimitInfo }).rateLimit?.resetTime
  const seconds = reset
    ? Math.ceil((reset.getTime() - Date.now()) / 1000)
    : Math.ceil(windowMs / 1000)
  return `${what} quá nhiều lần từ địa chỉ của bạn. Vui lòng thử lại sau ${waitText(seconds)}.`
}

/** A Vietnamese 429 in Payload's error shape; the middleware has already set Retry-After. */
const refuse =
  (what: string): Options['handler'] =>
  (req, res, _next, options) => {
    res
      .status(options.statusCode)
      .set('Cache-Control', 'no-store')
      .json({ errors: [{ message: refusalText(req, what, options.windowMs) }] })
  }

const limiter = (windowMs: number, what: string, options: Partial<Options>) =>
  rateLimit({
    windowMs,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: refuse(what),
    ...options,
  })

/** The token of a request as Payload reads it: its cookie, or `Authorization: JWT …` / `Bearer …`. */
function tokenOf(req: Request, cookieName: string): string | null {
  const auth = req.headers.authorization
  const bearer = auth?.match(/^(?:JWT|Bearer)\s+(\S+)$/i)
  if (bearer) return bearer[1]
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === cookieName) return decodeURIComponent(value.join('='))
  }
  return null
}

/**
 * Per client address (behind the trusted proxy, see trustProxy): failed logins, password resets,
 * and the public API and feeds. A request with a valid login (its signature and expiry checked as
 * Payload checks them, without a database read) gets the generous admin limit. Counters live in
 * the process's memory: each server process counts on its own. The per-account lockout
 * (LOGIN_MAX_ATTEMPTS) is Payload's and applies as well.
 */
export function rateLimits(payload: Payload): Router {
  const limits = rateLimitSettings()
  const api = payload.config.routes.api
  const users = `${api}/${payload.config.admin.user}`
  const cookieName = `${payload.config.cookiePrefix}-token`
  const secretKey = new TextEncoder().encode(payload.secret)
  // Checked once per request (the limit and the key both ask).
  const checked = new WeakMap<Request, Promise<boolean>>()
  const verify = async (req: Request) => {
    const token = tokenOf(req, cookieName)
    if (!token) return false
    try {
      await jwtVerify(token, secretKey)
      return true
    } catch {
      return false
    }
  }
  const signedIn = (req: Request) => {
    let result = checked.get(req)
    if (!result) checked.set(req, (result = verify(req)))
    return result
  }

  const router = Router()
  if (limits.login)
    router.post(
      `${users}/login`,
      limiter(15 * MINUTE, 'Đăng nhập sai', {
        limit: limits.login,
        skipSuccessfulRequests: true,
      }),
    )
  if (limits.passwordReset)
    router.post(
      [`${users}/forgot-password`, `${users}/reset-password`],
      limiter(60 * MINUTE, 'Yêu cầu đặt lại mật khẩu', { limit: limits.passwordReset }),
    )
  if (limits.api)
    router.use(
      [api, '/feeds'],
      limiter(MINUTE, 'Gửi yêu cầu', {
        limit: async (req) => ((await signedIn(req)) ? limits.apiSignedIn : limits.api),
        skip: async (req) => limits.apiSignedIn === 0 && (await signedIn(req)),
        // The two limits count apart: a login does not inherit the anonymous count, nor the reverse.
        keyGenerator: async (req) =>
          `${(await signedIn(req)) ? 'in' : 'out'}:${ipKeyGenerator(req.ip ?? '')}`,
      }),
    )
  return router
}

/**
 * The public forms' limit per client address (check-in, surveys: src/publicForms/), null when
 * RATE_LIMIT_PUBLIC_FORM is 0. The counter is the only place the address is kept, in this
 * process's memory, for the minute of its window; `respond` writes the refusal (an HTML page).
 */
export function publicFormLimiter(
  respond: (req: Request, res: Response, message: string) => void,
): RequestHandler | null {
  const limit = rateLimitSettings().publicForm
  if (!limit) return null
  return limiter(MINUTE, 'Gửi biểu mẫu', {
    limit,
    keyGenerator: (req) => `form:${ipKeyGenerator(req.ip ?? '')}`,
    handler: (req, res, _next, options) => {
      res.status(options.statusCode).set('Cache-Control', 'no-store')
      respond(req, res, refusalText(req, 'Gửi biểu mẫu', options.windowMs))
    },
  })
}
