/**
 * SQLite: the rollup holds no lock other writers wait for while it reads and groups the facts,
 * only while it replaces the cells. libsql's waits for a lock are synchronous, so a web process
 * whose write met the rollup's lock would serve nothing until it ended (issue 26 item 2). A source
 * wrapped here writes from another connection, with no busy timeout, in the middle of the read
 * step: the write must go through at once, the recompute must still commit, and the cells must be
 * the ones a plain rebuild leaves.
 */
import { spawn } from 'node:child_process'
import readline from 'node:readline'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { rebuildYear, recompute } from '@/reporting/engine'
import { SOURCES, type RollupSourceModule } from '@/reporting/sources'
import { testPayload } from '../helpers/payload'
import { cellMap, handDataset } from '../helpers/rollup'

type Connection = {
  exec: (sql: string) => void
  prepare: (sql: string) => { get: () => Record<string, unknown> }
  close: () => void
}

let payload: Payload
let other: Connection

beforeAll(async () => {
  payload = await testPayload()
  if (payload.db.name !== 'sqlite') return
  await handDataset(payload)
  const { default: Database } = (await import('libsql')) as unknown as {
    default: new (file: string) => Connection
  }
  other = new Database(process.env.DATABASE_URI!.replace(/^file:/, ''))
  other.exec('PRAGMA busy_timeout = 0')
})

describe.runIf(process.env.DATABASE_URI?.startsWith('file:'))('rollup and other writers', () => {
  it('another connection writes at once while the rollup reads; the rollup still commits', async () => {
    await rebuildYear(payload, 2026)
    const expected = await cellMap(payload, 2026)
    expect(expected.size).toBeGreaterThan(0)

    const writes: string[] = []
    const wrap = (source: RollupSourceModule): RollupSourceModule => ({
      ...source,
      sqliteFacts: (w) => {
        // Called during the read step, after the snapshot has read the units.
        const id = `write-during-read-${writes.length}`
        other.exec(
          `INSERT INTO site_changes (id, source, created_at, updated_at) VALUES ('${id}', 'test', '2026-12-06T00:00:00.000Z', '2026-12-06T00:00:00.000Z')`,
        )
        writes.push(id)
        return source.sqliteFacts(w)
      },
    })
    const cells = await recompute(payload, { year: 2026, months: null }, SOURCES.map(wrap))
    expect(writes).toHaveLength(SOURCES.length)
    expect(
      other.prepare(`SELECT count(*) AS n FROM site_changes WHERE source = 'test'`).get().n,
    ).toBe(SOURCES.length)
    expect(cells).toBe(expected.size)
    expect(await cellMap(payload, 2026)).toEqual(expected)
  })

  it('a write under way in another process when the rollup replaces the cells is waited for, not an error', async () => {
    const expected = await cellMap(payload, 2026)
    // Another process holds the write lock for 800 ms (libsql waits synchronously: the holder
    // cannot be this process).
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D = require('libsql'); const db = new D(process.argv[1]);
         db.exec('BEGIN IMMEDIATE'); console.log('locked');
         setTimeout(() => { db.exec('COMMIT'); console.log('released'); db.close() }, 800)`,
        process.env.DATABASE_URI!.replace(/^file:/, ''),
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    )
    const lines = readline.createInterface({ input: holder.stdout! })
    const seen: string[] = []
    await new Promise<void>((resolve, reject) => {
      lines.on('line', (line) => {
        seen.push(line)
        if (line === 'locked') resolve()
      })
      holder.once('exit', (code) => reject(new Error(`holder exited ${code}`)))
    })
    const exited = new Promise((r) => holder.once('exit', r))
    const cells = await recompute(payload, { year: 2026, months: [3, 4] })
    await exited
    expect(seen).toEqual(['locked', 'released'])
    expect(cells).toBeGreaterThan(0)
    expect(await cellMap(payload, 2026)).toEqual(expected)
  })
})
