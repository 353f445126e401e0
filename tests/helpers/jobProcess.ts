/**
 * A second process over the test file's database running the background-job runner (a server
 * or worker as far as the jobs are concerned), killed by tests/int/job-runner.test.ts while it
 * holds a job. It prints "READY <pid>" once its runner is started.
 */
import { startJobRunner } from '@/jobs/runner'
import { startPayload } from '@/lib/startPayload'

const payload = await startPayload()
startJobRunner(payload, { pollMs: 50 })
console.log(`READY ${process.pid}`)
