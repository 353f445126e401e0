import type { RunningServer } from '@/server'

let running: RunningServer | undefined

/** The real Express + Next + Payload server of this test file, on an ephemeral loopback port. */
export async function testServer(): Promise<RunningServer> {
  if (!running) {
    Object.assign(process.env, { NODE_ENV: 'production' })
    const { createServer } = await import('@/server')
    running = await createServer({ port: 0, host: '127.0.0.1', dev: false, logRequests: false })
  }
  return running
}

export async function stopTestServer() {
  await running?.close()
  running = undefined
}

/** Logs in through REST and returns the JWT for an `Authorization: JWT …` header. */
export async function restLogin(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (res.status !== 200) throw new Error(`login ${email} → ${res.status} ${await res.text()}`)
  return ((await res.json()) as { token: string }).token
}
