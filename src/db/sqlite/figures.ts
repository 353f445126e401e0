import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import type { Indicator } from '@/reporting/indicators/catalogue'
import {
  hasRollupSide,
  rollupMeasures,
  type FactQuery,
  type Sums,
} from '@/reporting/indicators/shapes'
import { OperandSource, type Metric, type UnitKind } from '@/vocabulary'
import type { FigureReads } from '../types'
import { rawReader, sqliteReader } from './connection'

/**
 * SQLite: each read one statement, so tens of thousands of rows never reach JavaScript (the Local
 * API's per-document work took most of the time: see each function).
 */
export const sqliteFigures = (payload: Payload): FigureReads => ({
  yearTotals: (year) => yearTotals(payload, year),
  subtreeTotals: (year, units) => subtreeTotals(payload, year, units),
  allUnits: () => allUnits(payload),
  rollupByUnit: (measures, years, units) => rollupByUnit(payload, measures, years, units),
  indicatorSums: (q) => groupSums(payload, q),
})

/**
 * One GROUP BY over the year's (all, all) cells (the summary's main figures, the public home
 * page's counters), read from the partial index that holds only them. Left to itself SQLite takes
 * the (year, month, metric) index, for its order, and reads every cell of the year: 300 ms at a
 * million publications against 40 ms.
 */
async function yearTotals(payload: Payload, year: number) {
  return sqliteReader(payload).all<{ month: number; metric: string; total: number }>(
    sql`SELECT month, metric, SUM(value) AS total FROM rollup_cells INDEXED BY rollup_cells_all_family_idx
      WHERE year = ${year} AND campaign IS NULL AND topic IS NULL GROUP BY month, metric`,
  )
}

/**
 * The year's (all, all) cells of the units handed as one JSON array, by measure. Read from the
 * partial index `rollup_cells_all_family_idx` alone (a seek per unit; tests/int/rollup-plan).
 */
export const SUBTREE_TOTALS_SQL = `SELECT metric, sum(value) FROM rollup_cells
  WHERE year = ? AND campaign IS NULL AND topic IS NULL
    AND unit IN (SELECT value FROM json_each(?))
  GROUP BY metric`

/** A GROUP BY over the units' ids, on the read-only connection. */
async function subtreeTotals(payload: Payload, year: number, units: string[]) {
  const db = await rawReader(payload)
  const rows = db.prepare(SUBTREE_TOTALS_SQL).raw(true).all(year, JSON.stringify(units))
  return new Map(rows.map((r) => [String(r[0]), Number(r[1])]))
}

/**
 * Every unit straight from the table, as plain arrays on the read-only connection: the Local API's
 * per-document work, then the driver's row objects, took most of the indicator panel's time at
 * 10,000 units.
 */
async function allUnits(payload: Payload) {
  const db = await rawReader(payload)
  const rows = db.prepare('SELECT id, name, kind, parent_id, active FROM units').raw(true).all()
  return rows.map((u) => ({
    id: String(u[0]),
    name: String(u[1]),
    kind: u[2] as UnitKind,
    parent: u[3] == null ? null : String(u[3]),
    active: u[4] !== 0,
  }))
}

/** The units' yearly rollup totals of `measures`, one GROUP BY. */
async function rollupByUnit(
  payload: Payload,
  measures: readonly Metric[],
  years: readonly number[],
  units: readonly string[] | null,
) {
  const unitFilter = units
    ? sql` AND unit IN (SELECT value FROM json_each(${JSON.stringify(units)}))`
    : sql``
  return sqliteReader(payload).all<{ unit: string; year: number; metric: string; total: number }>(
    sql`SELECT unit, year, metric, SUM(value) AS total FROM rollup_cells
        WHERE campaign IS NULL AND topic IS NULL AND unit IS NOT NULL
          AND year IN (SELECT value FROM json_each(${JSON.stringify(years)}))
          AND metric IN (SELECT value FROM json_each(${JSON.stringify(measures)}))${unitFilter}
        GROUP BY unit, year, metric`,
  )
}

const SUMS = sql.raw(`SUM(n) AS n, SUM(d) AS d, SUM(CASE WHEN d > 0 THEN w END) AS w,
  SUM(CASE WHEN d > 0 THEN w * n * 1.0 / d END) AS wn, COUNT(*) AS c`)

type SumRow = {
  indicator: string
  year: number
  n: number | null
  d: number | null
  w: number | null
  wn: number | null
  c: number
}

/** A side of a rollup-sided indicator in SQL: the stored entered value, or the unit's rollup total (none is 0). */
const sideSql = (
  op: Indicator['numerator'] | null,
  column: 'numerator' | 'denominator',
  alias: string,
) =>
  op?.source === OperandSource.Rollup
    ? sql.raw(`COALESCE(${alias}.total, 0)`)
    : sql.raw(`f.${column}`)

const list = (values: readonly (string | number)[]) =>
  sql`(${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`

/**
 * The sums of every indicator and year over the group:
 * - Σ numerators, Σ denominators and the count of complete facts: for the province from
 *   `indicator_fact_sums` (kept by triggers: migrations/20261205_060000_indicator_fact_sums.ts), for
 *   a smaller group one GROUP BY over its facts (the covering index answers it);
 * - a rollup side (all campaigns, all topics): Σ of the cells of the units with a complete fact,
 *   one join per indicator and side (the cells' partial index answers it; a missing cell is 0);
 * - survey estimates: the weighted columns over their facts; one with a rollup side (none in the
 *   plans) joins the units' yearly rollup totals first, unit by unit.
 */
async function groupSums(payload: Payload, q: FactQuery): Promise<Map<string, Sums>> {
  const out = new Map<string, Sums>()
  if (!q.indicators.length || !q.years.length) return out
  const db = sqliteReader(payload)
  const years = list(q.years)
  const codes = list(q.indicators.map((i) => i.code))
  const unitFilter = q.units
    ? sql` AND f.unit IN (SELECT value FROM json_each(${JSON.stringify(q.units)}))`
    : sql``
  const put = (r: SumRow) =>
    out.set(`${r.indicator}|${Number(r.year)}`, {
      numerator: Number(r.n ?? 0),
      denominator: Number(r.d ?? 0),
      weight: Number(r.w ?? 0),
      weighted: Number(r.wn ?? 0),
      reported: Number(r.c),
    })
  const plain = q.units
    ? db.all<SumRow>(sql`SELECT f.indicator, f.year, total(f.numerator) AS n, total(f.denominator) AS d,
        COUNT(*) AS c FROM indicator_facts f
        WHERE f.indicator IN ${codes} AND f.year IN ${years} AND f.complete = 1${unitFilter}
        GROUP BY f.indicator, f.year`)
    : db.all<SumRow>(sql`SELECT indicator, year, n, d, c FROM indicator_fact_sums
        WHERE indicator IN ${codes} AND year IN ${years} AND c > 0`)
  for (const r of await plain) put(r)
  const weighted = q.indicators.filter((i) => i.weight)
  if (weighted.length) {
    const entered = weighted.filter((i) => !hasRollupSide(i)).map((i) => i.code)
    const branches = []
    if (entered.length)
      branches.push(sql`SELECT indicator, year, ${SUMS} FROM (SELECT f.indicator, f.year,
        f.numerator AS n, f.denominator AS d, f.weight AS w FROM indicator_facts f
        WHERE f.indicator IN ${list(entered)} AND f.year IN ${years} AND f.complete = 1${unitFilter})
        GROUP BY indicator, year`)
    for (const ind of weighted.filter(hasRollupSide)) {
      const join = (op: Indicator['numerator'] | null, alias: string) =>
        op?.source === OperandSource.Rollup
          ? sql` LEFT JOIN rollup ${sql.raw(alias)} ON ${sql.raw(alias)}.unit = f.unit AND ${sql.raw(alias)}.year = f.year AND ${sql.raw(alias)}.metric = ${op.measure}`
          : sql``
      branches.push(
        sql`SELECT indicator, year, ${SUMS} FROM (SELECT f.indicator, f.year,
          ${sideSql(ind.numerator, 'numerator', 'rn')} AS n, ${sideSql(ind.denominator, 'denominator', 'rd')} AS d,
          f.weight AS w FROM indicator_facts f${join(ind.numerator, 'rn')}${join(ind.denominator, 'rd')}
          WHERE f.indicator = ${ind.code} AND f.year IN ${years} AND f.complete = 1${unitFilter})
          GROUP BY indicator, year`,
      )
    }
    const measures = rollupMeasures(weighted)
    const rollup = measures.length
      ? sql`WITH rollup AS (SELECT unit, year, metric, SUM(value) AS total FROM rollup_cells
          WHERE campaign IS NULL AND topic IS NULL AND unit IS NOT NULL AND year IN ${years}
            AND metric IN (SELECT value FROM json_each(${JSON.stringify(measures)}))
          GROUP BY unit, year, metric) `
      : sql``
    for (const r of await db.all<SumRow>(sql`${rollup}${sql.join(branches, sql` UNION ALL `)}`))
      put(r)
  }
  for (const ind of q.indicators.filter((i) => !i.weight && hasRollupSide(i)))
    for (const side of ['numerator', 'denominator'] as const) {
      const op = ind[side]
      if (op?.source !== OperandSource.Rollup) continue
      const rows = await db.all<{ year: number; total: number | null }>(
        sql`SELECT f.year, SUM(c.value) AS total FROM indicator_facts f
          JOIN rollup_cells c ON c.year = f.year AND c.unit = f.unit AND c.metric = ${op.measure}
            AND c.campaign IS NULL AND c.topic IS NULL
          WHERE f.indicator = ${ind.code} AND f.year IN ${years} AND f.complete = 1${unitFilter}
          GROUP BY f.year`,
      )
      const totals = new Map(rows.map((r) => [Number(r.year), Number(r.total ?? 0)]))
      for (const year of q.years) {
        const s = out.get(`${ind.code}|${year}`)
        if (s) s[side] = totals.get(year) ?? 0
      }
    }
  return out
}
