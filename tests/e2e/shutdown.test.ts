import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const root = path.resolve(__dirname, '../..')
let child: ChildProcess | undefined

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL')
})

/** Starts `src/server.ts` as its own process (as `npm start` does) and resolves with its URL. */
function startServerProcess(): Promise<{ proc: ChildProcess; url: string; output: () => string }> {
  let out = ''
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', './src/preload.ts', 'src/server.ts'],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        NODE_ENV: 'production',
        LOG_REQUESTS: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString()
      const m = out.match(/Máy chủ đang chạy tại (http:\/\/[^\s]+)/)
      if (m) resolve({ proc, url: m[1], output: () => out })
    }
    proc.stdout!.on('data', onData)
    proc.stderr!.on('data', onData)
    proc.once('exit', (code) => reject(new Error(`server exited early (${code}):\n${out}`)))
  })
}

describe('graceful shutdown on SIGTERM', () => {
  // Regression of 05/12: signal-exit (via proper-lockfile) re-sent SIGTERM once our `process.once`
  // listener had fired, killing the process mid-drain; see src/lib/shutdown.ts.
  it('lets an in-flight request finish, then closes the database and exits 0', async () => {
    const server = await startServerProcess()
    child = server.proc
    const { hostname, port } = new URL(server.url)

    // A login request whose body arrives slowly: it is in flight when SIGTERM lands.
    const body = JSON.stringify({ email: 'khong-ton-tai@test.vn', password: 'sai-mat-khau' })
    const socket = net.connect(Number(port), hostname)
    await new Promise<void>((r) => socket.once('connect', () => r()))
    let response = ''
    socket.on('data', (d) => (response += d.toString()))
    socket.write(
      `POST /api/users/login HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
    )
    await new Promise((r) => setTimeout(r, 200))

    const exited = new Promise<number | null>((r) => server.proc.once('exit', (code) => r(code)))
    server.proc.kill('SIGTERM')
    // Once the handler has run (it logs first, then closes the listener in the same tick): under
    // CI's load the signal can wait a while for the event loop, so no fixed delay.
    for (let i = 0; i < 200 && !server.output().includes('Nhận SIGTERM'); i++)
      await new Promise((r) => setTimeout(r, 50))
    await new Promise((r) => setTimeout(r, 100))
    // New connections are refused while the old one is still being served.
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow()
    socket.write(body.slice(10))
    await new Promise<void>((r) => socket.once('end', () => r()))

    expect(response).toMatch(/^HTTP\/1\.1 401/)
    expect(await exited).toBe(0)
    expect(server.output()).toContain('Nhận SIGTERM')
  })
})
