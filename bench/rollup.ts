/**
 * `npm run bench:rollup`: 1,000,000 publications (BENCH_PUBLICATIONS to scale down) over two years
 * (2025-2026, times uniform), with 200,000 content items (1 in 5 publications), their topics and
 * campaigns, 40 units each with its own channel plus 5 shared channels (broadcast channels' slots
 * mostly aired with a duration), every published publication on a social channel observed twice,
 * written with raw SQL in one transaction (timed apart, not part of the result). Then, on the same
 * database, it times:
 *   rollupMs       the full rebuild of 2026 (every measure, every cell family);
 *   incrementalMs  the incremental refresh after 1,000 changes made through the Local API (hooks
 *                  mark the months): publications of the last two months of 2026 published,
 *                  cancelled, aired or moved: what the minute's cron meets;
 *   incrementalSpreadMs the same after 1,000 changes spread over all of 2026 (every month stale);
 *   baselineMs     the naive way to fill the dashboard's yearly table (a row per unit, 9 columns:
 *                  content published per kind, publications published, broadcasts aired, minutes
 *                  aired, events held, participants): one Local API query per figure, a count, or
 *                  for the two sums the rows' figures read and added up;
 *   dashboardMs    the reports page's data (that table and every chart and counter) read from the
 *                  cells as an admin (loadReport); speedup = baselineMs / dashboardMs;
 *   rebuildVsBaseline = baselineMs / rollupMs: even a full rebuild of every cell beats the naive table;
 *   summaryMs      the year's summary `npm run report` prints, read from the cells.
 *   exportMs, exportPeakRssMb the year exported to XLSX by `npm run export` in a process of its
 *                  own, after a snapshot of it (snapshotMs) (bench/exportStep.ts);
 *   subtreeTotalMs the province's subtree total over 10,000 units (bench/subtree.ts; goal < 200 ms);
 *   peakRssMb      the process's peak after the data and the full rebuild (processPeakRssMb: at the
 *                  end, after the naive way and the self-check read whole years into JavaScript).
 * Goals at 1,000,000 publications: rollupMs < 5 s (at most 10 s), incrementalMs < 1 s, speedup ≥ 10,
 * exportMs < 30 s and exportPeakRssMb < 500.
 * The last line is JSON.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const PUBS = Number(process.env.BENCH_PUBLICATIONS || 1_000_000)
const CONTENT = Math.max(100, Math.round(PUBS / 5))
const CHANGES = Number(process.env.BENCH_CHANGES || 1000)
const YEAR = 2026
const UNITS = 40
const SHARED_CHANNELS = 5

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-rollup-'))
Object.assign(process.env, {
  DATABASE_URI: `file:${path.join(dir, 'bench.db')}`,
  MEDIA_DIR: path.join(dir, 'media'),
  PAYLOAD_SECRET: crypto.randomBytes(16).toString('hex'),
})

const { sql } = await import('@payloadcms/db-sqlite')
const { startPayload } = await import('@/lib/startPayload')
const { writeBenchYear } = await import('./lib/benchYear')
const { rebuildYear, refreshDirty } = await import('@/reporting/engine')
const { vnMonthRange } = await import('@/lib/time')
const { yearTotals } = await import('@/reporting/summary')
const { loadReport } = await import('@/admin/reports/loadReport')
const { createLocalReq } = await import('payload')
type Where = import('payload').Where
const {
  AiringStatus,
  BROADCAST_KINDS,
  CONTENT_KINDS,
  DocStatus,
  PublicationStatus,
} = await import('@/vocabulary')

const log = (m: string) => console.error(`[bench] ${m}`)
const payload = await startPayload()
type Db = {
  run: (q: unknown) => Promise<unknown>
  all: <T>(q: unknown) => Promise<T[]>
  transaction: <T>(fn: (tx: Db) => Promise<T>) => Promise<T>
}
const db = (payload.db as unknown as { drizzle: Db }).drizzle

// ---- data, straight into the tables Payload reads (bench/lib/benchYear.ts) ----
const insertStarted = performance.now()
await writeBenchYear(payload, {
  publications: PUBS,
  content: CONTENT,
  units: UNITS,
  sharedChannels: SHARED_CHANNELS,
})
const insertMs = performance.now() - insertStarted
const count = async (table: string) =>
  (await db.all<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM "${table}"`)))[0].n
log(
  `dữ liệu: ${await count('publications')} lịch đăng, ${CONTENT} nội dung, ${await count('engagement_observations')} lần ghi nhận tương tác, ghi trong ${Math.round(insertMs)} ms`,
)

// ---- the full rebuild ----
const full = await rebuildYear(payload, YEAR)
// The process's peak so far: the data written and the rebuild (later phases read whole years into JavaScript).
const rebuildPeakRssMb = Math.round(process.resourceUsage().maxRSS / 1024)
log(`tổng hợp lại năm ${YEAR}: ${full.cells} ô, ${Math.round(full.ms)} ms`)

// ---- the incremental path: changes through the Local API (hooks mark the months) ----
async function change(fromMonth: number) {
  const { from } = vnMonthRange(YEAR, fromMonth)
  const { to } = vnMonthRange(YEAR, 12)
  const ids = await db.all<{ id: string }>(
    sql`SELECT id FROM publications WHERE scheduled_at >= ${from.toISOString()} AND scheduled_at < ${to.toISOString()} ORDER BY random() LIMIT ${CHANGES}`,
  )
  const started = performance.now()
  for (const [n, { id }] of ids.entries()) {
    const at = new Date(
      from.getTime() + Math.random() * (to.getTime() - from.getTime()),
    ).toISOString()
    const data = [
      { status: PublicationStatus.Published, publishedAt: at },
      { status: PublicationStatus.Cancelled, publishedAt: null },
      { airing: { status: AiringStatus.Aired, actualDurationSeconds: 300 } },
      { scheduledAt: at, publishedAt: at },
    ][n % 4]
    await payload.update({
      collection: 'publications',
      id,
      data: data as never,
      overrideAccess: true,
      context: { dispatcher: true },
      depth: 0,
    })
  }
  log(
    `${ids.length} thay đổi qua Local API trong ${Math.round(performance.now() - started)} ms (không tính)`,
  )
  const marks = await payload.count({ collection: 'rollup-dirty', overrideAccess: true })
  const r = await refreshDirty(payload)
  log(
    `cập nhật: ${marks.totalDocs} đánh dấu, ${r.folded.map((f) => `${f.source} ${f.year} tháng ${f.months.join(',')}`).join('; ')}: ${Math.round(r.ms)} ms`,
  )
  return r.ms
}
const incrementalMs = await change(11)
const incrementalSpreadMs = await change(1)

// Incremental and full agree on the result (a self-check; the tests check it on a small dataset).
const cellsNow = sql`SELECT month, metric, campaign, unit, content_type, channel, topic, value, unit_name, channel_kind
  FROM rollup_cells WHERE year = ${YEAR} ORDER BY month, metric, campaign, unit, content_type, channel, topic`
const before = await db.all<Record<string, unknown>>(cellsNow)
await rebuildYear(payload, YEAR)
const after = await db.all<Record<string, unknown>>(cellsNow)
const agree = JSON.stringify(before) === JSON.stringify(after)
log(
  `cập nhật từng phần ${agree ? 'khớp' : 'KHÔNG khớp'} với tổng hợp lại toàn bộ (${after.length} ô)`,
)

// ---- the naive way: one query per figure of the dashboard's yearly table (units × columns) ----
// Counts with payload.count; the two sums (minutes aired, participants) by reading the rows'
// figures and adding them up, as one would without a rollup.
const { from: yearFrom, to: yearTo } = vnMonthRange(YEAR)
const inYear = (field: string) => [
  { [field]: { greater_than_equal: yearFrom.toISOString() } },
  { [field]: { less_than: yearTo.toISOString() } },
]
const units = await db.all<{ id: string }>(sql`SELECT id FROM units ORDER BY id`)
const sumOf = async (
  collection: 'publications' | 'events',
  where: Where,
  pick: (doc: Record<string, any>) => number | null | undefined, // eslint-disable-line @typescript-eslint/no-explicit-any -- rows of either collection
  select: Record<string, true | Record<string, true>>,
) => {
  const found = await payload.find({
    collection,
    where,
    select,
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return found.docs.reduce((sum, d) => sum + (pick(d) ?? 0), 0)
}
const baselineStarted = performance.now()
let queries = 0
for (const { id: unit } of units) {
  const ofUnit = { ownerUnit: { equals: unit } }
  for (const kind of CONTENT_KINDS) {
    await payload.count({
      collection: kind,
      where: {
        and: [ofUnit, { _status: { equals: DocStatus.Published } }, ...inYear('publishedAt')],
      },
      overrideAccess: true,
    })
    queries++
  }
  const published: Where = {
    and: [ofUnit, { status: { equals: PublicationStatus.Published } }, ...inYear('publishedAt')],
  }
  const aired: Where = {
    and: [
      ofUnit,
      { 'airing.status': { equals: AiringStatus.Aired } },
      { channelKind: { in: [...BROADCAST_KINDS] } },
      ...inYear('scheduledAt'),
    ],
  }
  const held: Where = { and: [ofUnit, { status: { equals: 'held' } }, ...inYear('startsAt')] }
  await payload.count({ collection: 'publications', where: published, overrideAccess: true })
  await payload.count({ collection: 'publications', where: aired, overrideAccess: true })
  await sumOf('publications', aired, (d) => d.airing?.actualDurationSeconds, {
    airing: { actualDurationSeconds: true },
  })
  await payload.count({ collection: 'events', where: held, overrideAccess: true })
  await sumOf('events', held, (d) => d.actualParticipants, { actualParticipants: true })
  queries += 5
}
const baselineMs = performance.now() - baselineStarted
log(
  `cách đơn giản: ${queries} truy vấn cho bảng theo đơn vị (${units.length} đơn vị), ${Math.round(baselineMs)} ms`,
)

// ---- the same table (and the rest of the reports page) from the rollup ----
const admin = await payload.create({
  collection: 'users',
  data: {
    email: 'bench@bench.vn',
    password: 'Bench-2026!',
    fullName: 'Bench',
    role: 'admin',
  } as never,
  overrideAccess: true,
})
const req = await createLocalReq({ user: { ...admin, collection: 'users' } }, payload)
const dashboardStarted = performance.now()
const report = await loadReport(req, { year: YEAR, campaign: null, unit: null })
const dashboardMs = performance.now() - dashboardStarted
log(
  `trang báo cáo từ các ô (${report.units.length} đơn vị và mọi biểu đồ): ${Math.round(dashboardMs)} ms`,
)

const summaryStarted = performance.now()
await yearTotals(payload, YEAR)
const summaryMs = performance.now() - summaryStarted
log(`bảng tổng hợp năm (npm run report) từ các ô: ${Math.round(summaryMs)} ms`)

// ---- the annual export of the year (bench/exportStep.ts: frozen, then exported in its own process) ----
const { measureExport } = await import('./exportStep')
const exported = await measureExport(payload, YEAR)
log(
  `xuất XLSX năm ${YEAR}: chốt ${exported.snapshotMs} ms, xuất ${exported.exportMs} ms, ${exported.exportPeakRssMb} MB, ${exported.exportBytes} byte`,
)

// ---- a province's subtree total over 10,000 units (bench/subtree.ts), after every other step ----
const { measureSubtree } = await import('./subtree')
const subtree = await measureSubtree(payload, YEAR, UNITS)
log(
  `tổng theo cây đơn vị của tỉnh (${subtree.subtreeUnits} đơn vị): ${subtree.subtreeTotalMs} ms (đọc cây ${subtree.unitTreeLoadMs} ms), khớp: ${subtree.subtreeTotalAgrees}`,
)

const result = {
  publications: PUBS,
  rollupMs: Math.round(full.ms),
  incrementalMs: Math.round(incrementalMs),
  baselineMs: Math.round(baselineMs),
  speedup: Math.round((baselineMs / dashboardMs) * 10) / 10,
  peakRssMb: rebuildPeakRssMb,
  processPeakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  cells: full.cells,
  dashboardMs: Math.round(dashboardMs),
  rebuildVsBaseline: Math.round((baselineMs / full.ms) * 100) / 100,
  incrementalSpreadMs: Math.round(incrementalSpreadMs),
  insertMs: Math.round(insertMs),
  incrementalEqualsRebuild: agree,
  summaryMs: Math.round(summaryMs),
  ...exported,
  ...subtree,
}
await payload.destroy()
if (!process.env.BENCH_KEEP) fs.rmSync(dir, { recursive: true, force: true })
else log(`base giữ lại: ${dir}`)
console.log(JSON.stringify(result))
process.exit(0)
