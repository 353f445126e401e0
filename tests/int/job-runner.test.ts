/**
 * The background-job runner (src/jobs): a queued job runs once however many runners race for it,
 * with its progress written as it goes; a job whose process was killed -9 is taken over at once
 * by a runner of the same host, another host's only when its lease runs out; a job interrupted
 * too often fails for good with a Vietnamese message (an export's report says so too); a runner
 * that stops hands its job back. The work is the reports page's real rebuild of the hand-worked
 * dataset, held at its first step by holding the rollup lease here.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { BackgroundJob } from '@/payload-types'
import { findJob } from '@/jobs/queue'
import { startJobRunner, type JobRunner } from '@/jobs/runner'
import { LEASE } from '@/reporting/cron'
import { rebuildYear } from '@/reporting/engine'
import { releaseLease, tryLease } from '@/reporting/lease'
import { rebuildJob, startRebuild } from '@/reporting/rebuildJobs'
import { ExportJobStatus, GeneratedReportKind, JobKind, JobState } from '@/vocabulary'
import { testPayload } from '../helpers/payload'
import { cellMap, handDataset } from '../helpers/rollup'

let payload: Payload
let expected: Map<string, number>
const runners: JobRunner[] = []
const children: ChildProcess[] = []
const HOLDER = 'test:rollup-lease'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const dropCells = () =>
  payload.db.deleteMany({ collection: 'rollup-cells', where: { year: { equals: 2026 } } })
const runner = (options: Parameters<typeof startJobRunner>[1] = {}) => {
  const r = startJobRunner(payload, { pollMs: 50, ...options })
  runners.push(r)
  return r
}
async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000) {
  const started = Date.now()
  for (;;) {
    const value = await read()
    if (ok(value)) return value
    if (Date.now() - started > ms) throw new Error(`${what}: ${JSON.stringify(value)}`)
    await sleep(50)
  }
}
const job = async (id: string) => (await findJob(payload, id)) as BackgroundJob

beforeAll(async () => {
  payload = await testPayload()
  await handDataset(payload)
  await rebuildYear(payload, 2026)
  expected = await cellMap(payload, 2026)
  expect(expected.size).toBeGreaterThan(50)
})

// A test that fails while holding the rollup lease does not hold up the next ones.
afterEach(() => releaseLease(payload, LEASE, HOLDER))

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL')
  for (const r of runners) await r.stop(100)
})

describe('background jobs', () => {
  it('a queued rebuild runs once with three runners racing, its progress written as it goes', async () => {
    await dropCells()
    expect(await tryLease(payload, LEASE, HOLDER, 10 * 60_000)).toBe(true)
    const started = await startRebuild(payload, 2026, { pollMs: 20 })
    // The same year asked again while it is queued: the same job.
    expect((await startRebuild(payload, 2026)).id).toBe(started.id)
    const logged = vi.spyOn(payload.logger, 'info')
    const rs = [runner(), runner(), runner()]
    // Held at its first step by the rollup lease held here: the page sees it waiting.
    const waiting = await until(
      'the job waits for the rollup',
      () => job(started.id),
      (j) => j.state === JobState.Running && j.step === 'waiting',
    )
    expect(waiting).toMatchObject({ done: 0, attempts: 1 })
    expect(await rebuildJob(payload, started.id)).toMatchObject({ state: 'waiting', done: 0 })
    await releaseLease(payload, LEASE, HOLDER)
    const done = await until(
      'the rebuild finishes',
      () => job(started.id),
      (j) => !!j.finishedAt,
    )
    expect(done).toMatchObject({ state: JobState.Done, attempts: 1, error: null })
    // Run once: one rebuild's closing line in the log (six slots raced for it).
    expect(logged.mock.calls.filter(([m]) => String(m).includes('tính lại năm 2026')).length).toBe(
      1,
    )
    expect(done.done).toBe(done.total)
    expect(done.step).toBeNull()
    expect(await cellMap(payload, 2026)).toEqual(expected)
    const view = await rebuildJob(payload, started.id)
    expect(view).toMatchObject({ state: 'done', year: 2026, done: view!.total })
    expect(view!.cells).toBeGreaterThan(0)
    for (const r of rs) await r.stop()
    runners.length = 0
  })

  it(
    'a job whose process is killed -9 mid-run is taken over at once by a runner of this host',
    { timeout: 240_000 },
    async () => {
      await dropCells()
      // The rollup lease is held here: the child's rebuild waits at its first step.
      expect(await tryLease(payload, LEASE, HOLDER, 10 * 60_000)).toBe(true)
      const started = await startRebuild(payload, 2026, { pollMs: 20 })
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', '--import', './src/preload.ts', 'tests/helpers/jobProcess.ts'],
        {
          cwd: path.resolve(__dirname, '../..'),
          env: { ...process.env },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      )
      children.push(child)
      let out = ''
      child.stdout!.on('data', (d) => (out += d))
      child.stderr!.on('data', (d) => (out += d))
      let held: BackgroundJob
      try {
        held = await until(
          'the child claims the job and waits for the rollup',
          () => job(started.id),
          (j) =>
            j.state === JobState.Running &&
            !!j.owner?.includes(`:${child.pid}:`) &&
            j.step === 'waiting',
          180_000,
        ).catch((err) => {
          throw new Error(`${err.message}\n${out}`)
        })
        expect(held.attempts).toBe(1)
        expect((await rebuildJob(payload, started.id))!.state).toBe('waiting')
      } finally {
        // Whatever failed above, the next tests get the rollup lease and no second runner.
        child.kill('SIGKILL')
        if (child.exitCode === null && child.signalCode === null)
          await new Promise((r) => child.once('exit', r))
        await releaseLease(payload, LEASE, HOLDER)
      }

      // Its lease has 2 minutes to run: the pid's absence is what lets this runner in now.
      expect(new Date(held.leaseUntil!).getTime()).toBeGreaterThan(Date.now() + 30_000)
      const r = runner()
      const done = await until(
        'the takeover finishes',
        () => job(started.id),
        (j) => !!j.finishedAt,
      )
      expect(done).toMatchObject({ state: JobState.Done, attempts: 2, error: null })
      expect(await cellMap(payload, 2026)).toEqual(expected)
      await r.stop()
    },
  )

  it("another host's job waits for its lease to run out; one interrupted too often fails for good", async () => {
    const other = 'may-khac:4242:abcdef01:xyz'
    const running = await payload.create({
      collection: 'background-jobs',
      overrideAccess: true,
      data: {
        kind: JobKind.RebuildYear,
        title: 'Tính lại số liệu năm 2026',
        input: { year: 2026 },
        state: JobState.Running,
        owner: other,
        attempts: 1,
        leaseUntil: new Date(Date.now() + 60_000).toISOString(),
      },
    })
    const id = String(running.id)
    runner()
    await sleep(500)
    expect(await job(id)).toMatchObject({ state: JobState.Running, owner: other, attempts: 1 })
    await payload.db.updateOne({
      collection: 'background-jobs',
      id,
      data: { leaseUntil: new Date(Date.now() - 1000).toISOString() },
      returning: false,
    })
    const done = await until(
      'taken over',
      () => job(id),
      (j) => !!j.finishedAt,
    )
    expect(done).toMatchObject({ state: JobState.Done, attempts: 2 })

    // An export whose worker died under it twice: both the job and its report say so.
    const report = await payload.create({
      collection: 'generated-reports',
      overrideAccess: true,
      data: {
        title: 'Số liệu năm 2026 (Excel (.xlsx))',
        year: 2026,
        kind: GeneratedReportKind.OnDemand,
        format: 'xlsx',
        status: ExportJobStatus.Running,
        progress: 40,
      },
    })
    const exportJob = await payload.create({
      collection: 'background-jobs',
      overrideAccess: true,
      data: {
        kind: JobKind.Export,
        title: 'Xuất báo cáo năm 2026',
        input: { id: String(report.id), job: { year: 2026, to: 2026, format: 'xlsx' } },
        state: JobState.Running,
        owner: other,
        attempts: 2,
        leaseUntil: new Date(Date.now() - 1000).toISOString(),
      },
    })
    const failed = await until(
      'given up',
      () => job(String(exportJob.id)),
      (j) => !!j.finishedAt,
    )
    expect(failed.state).toBe(JobState.Failed)
    expect(failed.attempts).toBe(2)
    expect(failed.error).toBe(
      'Tác vụ bị gián đoạn 2 lần (tiến trình chạy nó đã dừng giữa chừng); không chạy lại nữa. Hãy yêu cầu lại.',
    )
    const after = await payload.findByID({
      collection: 'generated-reports',
      id: report.id,
      overrideAccess: true,
    })
    expect(after.status).toBe(ExportJobStatus.Failed)
    expect(after.error).toBe(`Lỗi khi xuất: ${failed.error}`)
  })

  it('a runner that stops hands its job back to the queue, its attempt not counted', async () => {
    for (const r of runners.splice(0)) await r.stop()
    expect(await tryLease(payload, LEASE, HOLDER, 10 * 60_000)).toBe(true)
    let id = ''
    try {
      const started = await startRebuild(payload, 2026, { pollMs: 20 })
      id = started.id
      const r = runner()
      await until(
        'claimed',
        () => job(started.id),
        (j) => !!j.owner?.startsWith(`${r.owner}:`) && j.step === 'waiting',
      )
      await r.stop(100)
      runners.length = 0
      expect(await job(started.id)).toMatchObject({
        state: JobState.Queued,
        owner: null,
        attempts: 0,
      })
    } finally {
      await releaseLease(payload, LEASE, HOLDER)
    }
    // Picked up again by the next runner, as a first attempt.
    runner()
    const done = await until(
      'run by the next runner',
      () => job(id),
      (j) => !!j.finishedAt,
    )
    expect(done).toMatchObject({ state: JobState.Done, attempts: 1, error: null })
  })
})
