/**
 * A phone on a public form (check-in, surveys): it keeps the device cookie the server gives it and
 * posts from its own address (X-Forwarded-For, trusted from loopback), as a crowd on mobile data.
 */
import { DEVICE_COOKIE } from '@/publicForms/device'

export function formPhone(base: () => string, formPath: string, address: string) {
  let cookie = ''
  const send = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${base()}${path}`, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        'x-forwarded-for': address,
        ...(cookie ? { cookie } : {}),
      },
    })
    const set = res.headers.getSetCookie().find((c) => c.startsWith(`${DEVICE_COOKIE}=`))
    if (set) cookie = set.split(';')[0]
    return { status: res.status, text: await res.text(), res }
  }
  return {
    get: (code: string) => send(`${formPath}/${code}`),
    post: (code: string, body: string, type = 'application/x-www-form-urlencoded') =>
      send(`${formPath}/${code}`, { method: 'POST', body, headers: { 'content-type': type } }),
    /** Clears the cookie: the same phone as a new device. */
    forget: () => (cookie = ''),
    get cookie() {
      return cookie
    },
  }
}
