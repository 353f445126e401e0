/**
 * `npm run bench:indicators`: the province's "Chỉ tiêu nhận thức" panel over 10,000 units
 * (BENCH_INDICATOR_UNITS to scale) — a province, 100 districts, the rest communes — × 25 data
 * elements × 5 years (2022-2026), with 12 indicators: 10 shares of two entered elements, a survey
 * estimate weighted by population, and trainees from the rollup ÷ an entered headcount. One value in
 * ten is missing. The forms, their values, the facts the form hooks would write and the rollup's
 * cells go straight into the tables with SQL (timed apart). Then, on the same database:
 *   indicatorPanelMs       the panel as the reports page loads it (loadIndicatorPanel: catalogue, units,
 *                          the province's sums kept by triggers, the survey's facts, the rollup side
 *                          joined to the cells), median of 5 runs;
 *   indicatorPanelCpuMs    the same runs' CPU time (median): what the wall time is on a quiet machine;
 *   indicatorPanelFirstMs  its first run;
 *   indicatorPanelDistrictMs a district with the communes below it;
 *   indicatorPanelNaiveMs  the naive way: unit by unit, read its forms and its trainees through the
 *                          Local API and add up, timed over BENCH_NAIVE_UNITS units (1,000) and
 *                          scaled to all (naiveMeasuredMs, naiveUnits); speedup = naive ÷ panel.
 * The two must agree on every indicator and year over a district's group, and the province's sums
 * with its units' facts added up (agree). Goal: indicatorPanelMs < 300.
 * The last line is JSON.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const UNITS = Number(process.env.BENCH_INDICATOR_UNITS || 10_000)
const DISTRICTS = 100
const ELEMENTS = 25
const YEARS = [2022, 2023, 2024, 2025, 2026]

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-indicators-'))
Object.assign(process.env, {
  DATABASE_URI: `file:${path.join(dir, 'bench.db')}`,
  MEDIA_DIR: path.join(dir, 'media'),
  PAYLOAD_SECRET: crypto.randomBytes(16).toString('hex'),
})

const { sql } = await import('@payloadcms/db-sqlite')
const { startPayload } = await import('@/lib/startPayload')
const { loadIndicatorPanel } = await import('@/reporting/indicators/panel')
const { loadCatalogue } = await import('@/reporting/indicators/catalogue')
const { factsOf, enteredValues } = await import('@/reporting/indicators/facts')
const { addFact, valueOf } = await import('@/reporting/indicators/aggregate')
const { relationId } = await import('@/lib/relation')

const log = (m: string) => console.error(`[bench] ${m}`)
const payload = await startPayload()
type Db = { run: (q: unknown) => Promise<unknown>; all: <T>(q: unknown) => Promise<T[]> }
const db = (
  payload.db as unknown as {
    drizzle: Db & { transaction: <T>(fn: (tx: Db) => Promise<T>) => Promise<T> }
  }
).drizzle
const uuid = (kind: number, n: string) => `printf('%08x-0000-7000-8000-%012x', ${kind}, ${n})`
const series = (n: number) =>
  `WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < ${n - 1})`

const insertStarted = performance.now()
await db.transaction(async (tx) => {
  const run = (q: string) => tx.run(sql.raw(q))
  // Unit 0 the province, 1..100 districts under it, the rest communes under district 1 + i % 100.
  await run(
    `${series(UNITS)} INSERT INTO units (id, name, kind, parent_id, active)
     SELECT ${uuid(1, 'i')}, 'Đơn vị ' || i,
       CASE WHEN i = 0 THEN 'province' WHEN i <= ${DISTRICTS} THEN 'district' ELSE 'commune' END,
       CASE WHEN i = 0 THEN NULL WHEN i <= ${DISTRICTS} THEN ${uuid(1, '0')} ELSE ${uuid(1, `1 + i % ${DISTRICTS}`)} END,
       1 FROM s`,
  )
  // Their parents as the dated tree reads them (src/units): one open period each.
  await run(
    `INSERT INTO units_parents (_order, _parent_id, id, parent_id, "from", "to")
     SELECT 1, id, lower(hex(randomblob(12))), parent_id, NULL, NULL FROM units
     WHERE parent_id IS NOT NULL AND id LIKE '00000001-%'`,
  )
})
// ---- the catalogue through the Local API (a few dozen documents) ----
const province = `00000001-0000-7000-8000-000000000000`
const plan = await payload.create({
  collection: 'campaigns',
  overrideAccess: true,
  data: {
    name: 'Kế hoạch thử',
    leadUnit: province,
    startsOn: '2022-01-01T00:00:00+07:00',
    endsOn: '2025-12-31T00:00:00+07:00',
  } as never,
})
const kinds = ['province', 'district', 'commune']
const el: string[] = []
for (let j = 1; j <= ELEMENTS; j++) {
  const doc = await payload.create({
    collection: 'data-elements',
    overrideAccess: true,
    data: {
      code: `e${String(j).padStart(2, '0')}`,
      name: `Trường ${j}`,
      unitKinds: kinds,
      // Even elements are parts of the odd one before them (trained ≤ headcount).
      partOf: j % 2 === 0 ? el[j - 2] : undefined,
      survey: j === 21 || j === 22,
    } as never,
  })
  el.push(String(doc.id))
}
const targets = [
  { campaign: plan.id, year: 2022, value: 40 },
  { campaign: plan.id, year: 2025, value: 80 },
]
const indicator = (data: Record<string, unknown>) =>
  payload.create({
    collection: 'indicators',
    overrideAccess: true,
    context: { skipFactRebuild: true },
    data: { kind: 'percentage', unitKinds: kinds, targets, ...data } as never,
  })
for (let k = 0; k < 10; k++)
  await indicator({
    code: `I${k + 1}`,
    name: `Chỉ tiêu ${k + 1}`,
    sortOrder: k,
    numerator: { source: 'element', element: el[2 * k + 1] },
    denominator: { source: 'element', element: el[2 * k] },
  })
await indicator({
  code: 'I11',
  name: 'Khảo sát (gia quyền dân số)',
  sortOrder: 11,
  numerator: { source: 'element', element: el[21] },
  denominator: { source: 'element', element: el[20] },
  weight: el[22],
})
await indicator({
  code: 'I12',
  name: 'Đào tạo (tổng hợp) ÷ biên chế',
  sortOrder: 12,
  numerator: { source: 'rollup', measure: 'trainees' },
  denominator: { source: 'element', element: el[22] },
})

// ---- forms, values, facts and cells in SQL ----
// value(j) for unit u, year y: odd j a whole 100..999, even j a part of j - 1; one in ten missing.
const whole = (j: number) => `(100 + ((u * 7919 + y * 104729 + ${j} * 1299709) % 900))`
const valueExpr = (j: number) => {
  const v =
    j % 2 === 1 ? whole(j) : `(${whole(j - 1)} * ((u * 31 + y * 17 + ${j} * 13) % 101) / 100)`
  return `CASE WHEN (u * 13 + y * 7 + ${j} * 3) % 10 = 0 THEN NULL ELSE ${v} END`
}
await db.transaction(async (tx) => {
  const run = (q: string) => tx.run(sql.raw(q))
  await run(
    `CREATE TEMP TABLE bf AS ${series(UNITS * YEARS.length)} SELECT i AS f, i / ${YEARS.length} AS u, ${YEARS[0]} + i % ${YEARS.length} AS y FROM s`,
  )
  await run(
    `INSERT INTO indicator_reports (id, title, owner_unit_id, year, status) SELECT ${uuid(2, 'f')}, 'Biểu mẫu ' || f, ${uuid(1, 'u')}, y, 'accepted' FROM bf`,
  )
  await run(
    `CREATE TEMP TABLE bv AS ${[...Array(ELEMENTS).keys()].map((j) => `SELECT f, u, y, ${j + 1} AS j, ${valueExpr(j + 1)} AS value FROM bf`).join(' UNION ALL ')}`,
  )
  await run(
    `INSERT INTO indicator_reports_values (_order, _parent_id, id, element_id, value) SELECT j - 1, ${uuid(2, 'f')}, ${uuid(3, `f * ${ELEMENTS} + j`)}, CASE j ${el.map((id, i) => `WHEN ${i + 1} THEN '${id}'`).join(' ')} END, value FROM bv`,
  )
  await run('CREATE INDEX bv_fj ON bv (f, j)')
  // The facts the form hook writes (factsOf): per indicator, the entered sides; complete when all are there.
  const fact = (code: string, num: number | null, den: number, weight: number | null) =>
    run(`INSERT INTO indicator_facts (id, indicator, unit, year, numerator, denominator, weight, complete)
      SELECT lower(hex(randomblob(16))), '${code}', ${uuid(1, 'd.u')}, d.y, ${num ? 'n.value' : 'NULL'}, d.value, ${weight ? 'w.value' : 'NULL'},
        (${num ? 'n.value IS NOT NULL AND ' : ''}d.value IS NOT NULL AND d.value > 0${weight ? ' AND w.value IS NOT NULL' : ''})
      FROM bv d ${num ? `JOIN bv n ON n.f = d.f AND n.j = ${num}` : ''} ${weight ? `JOIN bv w ON w.f = d.f AND w.j = ${weight}` : ''}
      WHERE d.j = ${den} AND (d.value IS NOT NULL${num ? ' OR n.value IS NOT NULL' : ''}${weight ? ' OR w.value IS NOT NULL' : ''})`)
  for (let k = 0; k < 10; k++) await fact(`I${k + 1}`, 2 * k + 2, 2 * k + 1, null)
  await fact('I11', 22, 21, 23)
  await fact('I12', null, 23, null)
  // Trainees in the rollup: two months a unit and year, and the same people again in a campaign's family.
  await run(
    `INSERT INTO rollup_cells (id, year, month, metric, value, unit, campaign)
     SELECT f * 3 + m.k, y, m.month, 'trainees', (u * 7 + y + m.k) % 60, ${uuid(1, 'u')}, CASE WHEN m.k = 2 THEN 'c' END
     FROM bf, (SELECT 0 AS k, 3 AS month UNION ALL SELECT 1, 9 UNION ALL SELECT 2, 9) m`,
  )
})
await db.run(sql.raw('ANALYZE'))
const insertMs = Math.round(performance.now() - insertStarted)
log(`data in ${insertMs} ms`)

// ---- the panel ----
// Wall time, and this process's CPU time beside it: on a shared machine the wall time also counts
// the waits for a core, the CPU time does not.
const time = async <T>(fn: () => Promise<T>) => {
  const t = performance.now()
  const cpu = process.cpuUsage()
  const value = await fn()
  const used = process.cpuUsage(cpu)
  return { ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000, value }
}
const scope = { year: 2026, unit: null, campaign: String(plan.id) }
if (process.env.BENCH_PROFILE) {
  const { loadCatalogue: lc } = await import('@/reporting/indicators/catalogue')
  const { allUnits } = await import('@/reporting/indicators/unitsUnder')
  const { indicatorTotals } = await import('@/reporting/indicators/aggregate')
  for (let i = 0; i < 2; i++) {
    const c = await time(() => lc(payload))
    const u = await time(() => allUnits(payload))
    const inds = c.value.indicators
    const e = await time(() =>
      indicatorTotals(
        payload,
        inds.filter((x) => x.code !== 'I12'),
        YEARS,
        { units: u.value, all: true },
      ),
    )
    const r = await time(() =>
      indicatorTotals(
        payload,
        inds.filter((x) => x.code === 'I12'),
        YEARS,
        { units: u.value, all: true },
      ),
    )
    log(`catalogue ${c.ms} units ${u.ms} entered ${e.ms} rollup ${r.ms}`)
  }
}
const first = await time(() => loadIndicatorPanel(payload, scope))
const runs: number[] = []
const cpuRuns: number[] = []
let panel = first.value
for (let i = 0; i < 5; i++) {
  const r = await time(() => loadIndicatorPanel(payload, scope))
  runs.push(r.ms)
  cpuRuns.push(r.cpuMs)
  panel = r.value
}
runs.sort((a, b) => a - b)
cpuRuns.sort((a, b) => a - b)
const district = await time(() =>
  loadIndicatorPanel(payload, { ...scope, unit: '00000001-0000-7000-8000-000000000001' }),
)
log(
  `panel ${runs.map(Math.round).join(', ')} ms (CPU ${cpuRuns.map(Math.round).join(', ')}); district ${Math.round(district.ms)} ms`,
)

// ---- the naive way: unit by unit through the Local API ----
const { indicators: catalogue } = await loadCatalogue(payload)
const unitDocs = (
  await payload.find({
    collection: 'units',
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    select: { kind: true },
  })
).docs
type Acc = Parameters<typeof addFact>[0]
async function naiveSums(units: typeof unitDocs) {
  const sums = new Map<string, Acc>()
  for (const unit of units) {
    const id = String(unit.id)
    const [forms, cells] = await Promise.all([
      payload.find({
        collection: 'indicator-reports',
        where: { and: [{ ownerUnit: { equals: id } }, { year: { in: YEARS } }] },
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
        select: { year: true, values: true, ownerUnit: true },
      }),
      payload.find({
        collection: 'rollup-cells',
        where: {
          and: [
            { unit: { equals: id } },
            { metric: { equals: 'trainees' } },
            { campaign: { exists: false } },
            { topic: { exists: false } },
            { year: { in: YEARS } },
          ],
        },
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
        select: { year: true, value: true },
      }),
    ])
    for (const form of forms.docs) {
      const trainees = cells.docs
        .filter((c) => c.year === form.year)
        .reduce((a, c) => a + c.value, 0)
      const facts = factsOf(
        catalogue,
        relationId(form.ownerUnit)!,
        unit.kind as never,
        form.year,
        enteredValues(form as never),
      )
      for (const f of facts) {
        if (!f.complete) continue
        if (f.indicator === 'I12') f.numerator = trainees
        const k = `${f.indicator}|${f.year}`
        if (!sums.has(k))
          sums.set(k, { numerator: 0, denominator: 0, weight: 0, weighted: 0, reported: 0 })
        addFact(sums.get(k)!, f)
      }
    }
  }
  return sums
}
// Timed over the first NAIVE_UNITS units (the loop is linear in units) and scaled to all of them:
// the whole loop takes many minutes on a shared machine.
const NAIVE_UNITS = Math.min(UNITS, Number(process.env.BENCH_NAIVE_UNITS || 1000))
const naive = await time(() => naiveSums(unitDocs.slice(0, NAIVE_UNITS)))
const naiveMs = (naive.ms * unitDocs.length) / NAIVE_UNITS
log(`naive ${Math.round(naive.ms)} ms over ${NAIVE_UNITS} units → ${Math.round(naiveMs)} ms`)

// The two ways must agree on every indicator and year: the district's group, unit by unit.
const districtIds = new Set(district.value.units.map((u) => u.id))
const districtSums = await naiveSums(unitDocs.filter((u) => districtIds.has(String(u.id))))
let agree = true
for (const ind of catalogue)
  for (const row of district.value.rows.filter((r) => r.code === ind.code))
    for (const point of row.trend) {
      const s = districtSums.get(`${ind.code}|${point.year}`)
      const v = s ? valueOf(ind, s) : null
      if (
        (v == null) !== (point.value == null) ||
        (v != null && Math.abs(v - point.value!) > 1e-6)
      ) {
        agree = false
        log(`disagree ${ind.code} ${point.year}: naive ${v} panel ${point.value}`)
      }
    }
// The province's sums (kept by triggers) against the same units' facts added up by the group's
// statement: the province unit's group is every unit.
const everyUnit = await loadIndicatorPanel(payload, { ...scope, unit: province })
for (const row of panel.rows) {
  const other = everyUnit.rows.find((r) => r.code === row.code)!
  for (const [i, point] of row.trend.entries())
    if ((point.value ?? -1) !== (other.trend[i].value ?? -1)) {
      agree = false
      log(`disagree ${row.code} ${point.year}: province ${point.value} by units ${other.trend[i].value}`)
    }
}
const median = runs[Math.floor(runs.length / 2)]
const sample = panel.rows.find((r) => r.code === 'I1')!
console.log(
  JSON.stringify({
    units: UNITS,
    elements: ELEMENTS,
    years: YEARS.length,
    indicators: panel.rows.length,
    values: UNITS * ELEMENTS * YEARS.length,
    insertMs,
    indicatorPanelMs: Math.round(median),
    indicatorPanelCpuMs: Math.round(cpuRuns[Math.floor(cpuRuns.length / 2)]),
    indicatorPanelFirstMs: Math.round(first.ms),
    indicatorPanelDistrictMs: Math.round(district.ms),
    indicatorPanelNaiveMs: Math.round(naiveMs),
    naiveMeasuredMs: Math.round(naive.ms),
    naiveUnits: NAIVE_UNITS,
    speedup: Math.round((naiveMs / median) * 10) / 10,
    goalMs: 300,
    agree,
    sample: {
      indicator: 'I1',
      value: sample.value,
      coverage: sample.coverage,
      reported: sample.reported,
    },
  }),
)
if (process.env.BENCH_KEEP_DB) log(`database kept in ${dir}`)
else fs.rmSync(dir, { recursive: true, force: true })
process.exit(agree ? 0 : 1)
