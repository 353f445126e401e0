import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** What a backup folder holds, written last, so a folder without one is not a finished backup. */
export type Manifest = {
  format: 1
  createdAt: string
  /** The last migration applied to the copied database. */
  migration: string | null
  database: FileEntry
  media: FileEntry[]
  /** Documents per collection in the copied database. */
  counts: Record<string, number>
  totalBytes: number
}
export type FileEntry = { path: string; bytes: number; sha256: string }

export const MANIFEST = 'manifest.json'
export const DATABASE_FILE = 'campaign.db'
export const MEDIA_FOLDER = 'media'

/** A refusal with a message for the operator, in Vietnamese; nothing has been changed when it is thrown. */
export class BackupError extends Error {}

export async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256')
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

export async function fileEntry(root: string, relative: string): Promise<FileEntry> {
  const file = path.join(root, relative)
  return {
    path: relative.split(path.sep).join('/'),
    bytes: fs.statSync(file).size,
    sha256: await sha256File(file),
  }
}

/** Every file under a folder, as paths relative to it (none when it does not exist). */
export function listFiles(root: string, sub = ''): string[] {
  const dir = path.join(root, sub)
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? listFiles(root, path.join(sub, e.name))
        : e.isFile()
          ? [path.join(sub, e.name)]
          : [],
    )
    .sort()
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0')

/**
 * Checks a backup folder before anything is restored: the manifest reads, and every file it lists
 * is there with its size and SHA-256 (a truncated or altered file is named). Returns the manifest.
 */
export async function verifyBackup(folder: string): Promise<Manifest> {
  const where = path.resolve(folder)
  if (!fs.existsSync(where) || !fs.statSync(where).isDirectory())
    throw new BackupError(`Không tìm thấy thư mục sao lưu "${where}".`)
  let manifest: Manifest
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(where, MANIFEST), 'utf8')) as Manifest
  } catch {
    throw new BackupError(
      `Bản sao lưu "${where}" không dùng được: thiếu hoặc hỏng tệp ${MANIFEST} (bản sao lưu chưa xong hoặc bị cắt cụt).`,
    )
  }
  if (manifest?.format !== 1 || !manifest.database || !Array.isArray(manifest.media))
    throw new BackupError(`Tệp ${MANIFEST} của "${where}" không đúng định dạng bản sao lưu.`)
  for (const entry of [manifest.database, ...manifest.media]) {
    const file = path.join(where, entry.path)
    if (!path.resolve(file).startsWith(where + path.sep))
      throw new BackupError(`Tệp ${MANIFEST} ghi đường dẫn ra ngoài bản sao lưu: "${entry.path}".`)
    if (!fs.existsSync(file)) throw new BackupError(`Bản sao lưu thiếu tệp "${entry.path}".`)
    const bytes = fs.statSync(file).size
    if (bytes !== entry.bytes)
      throw new BackupError(
        `Tệp "${entry.path}" bị cắt cụt hoặc thay đổi: ${bytes} byte, đúng ra ${entry.bytes} byte.`,
      )
    if ((await sha256File(file)) !== entry.sha256)
      throw new BackupError(`Tệp "${entry.path}" bị hỏng: mã kiểm tra SHA-256 không khớp.`)
  }
  const head = Buffer.alloc(SQLITE_HEADER.length)
  const fd = fs.openSync(path.join(where, manifest.database.path), 'r')
  fs.readSync(fd, head, 0, head.length, 0)
  fs.closeSync(fd)
  if (!head.equals(SQLITE_HEADER))
    throw new BackupError(`Tệp "${manifest.database.path}" không phải cơ sở dữ liệu SQLite.`)
  return manifest
}
