/**
 * Heavy work in a process of its own (src/heavy): a rebuild started from this process (as the web
 * server starts one) runs in the child, on its own connection to the same SQLite file, and leaves
 * exactly the cells the same rebuild run here leaves (the hand-worked dataset of rollup.test.ts);
 * the reports page's rebuild job goes the same way; an error in the child comes back with its
 * message, and a child that dies fails its job with a message and is replaced at the next one.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { heavyWork, type HeavyWork } from '@/heavy'
import { startHeavyProcess } from '@/heavy/process'
import { startJobRunner } from '@/jobs/runner'
import { rebuildYear } from '@/reporting/engine'
import { rebuildJob, startRebuild } from '@/reporting/rebuildJobs'
import { testPayload } from '../helpers/payload'
import { cellMap, handDataset } from '../helpers/rollup'

let payload: Payload
let heavy: HeavyWork
let expected: Map<string, number>

const dropCells = (year: number) =>
  payload.db.deleteMany({ collection: 'rollup-cells', where: { year: { equals: year } } })

beforeAll(async () => {
  payload = await testPayload()
  await handDataset(payload)
  // The figures as this process computes them, inline.
  expect(heavyWork(payload).pid()).toBeUndefined()
  await rebuildYear(payload, 2026)
  expected = await cellMap(payload, 2026)
  expect(expected.size).toBeGreaterThan(50)
  heavy = startHeavyProcess({ idleMs: 60_000 })
})

afterAll(async () => {
  await heavy?.stop()
})

describe('heavy work in its own process', () => {
  // The first job starts the child (its Payload): slow on a loaded machine.
  it(
    'a rebuild started here runs in the child and leaves the cells a rebuild here leaves',
    { timeout: 240_000 },
    async () => {
      await dropCells(2026)
      expect((await cellMap(payload, 2026)).size).toBe(0)
      const result = await heavyWork(payload).run('rebuildYear', { year: 2026 })
      const child = await heavyWork(payload).run('processId', undefined)
      expect(child).toBe(heavy.pid())
      expect(child).not.toBe(process.pid)
      expect(result.year).toBe(2026)
      expect(result.cells).toBe(expected.size)
      expect(await cellMap(payload, 2026)).toEqual(expected)
    },
  )

  it('the reports page’s rebuild job goes through it, one source a step', async () => {
    await dropCells(2026)
    const runner = startJobRunner(payload, { pollMs: 50 })
    try {
      const job = await startRebuild(payload, 2026, { pollMs: 50 })
      const started = Date.now()
      while (!(await rebuildJob(payload, job.id))?.finishedAt && Date.now() - started < 60_000)
        await new Promise((r) => setTimeout(r, 50))
      const done = await rebuildJob(payload, job.id)
      expect(done).toMatchObject({ state: 'done', error: null, done: job.total })
      expect(done!.cells).toBe(expected.size)
      expect(await cellMap(payload, 2026)).toEqual(expected)
    } finally {
      await runner.stop()
    }
  })

  it('an error there comes back with its message, and the child keeps serving', async () => {
    // A backup into a "folder" that is a file cannot be made.
    const file = path.join(process.env.TEST_TMP_DIR!, 'not-a-folder')
    fs.writeFileSync(file, 'x')
    await expect(heavyWork(payload).run('backup', { dir: file })).rejects.toThrow(/not-a-folder/)
    await expect(
      heavyWork(payload).run('recompute', {
        window: { year: 2026, months: [1] },
        sources: ['khong-co'],
      }),
    ).rejects.toThrow('Nguồn số liệu không có: khong-co')
    expect(await heavyWork(payload).run('processId', undefined)).toBe(heavy.pid())
  })

  // A new child starts Payload again: slow on a loaded machine.
  it(
    'a child that dies fails the job it held with a message; the next job gets a new one',
    { timeout: 240_000 },
    async () => {
      const first = heavy.pid()!
      const job = heavyWork(payload).run('rebuildYear', { year: 2026 })
      // The message is on its way: the child is killed before it can answer.
      await new Promise((r) => setImmediate(r))
      process.kill(first, 'SIGKILL')
      await expect(job).rejects.toThrow(/Tiến trình xử lý nền dừng đột ngột \(SIGKILL\)/)
      const second = await heavyWork(payload).run('processId', undefined)
      expect(second).not.toBe(first)
      expect(second).toBe(heavy.pid())
      await dropCells(2026)
      await heavyWork(payload).run('rebuildYear', { year: 2026 })
      expect(await cellMap(payload, 2026)).toEqual(expected)
    },
  )
})
