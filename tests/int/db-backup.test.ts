/**
 * Contract of BackupOps (src/db): where the application takes backups (SQLite) the copy is a
 * database of its own whose counts, read back by an independent reader, are the live ones at the
 * moment of the copy, with the last migration; where the database has its own tools (MongoDB)
 * there is none, and a backup is refused with the mongodump recipe in Vietnamese.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'libsql'
import type { Payload } from 'payload'
import { describe, expect, it } from 'vitest'
import { createBackup, MONGO_RECIPE } from '@/backup/backup'
import { dbOps } from '@/db'
import { createUnit } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'
import { migrations } from '../../migrations'
import { mingoPayload } from './db-mingo'

const tmp = process.env.TEST_TMP_DIR!

describe.skipIf(!!process.env.TEST_MONGODB_URI)('BackupOps on SQLite', () => {
  it('copies the database: the copy counts what the live one held then, and its last migration', async () => {
    const payload: Payload = await testPayload()
    for (const name of ['Sở Thông tin và Truyền thông', 'UBND xã Tân Lập', 'Báo Tây Ninh'])
      await createUnit(payload, name)
    const file = path.join(tmp, 'db-backup-copy.db')
    const { counts, migration } = await dbOps(payload).backup!.copyTo(file)
    // Written after the copy: not in it.
    await createUnit(payload, 'Đài Phát thanh - Truyền hình')

    expect(migration).toBe(migrations[migrations.length - 1].name)
    expect(counts.units).toBe(3)
    expect((await payload.count({ collection: 'units', overrideAccess: true })).totalDocs).toBe(4)
    // Read back by another reader than the one that counted.
    const copy = new Database(file, { readonly: true })
    try {
      const units = copy.prepare('SELECT name FROM units ORDER BY name').raw(true).all() as string[][]
      expect(units.map((r) => r[0])).toEqual([
        'Báo Tây Ninh',
        'Sở Thông tin và Truyền thông',
        'UBND xã Tân Lập',
      ])
      for (const slug of ['units', 'users', 'payload-migrations'] as const) {
        const table = slug.replace(/-/g, '_')
        const [[n]] = copy.prepare(`SELECT count(*) FROM "${table}"`).raw(true).all() as number[][]
        expect(counts[slug], slug).toBe(Number(n))
      }
      expect(Object.keys(counts).sort()).toEqual(payload.config.collections.map((c) => c.slug).sort())
    } finally {
      copy.close()
    }
    expect(fs.statSync(file).size).toBeGreaterThan(0)
  })
})

describe('BackupOps on MongoDB (over mingo)', () => {
  it('has none: a backup is refused with the mongodump recipe, and no folder is made', async () => {
    const payload = mingoPayload()
    expect(dbOps(payload).backup).toBeNull()
    const dir = path.join(tmp, 'db-backup-mongo')
    await expect(createBackup(payload, { dir })).rejects.toThrow(MONGO_RECIPE)
    expect(fs.existsSync(dir)).toBe(false)
    expect(MONGO_RECIPE).toContain('mongodump')
  })
})
