import fs from 'node:fs'
import path from 'node:path'
import { databaseUri, isMongoUri, mediaDir } from '@/lib/env'
import { MONGO_RECIPE } from './backup'
import {
  BackupError,
  listFiles,
  MEDIA_FOLDER,
  sha256File,
  verifyBackup,
  type Manifest,
} from './manifest'

export type RestoreOptions = {
  /** Overwrite a database and media folder that are not empty. */
  force?: boolean
  /** The SQLite file to restore into (default: DATABASE_URI's). */
  databaseFile?: string
  /** The media folder to restore into (default: MEDIA_DIR). */
  media?: string
}

const SIDE_FILES = ['-wal', '-shm', '-journal']

/** What is in the way of a restore: the database file (or its journal) and any media file. */
function occupied(databaseFile: string, media: string): string[] {
  const found = ['', ...SIDE_FILES]
    .map((suffix) => `${databaseFile}${suffix}`)
    .filter((f) => fs.existsSync(f) && fs.statSync(f).size > 0)
  if (listFiles(media).length) found.push(media)
  return found
}

/**
 * Restores a backup folder into an empty database file and media folder (the server stopped).
 * Everything is checked first (manifest, every file's size and SHA-256): a corrupt or truncated
 * backup is refused before anything is touched. A database or media folder that is not empty is
 * refused unless `force`. Files are copied beside their targets and checked, then moved into place.
 */
export async function restoreBackup(
  folder: string,
  options: RestoreOptions = {},
): Promise<Manifest> {
  const uri = databaseUri()
  if (!options.databaseFile && isMongoUri(uri)) throw new BackupError(MONGO_RECIPE)
  const databaseFile = path.resolve(options.databaseFile ?? uri.slice('file:'.length))
  const media = path.resolve(options.media ?? mediaDir())
  const source = path.resolve(folder)
  const manifest = await verifyBackup(source)

  const inTheWay = occupied(databaseFile, media)
  if (inTheWay.length && !options.force)
    throw new BackupError(
      `Nơi khôi phục không trống (${inTheWay.join(', ')}). Không ghi đè dữ liệu đang có; nếu chắc chắn muốn thay bằng bản sao lưu, hãy dừng máy chủ rồi chạy lại với --force.`,
    )

  const stagedDb = `${databaseFile}.restoring`
  const stagedMedia = `${media}.restoring`
  fs.mkdirSync(path.dirname(databaseFile), { recursive: true })
  fs.rmSync(stagedMedia, { recursive: true, force: true })
  try {
    fs.copyFileSync(path.join(source, manifest.database.path), stagedDb)
    if ((await sha256File(stagedDb)) !== manifest.database.sha256)
      throw new BackupError('Bản chép cơ sở dữ liệu không khớp mã kiểm tra; chưa thay đổi gì.')
    for (const entry of manifest.media) {
      const target = path.join(stagedMedia, path.relative(MEDIA_FOLDER, entry.path))
      fs.mkdirSync(path.dirname(target), { recursive: true })
      fs.copyFileSync(path.join(source, entry.path), target)
    }
    fs.mkdirSync(stagedMedia, { recursive: true })
  } catch (err) {
    fs.rmSync(stagedDb, { force: true })
    fs.rmSync(stagedMedia, { recursive: true, force: true })
    throw err
  }

  // Into place: the old journal files belong to the old database and must go with it.
  for (const suffix of SIDE_FILES) fs.rmSync(`${databaseFile}${suffix}`, { force: true })
  fs.renameSync(stagedDb, databaseFile)
  if (fs.existsSync(media)) {
    const old = `${media}.before-restore`
    fs.rmSync(old, { recursive: true, force: true })
    fs.renameSync(media, old)
    fs.renameSync(stagedMedia, media)
    fs.rmSync(old, { recursive: true, force: true })
  } else {
    fs.mkdirSync(path.dirname(media), { recursive: true })
    fs.renameSync(stagedMedia, media)
  }
  return manifest
}
