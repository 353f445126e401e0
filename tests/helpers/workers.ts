import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import type { Payload } from 'payload'
import { ChannelStatus, DocStatus } from '@/vocabulary'
import { startFakeWebhook } from '../fakes/webhook'
import { createUnit } from './fixtures'

const root = path.resolve(__dirname, '../..')

/** `npm run worker` as a separate OS process on the test file's database (same env, same secret). */
export function spawnWorker(
  env: Record<string, string> = {},
): ChildProcess & { output: () => string } {
  let out = ''
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', './src/preload.ts', 'src/worker.ts'],
    {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  ) as ChildProcess & { output: () => string }
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (out += d))
  child.output = () => out
  return child
}

export async function waitFor(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
) {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
}

export const stopWorker = (child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode)
    child.once('exit', (code) => resolve(code))
    child.kill(signal)
  })

/**
 * What the worker-process tests deliver to: a fake portal webhook (with `latencyMs` per request), a
 * webhook channel signed for it, and ten published articles of one unit.
 */
export async function webhookChannelWithArticles(payload: Payload, latencyMs: number) {
  const hook = await startFakeWebhook('khoa-ky-thu', { latencyMs })
  const unit = await createUnit(payload, 'Báo Tây Ninh')
  const channel = await payload.create({
    collection: 'channels',
    data: {
      name: 'Cổng TTĐT tỉnh',
      kind: 'webhook',
      settings: { url: `${hook.url}/nhan-tin` },
      credentials: { signingSecret: 'khoa-ky-thu' },
      status: ChannelStatus.Active,
    },
    overrideAccess: true,
  })
  const articleIds: string[] = []
  for (let i = 0; i < 10; i++) {
    const a = await payload.create({
      collection: 'articles',
      data: {
        title: `Bài tuyên truyền số ${i + 1}`,
        ownerUnit: unit.id,
        _status: DocStatus.Published,
        sapo: 'Chuyển đổi số',
      },
      overrideAccess: true,
    })
    articleIds.push(String(a.id))
  }
  return { hook, channelId: String(channel.id), articleIds }
}
