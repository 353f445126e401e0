/**
 * `npm run export -- --year 2026 --format xlsx|csv|json|docx --out FILE [--snapshot ID]`: the annual
 * export from the year's latest snapshot (or the one named). Bad arguments or a missing snapshot:
 * a Vietnamese message and exit code 1, no file written.
 */
import 'dotenv/config'
import { parseArgs } from 'node:util'

const USAGE =
  'Cách dùng: npm run export -- --year 2026 --format xlsx|csv|json|docx --out TEN_TEP [--snapshot MA]'
function fail(message: string): never {
  console.error(`Lỗi: ${message}\n${USAGE}`)
  process.exit(1)
}

let args: { year?: string; format?: string; out?: string; snapshot?: string }
try {
  args = parseArgs({
    options: {
      year: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      snapshot: { type: 'string' },
    },
    allowPositionals: false,
  }).values
} catch (err) {
  fail(`tham số không hợp lệ (${(err as Error).message}).`)
}
if (!args.year && !args.snapshot) fail('thiếu năm (--year) hoặc mã bản chốt (--snapshot).')
if (args.year && (!/^\d{4}$/.test(args.year) || +args.year < 2000 || +args.year > 2100))
  fail(`năm "${args.year}" không hợp lệ: nhập năm gồm 4 chữ số, từ 2000 đến 2100.`)
if (!args.out) fail('thiếu tệp kết quả (--out).')

const { EXPORT_FORMATS, exportToFile, ExportError } = await import('@/reporting/export')
const format = (args.format ?? 'xlsx') as (typeof EXPORT_FORMATS)[number]
if (!EXPORT_FORMATS.includes(format))
  fail(`định dạng "${args.format}" không hỗ trợ; chọn một trong: ${EXPORT_FORMATS.join(', ')}.`)

const { resolveSecret } = await import('@/lib/env')
resolveSecret()
const { startPayload } = await import('@/lib/startPayload')
const payload = await startPayload()
try {
  const model = await exportToFile(
    payload,
    args.snapshot ? { id: args.snapshot } : { year: Number(args.year) },
    format,
    args.out,
  )
  console.log(
    `Đã xuất số liệu năm ${model.year} (bản chốt ${model.snapshot.id}, ${model.snapshot.cellCount} ô) ra ${args.out}.`,
  )
} catch (err) {
  console.error(
    err instanceof ExportError ? `Lỗi: ${err.message}` : `Lỗi khi xuất: ${(err as Error).message}`,
  )
  process.exitCode = 1
} finally {
  await payload.destroy()
}
process.exit(process.exitCode ?? 0)
