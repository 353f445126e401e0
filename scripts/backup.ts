/**
 * `npm run backup [-- --dir FOLDER]`: a consistent backup of the running system (SQLite database
 * and media) into a dated folder under BACKUP_DIR (default ./backups), with a manifest; prints the
 * folder and, last, a JSON summary. On MongoDB it says to use mongodump (README) and exits 1.
 */
import 'dotenv/config'
import { parseArgs } from 'node:util'

let args: { dir?: string }
try {
  args = parseArgs({ options: { dir: { type: 'string' } }, allowPositionals: false }).values
} catch (err) {
  console.error(
    `Lỗi: tham số không hợp lệ (${(err as Error).message}). Cách dùng: npm run backup [-- --dir THƯ_MỤC]`,
  )
  process.exit(1)
}

const { resolveSecret } = await import('@/lib/env')
resolveSecret()
const { startPayload } = await import('@/lib/startPayload')
const { backupWithStatus } = await import('@/backup/status')
const { BackupError } = await import('@/backup/manifest')
const payload = await startPayload()
try {
  const { folder, manifest, ms } = await backupWithStatus(payload, args.dir)
  const documents = Object.values(manifest.counts).reduce((a, b) => a + b, 0)
  console.log(
    `Đã sao lưu vào ${folder}: ${documents} tài liệu, ${manifest.media.length} tệp media, ${manifest.totalBytes} byte, ${ms} ms.`,
  )
  console.log(
    JSON.stringify({ folder, totalBytes: manifest.totalBytes, counts: manifest.counts, ms }),
  )
  await payload.destroy()
  process.exit(0)
} catch (err) {
  console.error(err instanceof BackupError ? `Lỗi: ${err.message}` : err)
  await payload.destroy()
  process.exit(1)
}
