import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { dbOps } from '@/db'
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
 * A consistent backup of a running system (SQLite): the database copied as one moment while
 * writers carry on (src/db/sqlite/backup.ts), then the media folder, then a manifest with the
 * counts per collection read from the copy, sizes and SHA-256 checksums. It is built in a hidden folder and
 * renamed when complete, so a crash never leaves something that looks like a finished backup.
 * Media is copied after the database, so every file the copy names is there.
 */
export async function createBackup(
  payload: Payload,
  options: { dir?: string; now?: Date } = {},
): Promise<BackupResult> {
  const copier = dbOps(payload).backup
  if (isMongoUri(databaseUri()) || !copier) throw new BackupError(MONGO_RECIPE)
  const started = Date.now()
  const root = path.resolve(options.dir ?? backupDir())
  fs.mkdirSync(root, { recursive: true })
  const name = folderName(root, options.now ?? new Date())
  const partial = path.join(root, `.${name}.partial`)
  fs.rmSync(partial, { recursive: true, force: true })
  fs.mkdirSync(partial)
  try {
    const { counts, migration } = await copier.copyTo(path.join(partial, DATABASE_FILE))

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
