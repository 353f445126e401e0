/**
 * `npm run worker`: a dispatcher on its own, to scale sending out across processes or machines.
 * Any number can run against the same database: claims are leased, so nothing is sent twice.
 */
import 'dotenv/config'
import { createDispatcher } from './dispatch/dispatcher'
import { resolveSecret } from './lib/env'
import { startPayload } from './lib/startPayload'
import { startRollupCron } from './reporting/cron'
import { startOpsCron } from './backup/cron'
import { onShutdownSignal } from './lib/shutdown'
import { startReportCron } from './reporting/unitReports/cron'
import { startEngagementCron } from './engagement/pull/cron'
import { heavyProcessWanted, startHeavyProcess } from './heavy/process'
import { startJobRunner } from './jobs/runner'

resolveSecret()
const payload = await startPayload()
// With HEAVY_WORK=process, the rollup's rebuild and fold and the backup in a child process.
const heavy = heavyProcessWanted() ? startHeavyProcess() : undefined
const dispatcher = createDispatcher(payload)
dispatcher.start()
// The rollup runs beside every dispatcher; its lease lets only one worker compute at a time.
const rollup = startRollupCron(payload)
// Nightly backup (SQLite) and the audit trail's retention purge, one worker at a time.
const ops = startOpsCron(payload)
const reminders = startReportCron(payload)
// Reach and engagement pulled from the social platforms (ENGAGEMENT_PULL_*), one worker at a time.
const engagement = startEngagementCron(payload)
// Rebuilds and exports asked for in the admin (src/jobs): whichever process claims one first runs it.
const jobs = startJobRunner(payload)
console.log(`Bộ điều phối ${dispatcher.workerId} đang chạy.`)

onShutdownSignal(async (signal) => {
  console.log(`Nhận ${signal}: hoàn tất các lượt gửi đang dở rồi dừng…`)
  await dispatcher.stop()
  await rollup.stop()
  await ops.stop()
  await reminders.stop()
  await engagement.stop()
  await jobs.stop()
  await heavy?.stop()
  await payload.destroy()
})
