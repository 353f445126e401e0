/**
 * `npm start`: everything a fresh clone needs, in order: a secret, the production build (made when
 * missing or older than the sources), the database and its migrations, demo data on first run (in
 * a child process), then the web server and a dispatcher in the same process (`npm run worker`
 * adds more).
 */
import 'dotenv/config'
import { onShutdownSignal } from '@/lib/shutdown'
import { reportMemoryOnSignal } from '@/lib/memoryReport'
import { roles } from '@/vocabulary'
import { ensureBuild } from './lib/ensureBuild'

Object.assign(process.env, { NODE_ENV: 'production' })
// Long database work (the rollup's fold and rebuilds, backups, exports) in a child process of its
// own, so pages and sends go on meanwhile (src/heavy; bench:stall). HEAVY_WORK=inline keeps it here.
process.env.HEAVY_WORK ??= 'process'
// `kill -USR2 <pid>` prints what the process's memory is made of (bench:memory reads it).
reportMemoryOnSignal('web')
if (process.env.SOURCE_MAPS !== 'true') process.setSourceMapsEnabled(false)

async function main() {
  await ensureBuild()
  const { resolveSecret, databaseUri } = await import('@/lib/env')
  resolveSecret()
  const { createServer } = await import('@/server')
  const { createDispatcher } = await import('@/dispatch/dispatcher')
  const { startRollupCron } = await import('@/reporting/cron')
  const { startOpsCron } = await import('@/backup/cron')
  const { startReportCron } = await import('@/reporting/unitReports/cron')
  const { startEngagementCron } = await import('@/engagement/pull/cron')
  const { DEMO_PASSWORD } = await import('./seed')
  const { seedInChild } = await import('./lib/seedProcess')
  const { USERS } = await import('./seed-data/users')

  console.log(`Cơ sở dữ liệu: ${databaseUri()}`)
  const running = await createServer()
  const { payload } = running

  // Demo data on the first run only: an admin who deletes it does not see it come back.
  const firstRun =
    (await payload.count({ collection: 'users', overrideAccess: true })).totalDocs === 0
  if (firstRun && process.env.SEED_DEMO !== 'false') {
    console.log('Lần chạy đầu: đang tạo dữ liệu mẫu…')
    // In a child process: what seeding allocates leaves with it (scripts/lib/seedProcess.ts).
    await seedInChild()
  }
  const demo = await payload.find({
    collection: 'users',
    where: { email: { in: USERS.map((u) => u.email) } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })

  const dispatcher = createDispatcher(payload)
  dispatcher.start()
  const rollup = startRollupCron(payload)
  const ops = startOpsCron(payload)
  const reminders = startReportCron(payload)
  const engagement = startEngagementCron(payload)

  console.log('')
  console.log(`✔ Hệ thống đã sẵn sàng: ${running.url}`)
  console.log(`  Trang quản trị: ${running.url}/admin`)
  console.log(`  API: ${running.url}/api/articles · GraphQL: ${running.url}/api/graphql`)
  if (demo.docs.length) {
    console.log(`  Tài khoản demo (mật khẩu chung: ${DEMO_PASSWORD}):`)
    for (const u of demo.docs) console.log(`    - ${u.email.padEnd(34)} ${roles.label(u.role)}`)
  } else if (firstRun) {
    console.log('  Chưa có tài khoản: mở trang quản trị để tạo tài khoản quản trị đầu tiên.')
  }

  onShutdownSignal(async (signal) => {
    console.log(`Nhận ${signal}: đang dừng an toàn…`)
    await dispatcher.stop()
    await rollup.stop()
    await ops.stop()
    await reminders.stop()
    await engagement.stop()
    await running.close()
  })
}

main().catch((err) => {
  console.error('Không khởi động được hệ thống:', err)
  process.exit(1)
})
