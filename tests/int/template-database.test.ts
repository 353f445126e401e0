/**
 * Each test file starts on a copy of the template migrated once per run (tests/helpers/
 * templateDatabase.ts): Payload finds every migration recorded and applies none again.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { beforeAll, expect, it } from 'vitest'
import { pendingMigrations } from '@/lib/migrations'
import { migrations } from '../../migrations'
import { testPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
})

it.skipIf(!!process.env.TEST_MONGODB_URI)(
  'is a copy of the migrated template, not migrated again',
  async () => {
    const file = process.env.DATABASE_URI!.slice('file:'.length)
    expect(path.dirname(file)).toBe(process.env.TEST_TMP_DIR)
    expect(fs.existsSync(file)).toBe(true)
    const applied = await payload.find({
      collection: 'payload-migrations',
      limit: 0,
      pagination: false,
      overrideAccess: true,
    })
    // One row per migration, all from the template's one batch: starting Payload here added none.
    expect(applied.docs.map((m) => m.name).sort()).toEqual(migrations.map((m) => m.name).sort())
    expect(new Set(applied.docs.map((m) => m.batch))).toEqual(new Set([1]))
    expect(await pendingMigrations(payload)).toEqual([])
  },
)
