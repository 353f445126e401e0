/**
 * The demo seed of `npm start`'s first run, in a process of its own (seedInChild). Seeding in the
 * web process left its garbage and native memory there: the pictures drawn with sharp, libvips's
 * cache and the allocator's arenas kept the server at ~1 GB resident after the first start against
 * ~690 MB after a plain restart (bench:memory, docs/performance.md). Here it is all returned to the
 * system when the child exits.
 */
import { fork } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const self = fileURLToPath(import.meta.url)

/** Runs the seed (scripts/seed.ts's seed()) in a child process; its progress lines go to stdout. */
export function seedInChild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(self, [], {
      cwd: root,
      execArgv: ['--import', 'tsx', '--import', path.join(root, 'src/preload.ts')],
      env: { ...process.env, SEED_CHILD: '1' },
      stdio: 'inherit',
    })
    child.once('error', reject)
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`Tiến trình tạo dữ liệu mẫu dừng (${signal ?? `mã ${code}`}).`)),
    )
  })
}

if (process.env.SEED_CHILD === '1' && process.argv[1] && path.resolve(process.argv[1]) === self) {
  const { startPayload } = await import('@/lib/startPayload')
  const { seed } = await import('../seed')
  let code = 0
  const payload = await startPayload()
  try {
    await seed(payload, { onProgress: (m: string) => console.log(`  · ${m}`) })
  } catch (err) {
    console.error('Không tạo được dữ liệu mẫu:', err)
    code = 1
  }
  await payload.destroy()
  process.exit(code)
}
