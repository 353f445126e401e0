/**
 * `npm run restore -- FOLDER [--force]`: restores a backup made by `npm run backup` into the
 * database file of DATABASE_URI and MEDIA_DIR, with the server stopped. The backup is checked in
 * full first (a corrupt or truncated one is refused and nothing is touched); a database or media
 * folder that is not empty is refused without --force.
 */
import 'dotenv/config'
import { parseArgs } from 'node:util'

const usage = 'Cách dùng: npm run restore -- THƯ_MỤC_SAO_LƯU [--force]'
let parsed: { values: { force?: boolean }; positionals: string[] }
try {
  parsed = parseArgs({
    options: { force: { type: 'boolean', default: false } },
    allowPositionals: true,
  })
} catch (err) {
  console.error(`Lỗi: tham số không hợp lệ (${(err as Error).message}). ${usage}`)
  process.exit(1)
}
if (parsed.positionals.length !== 1) {
  console.error(`Lỗi: cần đúng một thư mục sao lưu. ${usage}`)
  process.exit(1)
}

const { restoreBackup } = await import('@/backup/restore')
const { BackupError } = await import('@/backup/manifest')
try {
  const manifest = await restoreBackup(parsed.positionals[0], { force: parsed.values.force })
  const documents = Object.values(manifest.counts).reduce((a, b) => a + b, 0)
  console.log(
    `Đã khôi phục bản sao lưu lúc ${manifest.createdAt}: ${documents} tài liệu, ${manifest.media.length} tệp media. Khởi động lại máy chủ để dùng.`,
  )
} catch (err) {
  console.error(err instanceof BackupError ? `Lỗi: ${err.message}` : err)
  process.exit(1)
}
