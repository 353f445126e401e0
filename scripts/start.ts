/**
 * `npm start`: everything a fresh clone needs, in order: a secret, the production build (made when
 * missing or older than the sources), the database and its migrations, demo data on first run,
 * then the web server (and, from the scheduling work on, the dispatcher).
 */
import 'dotenv/config'
import { ensureBuild } from './lib/ensureBuild'

Object.assign(process.env, { NODE_ENV: 'production' })

async function main() {
  await ensureBuild()
  const { resolveSecret, databaseUri } = await import('../src/lib/env')
  resolveSecret()
  const { createServer } = await import('../src/server')
  const { seed, DEMO_PASSWORD } = await import('./seed')

  console.log(`Cơ sở dữ liệu: ${databaseUri()}`)
  const running = await createServer()
  const result =
    process.env.SEED_DEMO === 'false'
      ? { demoUsers: [] as { email: string; roleLabel: string }[] }
      : await seed(running.payload, { onProgress: (m: string) => console.log(`  · ${m}`) })

  console.log('')
  console.log(`✔ Hệ thống đã sẵn sàng: ${running.url}`)
  console.log(`  Trang quản trị: ${running.url}/admin`)
  console.log(`  API: ${running.url}/api/articles · GraphQL: ${running.url}/api/graphql`)
  if (result.demoUsers.length) {
    console.log(`  Tài khoản demo (mật khẩu chung: ${DEMO_PASSWORD}):`)
    for (const u of result.demoUsers) console.log(`    - ${u.email.padEnd(34)} ${u.roleLabel}`)
  }

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, async () => {
      console.log(`Nhận ${signal}: đang dừng an toàn…`)
      await running.close()
      process.exit(0)
    })
  }
}

main().catch((err) => {
  console.error('Không khởi động được hệ thống:', err)
  process.exit(1)
})
