/**
 * The subtree step of `npm run bench:rollup`: 10,000 units added as a tree (the province, 99
 * districts, 9,900 communes under a district until 30/06/2025 and under the province from
 * 01/07/2025; the bench's 40 units with the figures under the districts), then the province's
 * subtree total of the year (src/reporting/subtree.ts: the closure lookup and one GROUP BY over
 * the units' cells). Run after every other step, so their figures are as before.
 *   unitTreeLoadMs  the tree read into memory once (10,000 units and their periods; then cached);
 *   subtreeTotalMs  the province's total with its descendants, the tree already in memory (the
 *                   median of 5; goal < 200 ms); checked against the sum over every unit's cells.
 */
import type { Payload } from 'payload'

export async function measureSubtree(payload: Payload, year: number, benchUnits: number) {
  const { sql } = await import('@payloadcms/db-sqlite')
  const { readUnitTree, unitTree } = await import('@/units/load')
  const { subtreeTotals } = await import('@/reporting/subtree')
  const { rawReader } = await import('@/db/sqlite/connection')
  type Db = {
    transaction: <T>(
      fn: (tx: { run: (q: unknown) => Promise<unknown> }) => Promise<T>,
    ) => Promise<T>
  }
  const db = (payload.db as unknown as { drizzle: Db }).drizzle
  const id = (kind: number, n: string) => `printf('%08x-0000-7000-8000-%012x', ${kind}, ${n})`
  const series = (from: number, to: number) =>
    `WITH RECURSIVE s(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM s WHERE i < ${to})`
  const TOTAL = 10_000
  const DISTRICTS = 99
  const district = (i: string) => id(20, `1 + (${i}) % ${DISTRICTS}`)
  await db.transaction(async (tx) => {
    const run = (q: string) => tx.run(sql.raw(q))
    await run(
      `INSERT INTO units (id, name, kind, active) VALUES (${id(20, '0')}, 'UBND tỉnh (bench)', 'province', 1)`,
    )
    await run(
      `${series(1, TOTAL - 1)} INSERT INTO units (id, name, kind, active) SELECT ${id(20, 'i')}, 'Đơn vị cây ' || i, CASE WHEN i <= ${DISTRICTS} THEN 'district' ELSE 'commune' END, 1 FROM s`,
    )
    const row = (order: number, child: string, parent: string, from: string, to: string) =>
      `SELECT ${order}, ${child}, lower(hex(randomblob(12))), ${parent}, ${from}, ${to} FROM s`
    const cols = 'INSERT INTO units_parents (_order, _parent_id, id, parent_id, "from", "to")'
    await run(`${series(1, DISTRICTS)} ${cols} ${row(1, id(20, 'i'), id(20, '0'), 'NULL', 'NULL')}`)
    await run(
      `${series(DISTRICTS + 1, TOTAL - 1)} ${cols} ${row(1, id(20, 'i'), district('i'), 'NULL', `'2025-06-29T17:00:00.000Z'`)}`,
    )
    await run(
      `${series(DISTRICTS + 1, TOTAL - 1)} ${cols} ${row(2, id(20, 'i'), id(20, '0'), `'2025-06-30T17:00:00.000Z'`, 'NULL')}`,
    )
    await run(
      `${series(0, benchUnits - 1)} ${cols} ${row(1, id(1, 'i'), district('i'), 'NULL', 'NULL')}`,
    )
  })
  const loadStarted = performance.now()
  await readUnitTree(payload)
  const unitTreeLoadMs = Math.round(performance.now() - loadStarted)
  const tree = await unitTree(payload)
  const root = [...tree.units.values()].find((u) => u.name === 'UBND tỉnh (bench)')!.id
  const subtreeUnits = tree.unitsUnderInYear(root, year).length
  const times: number[] = []
  let totals = new Map<string, number>()
  for (let i = 0; i < 5; i++) {
    const started = performance.now()
    totals = await subtreeTotals(payload, root, year)
    times.push(performance.now() - started)
  }
  const expected = (await rawReader(payload))
    .prepare(
      `SELECT metric, sum(value) FROM rollup_cells WHERE year = ? AND campaign IS NULL AND topic IS NULL AND unit IS NOT NULL GROUP BY metric`,
    )
    .raw(true)
    .all(year)
  const subtreeTotalAgrees = expected.every(
    (r) => Math.abs((totals.get(String(r[0])) ?? 0) - Number(r[1])) < 1e-6,
  )
  return {
    subtreeTotalMs: Math.round(times.sort((a, b) => a - b)[2]),
    subtreeUnits,
    unitTreeLoadMs,
    subtreeTotalAgrees,
  }
}
