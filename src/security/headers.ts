import crypto from 'node:crypto'
import type { ServerResponse } from 'node:http'
import type { RequestHandler } from 'express'
import helmet from 'helmet'

const isHttps = () => (process.env.PUBLIC_SERVER_URL ?? '').startsWith('https:')

/**
 * Helmet's headers for every response. No CSP here: the admin's Next.js bundle relies on inline
 * scripts and styles, so it keeps Next's own rules, and the public pages get theirs below.
 * Strict-Transport-Security only when the site is served over https (PUBLIC_SERVER_URL): over
 * plain http a browser ignores it, and announcing it there would be wrong. Public content and its
 * images are meant to be embedded by portals, hence the cross-origin resource policy.
 */
export const securityHeaders = (): RequestHandler =>
  helmet({
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    strictTransportSecurity: isHttps() ? { maxAge: 365 * 86_400, includeSubDomains: true } : false,
  })

// Helmet calls directive functions with Node's response; Express's response carries the nonce in its locals.
const nonce = (_req: unknown, res: ServerResponse) =>
  `'nonce-${(res as ServerResponse & { locals: { cspNonce: string } }).locals.cspNonce}'`

/**
 * The content security policy of the public pages, with a fresh nonce per response. Next.js reads
 * the nonce from the request's Content-Security-Policy header and puts it on every script it
 * renders (the pages render per request), so only Next's own scripts run, and what they load
 * ('strict-dynamic'). Routes under `skip` (the admin, the API, Next's static files) are left alone.
 */
export function publicPagePolicy(skip: string[]): RequestHandler {
  const policy = helmet.contentSecurityPolicy({
    useDefaults: true,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", nonce, "'strict-dynamic'"],
      styleSrc: ["'self'", nonce],
      imgSrc: ["'self'", 'data:', 'https:'],
      mediaSrc: ["'self'", 'https:'],
      connectSrc: ["'self'"],
      // YouTube videos play through the privacy-enhanced embed only (src/app/(frontend)/videos).
      frameSrc: ["'self'", 'https://www.youtube-nocookie.com'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'self'"],
      upgradeInsecureRequests: isHttps() ? [] : null,
    },
  })
  const skipped = (path: string) =>
    skip.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))
  return (req, res, next) => {
    if (skipped(req.path)) return next()
    res.locals.cspNonce = crypto.randomBytes(16).toString('base64')
    policy(req, res, (err?: unknown) => {
      if (err) return next(err)
      req.headers['content-security-policy'] = String(res.getHeader('Content-Security-Policy'))
      next()
    })
  }
}
