import crypto from 'node:crypto'
import type { Request, Response } from 'express'

/**
 * The anonymous device of the public forms (check-in, surveys): a random id in a cookie signed with
 * an HMAC of the app's secret, not a fingerprint. It lets a form count one device once; clearing
 * the cookie makes a new device, which the per-address rate limit bounds.
 */
export const DEVICE_COOKIE = 'cms-thiet-bi'
const YEAR_SECONDS = 365 * 86_400

const hmac = (secret: string, text: string) =>
  crypto.createHmac('sha256', secret).update(text).digest('base64url')

const signed = (secret: string, id: string) => `${id}.${hmac(secret, `device:${id}`).slice(0, 32)}`

/** The device id of a well-signed cookie, or null (absent, altered, or signed with another secret). */
export function readDevice(req: Request, secret: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=')
    if (name !== DEVICE_COOKIE || !value) continue
    const id = value.split('.')[0]
    const expected = Buffer.from(signed(secret, id))
    const given = Buffer.from(value)
    if (given.length === expected.length && crypto.timingSafeEqual(given, expected)) return id
  }
  return null
}

/** The request's device, giving it a new signed cookie when it has none (or a bad one). */
export function ensureDevice(req: Request, res: Response, secret: string): string {
  const known = readDevice(req, secret)
  if (known) return known
  const id = crypto.randomBytes(16).toString('base64url')
  const secure = (process.env.PUBLIC_SERVER_URL ?? '').startsWith('https:') ? '; Secure' : ''
  res.append(
    'Set-Cookie',
    `${DEVICE_COOKIE}=${signed(secret, id)}; Path=/; Max-Age=${YEAR_SECONDS}; HttpOnly; SameSite=Lax${secure}`,
  )
  return id
}

/**
 * What is stored of a device for one form (an event, a survey): a keyed hash of the device id and
 * the form, so the same phone at two events leaves two unrelated keys and none leads back to it.
 */
export const deviceKey = (secret: string, deviceId: string, scope: string) =>
  hmac(secret, `key:${scope}:${deviceId}`).slice(0, 43)
