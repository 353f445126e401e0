/**
 * Contract of MigrationOps (src/db): after `apply` nothing is pending, `apply` again changes
 * nothing, a migration not recorded is listed as pending, and a database that does not answer
 * makes `pending` throw (readiness reports it). Run on the test database (SQLite; a real MongoDB
 * server with TEST_MONGODB_URI) and on the MongoDB implementation over mingo.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { dbOps } from '@/db'
import { readiness } from '@/lib/readiness'
import { testPayload } from '../helpers/payload'
import { migrations } from '../../migrations'
import { mingoPayload } from './db-mingo'

const mongo = !!process.env.TEST_MONGODB_URI
const TARGETS: [string, () => Promise<Payload>, boolean][] = [
  [mongo ? 'MongoDB server' : 'SQLite', testPayload, !mongo],
  ['MongoDB over mingo', async () => mingoPayload(), false],
]

describe.each(TARGETS)('MigrationOps on %s', (_, start, recordsMigrations) => {
  let payload: Payload
  beforeAll(async () => {
    payload = await start()
  })

  it('after apply nothing is pending, and applying again changes nothing', async () => {
    const ops = dbOps(payload).migrations
    await ops.apply()
    expect(await ops.pending()).toEqual([])
    await ops.apply()
    expect(await ops.pending()).toEqual([])
    expect(await readiness(payload)).toEqual({
      ready: true,
      body: { status: 'ready', database: recordsMigrations ? 'sqlite' : 'mongoose' },
    })
  })

  it.runIf(recordsMigrations)('a committed migration not recorded is pending', async () => {
    const last = migrations[migrations.length - 1].name
    const where = { name: { equals: last } }
    const row = await payload.db.findOne<{ id: string; batch?: number }>({
      collection: 'payload-migrations',
      where,
    })
    expect(row).toBeTruthy()
    await payload.db.deleteMany({ collection: 'payload-migrations', where })
    try {
      expect(await dbOps(payload).migrations.pending()).toEqual([last])
      const ready = await readiness(payload)
      expect(ready.ready).toBe(false)
      expect(ready.body).toMatchObject({ reason: 'Còn migration chưa được áp dụng.', pending: [last] })
    } finally {
      await payload.db.create({
        collection: 'payload-migrations',
        data: { name: last, batch: row!.batch },
      })
    }
    expect(await dbOps(payload).migrations.pending()).toEqual([])
  })

  it.runIf(!recordsMigrations)('a database that does not answer makes pending throw', async () => {
    const down = mingoPayload()
    ;(down as unknown as { count: () => Promise<never> }).count = async () => {
      throw new Error('connection refused')
    }
    await expect(dbOps(down).migrations.pending()).rejects.toThrow('connection refused')
    expect(await readiness(down)).toEqual({
      ready: false,
      body: {
        status: 'unavailable',
        reason: 'Cơ sở dữ liệu không phản hồi: connection refused',
      },
    })
  })
})
