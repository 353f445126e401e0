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

/** One GROUP BY over the year's cells (the summary's main figures). */
async function yearTotals(payload: Payload, year: number) {
  return sqliteReader(payload).all<{ month: number; metric: string; total: number }>(
    sql`SELECT month, metric, SUM(value) AS total FROM rollup_cells WHERE year = ${year} AND campaign IS NULL AND topic IS NULL GROUP BY month, metric`,
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

/** Every unit straight from the table: the Local API's per-document work took most of the indicator panel's time at 10,000 units. */
async function allUnits(payload: Payload) {
  const rows = await sqliteReader(payload).all<{
    id: string
    name: string
    kind: UnitKind
    parent: string | null
    active: number | null
  }>(sql`SELECT id, name, kind, parent_id AS parent, active FROM units`)
  return rows.map((u) => ({
    id: String(u.id),
    name: u.name,
    kind: u.kind,
    parent: u.parent == null ? null : String(u.parent),
    active: u.active !== 0,
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

/** A side of a rollup-sided indicator in SQL: the stored entered value, or the unit's rollup total (none is 0). */
const sideSql = (
  op: Indicator['numerator'] | null,
  column: 'numerator' | 'denominator',
  alias: string,
) =>
  op?.source === OperandSource.Rollup
    ? sql.raw(`COALESCE(${alias}.total, 0)`)
    : sql.raw(`f.${column}`)

/**
 * The sums of every indicator and year over the group, one statement: one GROUP BY over the facts
 * of the indicators that divide entered elements (the covering index answers it), and for each
 * indicator with a rollup side the facts joined to the units' yearly rollup totals (one GROUP BY
 * over the cells).
 */
async function groupSums(payload: Payload, q: FactQuery): Promise<Map<string, Sums>> {
  const out = new Map<string, Sums>()
  if (!q.indicators.length || !q.years.length) return out
  const list = (values: readonly (string | number)[]) =>
    sql`(${sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    )})`
  const years = list(q.years)
  const unitFilter = q.units
    ? sql` AND f.unit IN (SELECT value FROM json_each(${JSON.stringify(q.units)}))`
    : sql``
  // Shares of two entered elements: a complete fact has a denominator above 0, so the plain sums
  // will do (the weighted columns cost a third of the statement's time at 10,000 units).
  const plain = q.indicators.filter((i) => !hasRollupSide(i) && !i.weight).map((i) => i.code)
  const weighted = q.indicators.filter((i) => !hasRollupSide(i) && i.weight).map((i) => i.code)
  const branches = []
  if (plain.length)
    branches.push(sql`SELECT f.indicator, f.year, total(f.numerator) AS n, total(f.denominator) AS d,
      0 AS w, 0 AS wn, COUNT(*) AS c FROM indicator_facts f
      WHERE f.indicator IN ${list(plain)} AND f.year IN ${years} AND f.complete = 1${unitFilter}
      GROUP BY f.indicator, f.year`)
  if (weighted.length)
    branches.push(sql`SELECT indicator, year, ${SUMS} FROM (SELECT f.indicator, f.year,
      f.numerator AS n, f.denominator AS d, f.weight AS w FROM indicator_facts f
      WHERE f.indicator IN ${list(weighted)} AND f.year IN ${years} AND f.complete = 1${unitFilter})
      GROUP BY indicator, year`)
  for (const ind of q.indicators.filter(hasRollupSide)) {
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
  const measures = rollupMeasures(q.indicators)
  // The units' yearly totals of the measures read from the rollup (all campaigns, all topics).
  const rollup = measures.length
    ? sql`WITH rollup AS (SELECT unit, year, metric, SUM(value) AS total FROM rollup_cells
        WHERE campaign IS NULL AND topic IS NULL AND unit IS NOT NULL AND year IN ${years}
          AND metric IN (SELECT value FROM json_each(${JSON.stringify(measures)}))
        GROUP BY unit, year, metric) `
    : sql``
  const rows = await sqliteReader(payload).all<{
    indicator: string
    year: number
    n: number | null
    d: number | null
    w: number | null
    wn: number | null
    c: number
  }>(sql`${rollup}${sql.join(branches, sql` UNION ALL `)}`)
  for (const r of rows)
    out.set(`${r.indicator}|${Number(r.year)}`, {
      numerator: Number(r.n ?? 0),
      denominator: Number(r.d ?? 0),
      weight: Number(r.w ?? 0),
      weighted: Number(r.wn ?? 0),
      reported: Number(r.c),
    })
  return out
}
