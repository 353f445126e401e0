/**
 * `npm run export -- --year 2026 [--to 2026] --format xlsx|csv|json|docx --out FILE [--snapshot ID]
 * [--unit ID] [--freeze]`: the annual export from the year's latest snapshot (or the one named); with `--to` a
 * later year, the period's review (each year's latest snapshot, a column per year and a total);
 * with `--unit` that unit's figures only; with `--freeze` each year is frozen first (its pending
 * changes folded in, waiting for a rollup run in progress or refusing); `--subtree` with `--unit`:
 * with every unit under it in each year's tree; `--restate`: the figures of units merged or split
 * since summed into today's units. Each snapshot's time and
 * the newest change it includes are printed, with a warning when the data changed since. Bad arguments, a period that ends before it starts or a
 * missing snapshot: a Vietnamese message and exit code 1, no file written.
 */
import 'dotenv/config'
import { parseArgs } from 'node:util'

const USAGE =
  'Cách dùng: npm run export -- --year 2026 [--to 2026] --format xlsx|csv|json|docx --out TEN_TEP [--snapshot MA | --freeze] [--unit MA_DON_VI [--subtree]] [--restate]'
function fail(message: string): never {
  console.error(`Lỗi: ${message}\n${USAGE}`)
  process.exit(1)
}

let args: {
  year?: string
  to?: string
  format?: string
  out?: string
  snapshot?: string
  unit?: string
  freeze?: boolean
  subtree?: boolean
  restate?: boolean
}
try {
  args = parseArgs({
    options: {
      year: { type: 'string' },
      to: { type: 'string' },
      unit: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      snapshot: { type: 'string' },
      freeze: { type: 'boolean' },
      subtree: { type: 'boolean' },
      restate: { type: 'boolean' },
    },
    allowPositionals: false,
  }).values
} catch (err) {
  fail(`tham số không hợp lệ (${(err as Error).message}).`)
}
if (!args.year && !args.snapshot) fail('thiếu năm (--year) hoặc mã bản chốt (--snapshot).')
if (args.year && (!/^\d{4}$/.test(args.year) || +args.year < 2000 || +args.year > 2100))
  fail(`năm "${args.year}" không hợp lệ: nhập năm gồm 4 chữ số, từ 2000 đến 2100.`)
if (args.to && (!/^\d{4}$/.test(args.to) || +args.to < 2000 || +args.to > 2100))
  fail(`năm kết thúc "${args.to}" không hợp lệ: nhập năm gồm 4 chữ số, từ 2000 đến 2100.`)
if (args.to && !args.year) fail('--to cần năm bắt đầu (--year).')
if (args.to && args.year && +args.to < +args.year)
  fail(`giai đoạn không hợp lệ: năm kết thúc (${args.to}) trước năm bắt đầu (${args.year}).`)
if (args.to && args.snapshot && args.to !== args.year)
  fail('một giai đoạn lấy bản chốt mới nhất của từng năm: không dùng --snapshot cùng --to.')
if (args.freeze && args.snapshot) fail('--freeze chốt bản mới: không dùng cùng --snapshot.')
if (args.freeze && !args.year) fail('--freeze cần năm (--year).')
if (!args.out) fail('thiếu tệp kết quả (--out).')
if (args.subtree && !args.unit) fail('--subtree cần một đơn vị (--unit).')
if (args.restate && args.unit)
  fail('quy về các đơn vị hiện nay (--restate) chỉ áp dụng cho số liệu toàn tỉnh: bỏ --unit.')

const { EXPORT_FORMATS, exportToFile, ExportError } = await import('@/reporting/export')
const format = (args.format ?? 'xlsx') as (typeof EXPORT_FORMATS)[number]
if (!EXPORT_FORMATS.includes(format))
  fail(`định dạng "${args.format}" không hỗ trợ; chọn một trong: ${EXPORT_FORMATS.join(', ')}.`)

const { resolveSecret } = await import('@/lib/env')
resolveSecret()
const { startPayload } = await import('@/lib/startPayload')
const { freezeYear, foldedMessage, freshnessOf } = await import('@/reporting/freeze')
const { formatDateTimeVn } = await import('@/lib/time')
const payload = await startPayload()
try {
  if (args.freeze)
    for (let y = Number(args.year); y <= Number(args.to ?? args.year); y++) {
      const s = await freezeYear(payload, y, { note: 'Chốt khi xuất báo cáo từ dòng lệnh.' })
      console.log(
        `Đã chốt số liệu năm ${y} (bản chốt ${s.id}, ${s.cellCount} ô). ${foldedMessage({ marks: s.foldedChanges ?? 0, months: 0 }).replace(/ \(0 tháng\)/, '')}`,
      )
    }
  const model = await exportToFile(
    payload,
    args.snapshot
      ? { id: args.snapshot }
      : { year: Number(args.year), to: args.to ? Number(args.to) : undefined },
    format,
    args.out,
    { unit: args.unit ?? null, subtree: !!args.subtree, restate: !!args.restate },
  )
  for (const s of model.snapshots) {
    const f = await freshnessOf(payload, s)
    console.log(
      `Bản chốt ${s.id} (năm ${s.year}): chốt lúc ${s.takenAt ? formatDateTimeVn(s.takenAt) : 'không rõ'}, số liệu tính đến thay đổi lúc ${f.dataAsOf ? formatDateTimeVn(f.dataAsOf) : 'không rõ'}.${
        f.stale && f.latestChange
          ? ` Cảnh báo: số liệu đã thay đổi sau khi chốt (lúc ${formatDateTimeVn(f.latestChange)}); chạy lại với --freeze để có số liệu mới nhất.`
          : ''
      }`,
    )
  }
  console.log(
    `Đã xuất số liệu ${model.label}${model.unit ? ` của ${model.unit.name}` : ''}${model.restated ? ', quy về các đơn vị hiện nay' : ''} (${model.snapshots
      .map((s) => `bản chốt ${s.id}, ${s.cellCount} ô`)
      .join('; ')}) ra ${args.out}.`,
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
