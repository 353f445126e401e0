/**
 * `npm run report -- --year 2026 [--rebuild]`: folds in what changed (or, with --rebuild, rebuilds
 * the year in full), then prints the year's main figures in Vietnamese. A bad year: a message and
 * exit code 1.
 */
import 'dotenv/config'
import { parseArgs } from 'node:util'

function fail(message: string): never {
  console.error(`Lỗi: ${message}`)
  process.exit(1)
}

let args: { year?: string; rebuild?: boolean }
try {
  args = parseArgs({
    options: { year: { type: 'string' }, rebuild: { type: 'boolean', default: false } },
    allowPositionals: false,
  }).values
} catch (err) {
  fail(
    `tham số không hợp lệ (${(err as Error).message}). Cách dùng: npm run report -- --year 2026 [--rebuild]`,
  )
}
if (!args.year) fail('thiếu năm. Cách dùng: npm run report -- --year 2026 [--rebuild]')
if (!/^\d{4}$/.test(args.year) || Number(args.year) < 2000 || Number(args.year) > 2100)
  fail(`năm "${args.year}" không hợp lệ: nhập năm gồm 4 chữ số, từ 2000 đến 2100.`)
const year = Number(args.year)

const { resolveSecret } = await import('@/lib/env')
resolveSecret()
const { startPayload } = await import('@/lib/startPayload')
const { rebuildYear, refreshDirty } = await import('@/reporting/engine')
const { formatSummary, yearTotals } = await import('@/reporting/summary')

const payload = await startPayload()
try {
  if (args.rebuild) {
    const r = await rebuildYear(payload, year)
    console.log(`Đã tổng hợp lại năm ${year}: ${r.cells} ô số liệu trong ${Math.round(r.ms)} ms.`)
  } else {
    const r = await refreshDirty(payload)
    console.log(
      r.marks
        ? `Đã cập nhật ${r.folded.reduce((n, f) => n + f.months.length, 0)} tháng có thay đổi (${Math.round(r.ms)} ms).`
        : 'Không có thay đổi mới cần tổng hợp.',
    )
  }
  console.log(formatSummary(year, await yearTotals(payload, year)))
} catch (err) {
  console.error(`Lỗi khi tổng hợp số liệu: ${(err as Error).message}`)
  process.exitCode = 1
} finally {
  await payload.destroy()
}
process.exit(process.exitCode ?? 0)
