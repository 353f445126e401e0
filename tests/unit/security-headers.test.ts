/**
 * The header middleware on a small Express app over real HTTP: HSTS and upgrade-insecure-requests
 * only when PUBLIC_SERVER_URL is https, the public policy's nonce handed to the page renderer
 * through the request, skipped routes left alone; TRUST_PROXY parsing.
 */
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterEach, describe, expect, it } from 'vitest'
import { publicPagePolicy, securityHeaders } from '@/security/headers'
import { trustProxy } from '@/security/rateLimits'

const servers: { close: () => void }[] = []
afterEach(() => {
  for (const s of servers.splice(0)) s.close()
  delete process.env.PUBLIC_SERVER_URL
  delete process.env.TRUST_PROXY
})

async function serve(publicUrl: string | undefined): Promise<string> {
  if (publicUrl) process.env.PUBLIC_SERVER_URL = publicUrl
  else delete process.env.PUBLIC_SERVER_URL
  const app = express()
  app.use(securityHeaders())
  app.use(publicPagePolicy(['/admin']))
  // What the page renderer (Next) would see of the policy.
  app.get('/{*splat}', (req, res) => {
    res.json({ requestPolicy: req.headers['content-security-policy'] ?? null })
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  servers.push(server)
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('security headers', () => {
  it('over https: HSTS, and the public policy upgrades insecure requests', async () => {
    const base = await serve('https://chuyendoiso.tayninh.gov.vn')
    const res = await fetch(`${base}/tin-tuc`)
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains')
    const policy = res.headers.get('content-security-policy') ?? ''
    expect(policy).toContain('upgrade-insecure-requests')
    expect(((await res.json()) as { requestPolicy: string }).requestPolicy).toBe(policy)
  })

  it('over http: no HSTS, no upgrade; a fresh nonce per response; skipped routes get no policy', async () => {
    const base = await serve(undefined)
    const a = await fetch(`${base}/`)
    const b = await fetch(`${base}/`)
    expect(a.headers.get('strict-transport-security')).toBeNull()
    const policy = a.headers.get('content-security-policy') ?? ''
    expect(policy).not.toContain('upgrade-insecure-requests')
    const nonceA = policy.match(/'nonce-([A-Za-z0-9+/=]+)'/)?.[1]
    const nonceB = b.headers.get('content-security-policy')?.match(/'nonce-([A-Za-z0-9+/=]+)'/)?.[1]
    expect(nonceA).toHaveLength(24)
    expect(nonceB).toHaveLength(24)
    expect(nonceA).not.toBe(nonceB)
    const admin = await fetch(`${base}/admin/collections/articles`)
    expect(admin.headers.get('content-security-policy')).toBeNull()
    expect(((await admin.json()) as { requestPolicy: string | null }).requestPolicy).toBeNull()
    // helmet's other headers apply everywhere.
    expect(admin.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('TRUST_PROXY: loopback by default, hop counts, booleans and address lists', () => {
    expect(trustProxy()).toBe('loopback')
    process.env.TRUST_PROXY = '1'
    expect(trustProxy()).toBe(1)
    process.env.TRUST_PROXY = 'false'
    expect(trustProxy()).toBe(false)
    process.env.TRUST_PROXY = 'loopback, 10.0.0.0/8'
    expect(trustProxy()).toBe('loopback, 10.0.0.0/8')
  })
})
