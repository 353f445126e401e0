/**
 * Rate limits and the public pages' content security policy on the real server: 429 with
 * Retry-After and a Vietnamese message after the limit, per client address behind the trusted
 * proxy; the policy header on the public page, and the page still working in Chromium with no
 * CSP violation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '@/server'
import { launchBrowser } from '../helpers/browser'
import { PASSWORD, createUnit, createUser } from '../helpers/fixtures'
import { restLogin, stopTestServer, testServer } from '../helpers/server'

let server: RunningServer
let base: string
let editorEmail: string

// Small limits, so the test reaches them; each test below uses its own client address.
Object.assign(process.env, {
  RATE_LIMIT_LOGIN: '3',
  RATE_LIMIT_PASSWORD_RESET: '2',
  RATE_LIMIT_API: '20',
  RATE_LIMIT_API_SIGNED_IN: '1000',
})

beforeAll(async () => {
  server = await testServer()
  base = server.url
  const unit = await createUnit(server.payload, 'Báo Tây Ninh')
  editorEmail = (await createUser(server.payload, 'editor', unit.id)).email as string
  await server.payload.create({
    collection: 'articles',
    overrideAccess: true,
    data: { title: 'Tin công khai', ownerUnit: unit.id, _status: 'published' } as never,
  })
})

afterAll(async () => {
  await stopTestServer()
})

/** A client behind the trusted proxy (the test talks to the server over loopback, which is trusted). */
const from = (address: string, headers: Record<string, string> = {}) => ({
  'x-forwarded-for': address,
  ...headers,
})

async function expectLimited(res: Response) {
  expect(res.status).toBe(429)
  const retryAfter = Number(res.headers.get('retry-after'))
  expect(retryAfter).toBeGreaterThan(0)
  const body = (await res.json()) as { errors: { message: string }[] }
  expect(body.errors[0].message).toMatch(/quá nhiều lần.*Vui lòng thử lại sau/)
  return retryAfter
}

describe('rate limits', () => {
  const login = (address: string, email: string, password: string) =>
    fetch(`${base}/api/users/login`, {
      method: 'POST',
      headers: from(address, { 'content-type': 'application/json' }),
      body: JSON.stringify({ email, password }),
    })

  it('failed logins: 429 with Retry-After after the limit, per client address; successes are not counted', async () => {
    // Successful logins do not count towards the limit (an office shares one address).
    for (let i = 0; i < 4; i++)
      expect((await login('198.51.100.1', editorEmail, PASSWORD)).status).toBe(200)
    for (let i = 0; i < 3; i++)
      expect((await login('198.51.100.1', 'khong-co@test.vn', 'sai')).status).toBe(401)
    const retryAfter = await expectLimited(await login('198.51.100.1', 'khong-co@test.vn', 'sai'))
    expect(retryAfter).toBeLessThanOrEqual(15 * 60)
    // Even the right password waits now from that address…
    expect((await login('198.51.100.1', editorEmail, PASSWORD)).status).toBe(429)
    // …while another client is not affected.
    expect((await login('198.51.100.2', editorEmail, PASSWORD)).status).toBe(200)
  })

  it('the per-account lockout stays: wrong passwords from many addresses lock the account', async () => {
    const victim = (await createUser(server.payload, 'viewer')).email as string
    // Each attempt from its own address, so the address limit never answers: the account's lockout does.
    for (let i = 0; i < 5; i++)
      expect((await login(`203.0.113.${i + 1}`, victim, 'sai')).status).toBe(401)
    const locked = await login('203.0.113.99', victim, PASSWORD)
    expect(locked.status).toBe(401)
    expect(JSON.stringify(await locked.json())).toMatch(/bị khóa/)
  })

  it('password reset requests: 429 after the limit', async () => {
    const forgot = () =>
      fetch(`${base}/api/users/forgot-password`, {
        method: 'POST',
        headers: from('198.51.100.3', { 'content-type': 'application/json' }),
        body: JSON.stringify({ email: 'khong-co@test.vn' }),
      })
    for (let i = 0; i < 2; i++) expect((await forgot()).status).not.toBe(429)
    await expectLimited(await forgot())
  })

  it('the public API: 429 after the limit for anonymous clients; a signed-in user keeps going', async () => {
    const address = '198.51.100.4'
    for (let i = 0; i < 20; i++)
      expect((await fetch(`${base}/api/articles?limit=1`, { headers: from(address) })).status).toBe(
        200,
      )
    await expectLimited(await fetch(`${base}/api/articles?limit=1`, { headers: from(address) }))
    // The admin's limit is far higher: a signed-in user from the same address is still served.
    const token = await restLogin(base, editorEmail, PASSWORD)
    const signedIn = await fetch(`${base}/api/articles?limit=1`, {
      headers: from(address, { Authorization: `JWT ${token}` }),
    })
    expect(signedIn.status).toBe(200)
    // A forged token is anonymous.
    const forged = await fetch(`${base}/api/articles?limit=1`, {
      headers: from(address, { Authorization: `JWT ${token.slice(0, -4)}AAAA` }),
    })
    expect(forged.status).toBe(429)
  })
})

describe('content security policy of the public pages', () => {
  it('sends a policy with a fresh nonce on the public page, none on the admin, no HSTS over http', async () => {
    const page = await fetch(`${base}/`, { headers: from('198.51.100.5') })
    expect(page.status).toBe(200)
    const policy = page.headers.get('content-security-policy') ?? ''
    const nonce = policy.match(/'nonce-([^']+)'/)?.[1]
    expect(nonce, policy).toBeTruthy()
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/)
    expect(policy).toContain("object-src 'none'")
    expect(policy).not.toContain('unsafe-inline')
    const html = await page.text()
    // Next puts the nonce on every script it renders.
    const scripts = html.match(/<script\b[^>]*>/g) ?? []
    expect(scripts.length).toBeGreaterThan(0)
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
    const again = await fetch(`${base}/`, { headers: from('198.51.100.5') })
    expect(again.headers.get('content-security-policy')).not.toBe(policy)
    expect(page.headers.get('strict-transport-security')).toBeNull()
    const admin = await fetch(`${base}/admin/login`, { headers: from('198.51.100.5') })
    expect(admin.headers.get('content-security-policy')).toBeNull()
  })

  it('the public page works in Chromium with no CSP violation or console error', async () => {
    const browser = await launchBrowser()
    try {
      const page = await browser.newPage()
      const problems: string[] = []
      // A console error (CSP violations are reported there too), except the resource load failures
      // Chromium logs without a URL: those are checked below by response, with their URL.
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
          problems.push(m.text())
      })
      // The page has no favicon; any other failed response is a problem.
      page.on('response', (r) => {
        if (r.status() >= 400 && new URL(r.url()).pathname !== '/favicon.ico')
          problems.push(`${r.status()} ${r.url()}`)
      })
      page.on('pageerror', (e) => problems.push(e.message))
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)
        })
      })
      await page.goto(`${base}/`, { waitUntil: 'networkidle' })
      await expect(page.locator('h1').textContent()).resolves.toContain('Chuyển đổi số')
      await expect(page.getByText('Tin công khai').count()).resolves.toBeGreaterThan(0)
      // React hydrated: Next's client runtime ran (its scripts were allowed by the nonce).
      await page.waitForFunction(() => !!(window as { next?: { version?: string } }).next?.version)
      expect(problems).toEqual([])
    } finally {
      await browser.close()
    }
  })
})
