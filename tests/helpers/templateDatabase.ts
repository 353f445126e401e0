/**
 * Vitest globalSetup: migrates one SQLite database once, and hands its path to every test file
 * (freshEnvironment.ts copies it to the file's fresh path). Applying every migration to a new
 * file took most of each test file's start-up; a copy takes milliseconds, and Payload then finds
 * every migration recorded in `payload_migrations` and applies none.
 *
 * The template is kept between runs under the system's temporary folder, named by a hash of the
 * migrations and the SQLite adapter's version, so a changed migration makes a new one. A lock
 * lets two runs (or the int and e2e projects) share it without migrating twice.
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createClient } from '@libsql/client'
import lockfile from 'proper-lockfile'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated SQLite template, or '' when the tests run on MongoDB. */
    templateDatabase: string
  }
}

const root = path.resolve(__dirname, '../..')

/** What the migrated schema depends on: every migration file and the adapter that applies them. */
function schemaHash(): string {
  const hash = crypto.createHash('sha256')
  const dir = path.join(root, 'migrations')
  for (const name of fs.readdirSync(dir).sort()) {
    hash.update(name).update(fs.readFileSync(path.join(dir, name)))
  }
  const adapter = path.join(root, 'node_modules/@payloadcms/db-sqlite/package.json')
  hash.update(JSON.parse(fs.readFileSync(adapter, 'utf8')).version)
  return hash.digest('hex').slice(0, 16)
}

function migrate(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', './src/preload.ts', 'tests/helpers/migrateTemplate.ts'],
      {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URI: `file:${file}`,
          PAYLOAD_SECRET: crypto.randomBytes(16).toString('hex'),
          LOG_REQUESTS: 'false',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`migrating the template failed (${code}):\n${out}`)),
    )
  })
}

/** The migrated template's path: made on first use, then reused while the migrations stay the same. */
export async function migratedTemplate(): Promise<string> {
  const dir = path.join(os.tmpdir(), `campaign-template-${schemaHash()}`)
  const file = path.join(dir, 'template.db')
  fs.mkdirSync(dir, { recursive: true })
  const release = await lockfile.lock(dir, {
    retries: { retries: 600, minTimeout: 250, maxTimeout: 1000 },
    stale: 60_000,
  })
  try {
    if (fs.existsSync(file)) return file
    const work = path.join(dir, `work-${process.pid}.db`)
    await migrate(work)
    // Fold the write-ahead log into the file, so that the one file is the whole database.
    const client = createClient({ url: `file:${work}` })
    try {
      await client.execute('PRAGMA wal_checkpoint(TRUNCATE)')
    } finally {
      client.close()
    }
    for (const suffix of ['-wal', '-shm', '.migrate']) fs.rmSync(work + suffix, { force: true })
    fs.renameSync(work, file)
    return file
  } finally {
    await release()
  }
}

export default async function setup(project: TestProject) {
  project.provide('templateDatabase', process.env.TEST_MONGODB_URI ? '' : await migratedTemplate())
}
