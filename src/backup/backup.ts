import fs from 'node:fs'
import path from 'node:path'
import { createClient } from '@libsql/client'
import type { Payload } from 'payload'
import { databaseUri, isMongoUri, mediaDir } from '@/lib/env'
import { vnDayKey, vnTime } from '@/lib/time'
import {
  BackupError,
  DATABASE_FILE,
  fileEntry,
  listFiles,
  MANIFEST,
  MEDIA_FOLDER,
  type Manifest,
} from './manifest'

/** Where backups go (BACKUP_DIR, default ./backups). */
export const backupDir = () => path.resolve(process.env.BACKUP_DIR || 'backups')

export const MONGO_RECIPE =
  'Cơ sở dữ liệu là MongoDB: hãy sao lưu bằng mongodump và khôi phục bằng mongorestore (xem README, mục "Sao lưu và khôi phục"); thư mục media sao chép riêng.'

const PREFIX = 'campaign-'

/** A folder name that sorts by time: campaign-2026-11-26_013000 (Vietnam time). */
function folderName(root: string, now: Date): string {
  const stamp = `${vnDayKey(now)}_${vnTime(now).replace(':', '')}${String(now.getUTCSeconds()).padStart(2, '0')}`
  let name = `${PREFIX}${stamp}`
  for (let n = 2; fs.existsSync(path.join(root, name)); n++) name = `${PREFIX}${stamp}-${n}`
  return name
}

export type BackupResult = { folder: string; manifest: Manifest; ms: number }

/**
 * A consistent backup of a running system (SQLite): the database through `VACUUM INTO` on a
 * connection of its own (one read transaction, so writers carry on and the copy is one moment,
 * never a file being written), then the media folder, then a manifest with the counts per
 * collection read from the copy, sizes and SHA-256 checksums. It is built in a hidden folder and
 * renamed when complete, so a crash never leaves something that looks like a finished backup.
 * Media is copied after the database, so every file the copy names is there.
 */
export async function createBackup(
  payload: Payload,
  options: { dir?: string; now?: Date } = {},
): Promise<BackupResult> {
  const uri = databaseUri()
  if (isMongoUri(uri) || payload.db.name !== 'sqlite') throw new BackupError(MONGO_RECIPE)
  const started = Date.now()
  const root = path.resolve(options.dir ?? backupDir())
  fs.mkdirSync(root, { recursive: true })
  const name = folderName(root, options.now ?? new Date())
  const partial = path.join(root, `.${name}.partial`)
  fs.rmSync(partial, { recursive: true, force: true })
  fs.mkdirSync(partial)
  try {
    const copy = path.join(partial, DATABASE_FILE)
    const live = createClient({ url: uri })
    try {
      await live.execute('PRAGMA busy_timeout = 30000')
      await live.execute({ sql: 'VACUUM INTO ?', args: [copy] })
    } finally {
      live.close()
    }
    const { counts, migration } = await readCopy(payload, copy)

    const media = mediaDir()
    const mediaEntries = []
    for (const file of listFiles(media)) {
      const target = path.join(partial, MEDIA_FOLDER, file)
      fs.mkdirSync(path.dirname(target), { recursive: true })
      fs.copyFileSync(path.join(media, file), target)
      mediaEntries.push(await fileEntry(partial, path.join(MEDIA_FOLDER, file)))
    }
    const database = await fileEntry(partial, DATABASE_FILE)
    const manifest: Manifest = {
      format: 1,
      createdAt: new Date().toISOString(),
      migration,
      database,
      media: mediaEntries,
      counts,
      totalBytes: database.bytes + mediaEntries.reduce((sum, e) => sum + e.bytes, 0),
    }
    fs.writeFileSync(path.join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`)
    const folder = path.join(root, name)
    fs.renameSync(partial, folder)
    return { folder, manifest, ms: Date.now() - started }
  } catch (err) {
    fs.rmSync(partial, { recursive: true, force: true })
    throw err
  }
}

/** Counts per collection and the last migration, read from the copy itself (not the live database, which moved on). */
async function readCopy(payload: Payload, file: string) {
  const tables = (payload.db as unknown as { tableNameMap: Map<string, string> }).tableNameMap
  const copy = createClient({ url: `file:${file}` })
  try {
    const counts: Record<string, number> = {}
    for (const { slug } of payload.config.collections) {
      const table = tables.get(slug.replace(/-/g, '_')) ?? slug.replace(/-/g, '_')
      const rows = await copy.execute(`SELECT count(*) AS n FROM "${table}"`)
      counts[slug] = Number(rows.rows[0].n)
    }
    const last = await copy.execute(
      "SELECT name FROM payload_migrations WHERE name <> 'dev' ORDER BY name DESC LIMIT 1",
    )
    return { counts, migration: last.rows[0] ? String(last.rows[0].name) : null }
  } finally {
    copy.close()
  }
}

/** Keeps the newest `keep` finished backups in the folder and removes older ones; returns those removed. */
export function pruneBackups(dir: string, keep: number): string[] {
  if (!fs.existsSync(dir) || keep < 1) return []
  const finished = fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(PREFIX) && fs.existsSync(path.join(dir, name, MANIFEST)))
    .sort()
  const old = finished.slice(0, Math.max(0, finished.length - keep))
  for (const name of old) fs.rmSync(path.join(dir, name), { recursive: true, force: true })
  return old
}
