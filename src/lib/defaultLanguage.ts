import type { RequestHandler } from 'express'

/**
 * Vietnamese unless the user chose otherwise: Payload picks the admin and API language from the
 * `payload-lng` cookie, then Accept-Language. A browser set to English would otherwise get English,
 * so without the cookie we ask for Vietnamese. Users switch to English in their account settings.
 */
export const defaultLanguage: RequestHandler = (req, _res, next) => {
  if (!/(?:^|;\s*)payload-lng=/.test(req.headers.cookie ?? ''))
    req.headers['accept-language'] = 'vi'
  next()
}
