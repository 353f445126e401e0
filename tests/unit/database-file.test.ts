/** A new SQLite file gets 16 KiB pages (see prepareSqliteFile); an existing one keeps its own. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createClient } from '@libsql/client'
import { afterAll, describe, expect, it } from 'vitest'
import { prepareSqliteFile, SQLITE_PAGE_SIZE } from '@/lib/database'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'db-file-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

async function pragmas(file: string) {
  const client = createClient({ url: `file:${file}` })
  try {
    const size = await client.execute('PRAGMA page_size')
    const mode = await client.execute('PRAGMA journal_mode')
    return { pageSize: Number(size.rows[0][0]), journal: String(mode.rows[0][0]) }
  } finally {
    client.close()
  }
}

describe('prepareSqliteFile', () => {
  it('creates a new file (and its folder) in WAL mode with 16 KiB pages', async () => {
    const file = path.join(dir, 'new', 'campaign.db')
    await prepareSqliteFile(`file:${file}`)
    expect(await pragmas(file)).toEqual({ pageSize: SQLITE_PAGE_SIZE, journal: 'wal' })
    expect(SQLITE_PAGE_SIZE).toBe(16384)
  })

  it('leaves a file that already holds a database as it is', async () => {
    const file = path.join(dir, 'old.db')
    const client = createClient({ url: `file:${file}` })
    await client.execute('CREATE TABLE t (x)')
    client.close()
    await prepareSqliteFile(`file:${file}`)
    expect((await pragmas(file)).pageSize).toBe(4096)
  })

  it('does nothing for MongoDB', async () => {
    await expect(prepareSqliteFile('mongodb://localhost:1/x')).resolves.toBeUndefined()
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('mongodb'))).toEqual([])
  })
})
