import { sql } from '@payloadcms/db-sqlite'
import type { Payload, PayloadRequest, Where } from 'payload'
import { OperandSource, type Metric } from '@/vocabulary'
import type { Indicator } from './catalogue'
import type { Fact } from './facts'
import type { TreeUnit } from './unitsUnder'

/** Σ over the units that reported an indicator in a year. */
export type Sums = {
  numerator: number
  denominator: number
  weight: number
  weighted: number
  reported: number
}

/** An indicator's value for a group of units in a year, with its coverage beside it. */
export type IndicatorTotal = Sums & {
  indicator: string
  year: number
  /** Units that should report it (active units of its kinds in the group). */
  expected: number
  /** reported ÷ expected; null when no unit should. */
  coverage: number | null
  /** null when nothing was reported (missing is not zero). */
  value: number | null
}

type SqlReader = { drizzle: { all: <T>(query: unknown) => Promise<T[]> } }

const empty = (): Sums => ({ numerator: 0, denominator: 0, weight: 0, weighted: 0, reported: 0 })
const key = (indicator: string, year: number) => `${indicator}|${year}`

/** Adds one unit's complete fact to the sums: numerator and denominator separately, never a share. */
export function addFact(s: Sums, f: Pick<Fact, 'numerator' | 'denominator' | 'weight'>) {
  s.numerator += f.numerator ?? 0
  s.denominator += f.denominator ?? 0
  if (f.weight != null && f.denominator) {
    s.weight += f.weight
    s.weighted += (f.weight * (f.numerator ?? 0)) / f.denominator
  }
  s.reported += 1
}

/**
 * The value from the sums: a share is Σ numerators ÷ Σ denominators × factor; a survey estimate
 * (an indicator with a weight) is Σ weight × share ÷ Σ weight; a count is Σ numerators.
 */
export function valueOf(ind: Indicator, s: Sums): number | null {
  if (!s.reported) return null
  if (!ind.denominator) return s.numerator
  if (ind.weight) return s.weight > 0 ? (s.weighted / s.weight) * ind.factor : null
  return s.denominator > 0 ? (s.numerator / s.denominator) * ind.factor : null
}

const hasRollupSide = (ind: Indicator) =>
  ind.numerator.source === OperandSource.Rollup || ind.denominator?.source === OperandSource.Rollup

const rollupMeasures = (indicators: readonly Indicator[]) => [
  ...new Set(
    indicators.flatMap((i) =>
      [i.numerator, i.denominator].flatMap((op) =>
        op?.source === OperandSource.Rollup ? [op.measure] : [],
      ),
    ),
  ),
]

/** The units' yearly rollup totals of `measures` (all campaigns, all topics): unit|year|measure → value. */
async function rollupByUnit(
  payload: Payload,
  measures: readonly Metric[],
  years: readonly number[],
  units: readonly string[] | null,
  req?: PayloadRequest,
): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  if (!measures.length || !years.length) return out
  const add = (unit: unknown, year: number, metric: string, value: number) => {
    const k = `${unit}|${year}|${metric}`
    out.set(k, (out.get(k) ?? 0) + value)
  }
  if (payload.db.name === 'sqlite') {
    const unitFilter = units
      ? sql` AND unit IN (SELECT value FROM json_each(${JSON.stringify(units)}))`
      : sql``
    const rows = await (payload.db as unknown as SqlReader).drizzle.all<{
      unit: string
      year: number
      metric: string
      total: number
    }>(
      sql`SELECT unit, year, metric, SUM(value) AS total FROM rollup_cells
        WHERE campaign IS NULL AND topic IS NULL AND unit IS NOT NULL
          AND year IN (SELECT value FROM json_each(${JSON.stringify(years)}))
          AND metric IN (SELECT value FROM json_each(${JSON.stringify(measures)}))${unitFilter}
        GROUP BY unit, year, metric`,
    )
    for (const r of rows) add(r.unit, Number(r.year), r.metric, Number(r.total))
    return out
  }
  const where: Where[] = [
    { campaign: { exists: false } },
    { topic: { exists: false } },
    { year: { in: years } },
    { metric: { in: measures } },
  ]
  if (units) where.push({ unit: { in: units } })
  const cells = await payload.find({
    collection: 'rollup-cells',
    where: { and: where },
    select: { unit: true, year: true, metric: true, value: true },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  for (const c of cells.docs) if (c.unit) add(c.unit, c.year, c.metric, c.value)
  return out
}

export type FactQuery = {
  indicators: readonly Indicator[]
  years: readonly number[]
  /** The units to read (the group); null: every unit (the province). */
  units: readonly string[] | null
}

/**
 * Each unit's complete facts (the units that reported), with the sides read from the rollup filled
 * in: what the drill-down, the per-unit exports and the sums of rollup-sided indicators read. A
 * rollup side without a cell is a real zero (the rollup counts everything there is).
 */
export async function unitFacts(
  payload: Payload,
  q: FactQuery,
  req?: PayloadRequest,
): Promise<Fact[]> {
  if (!q.indicators.length || !q.years.length) return []
  const where: Where[] = [
    { complete: { equals: true } },
    { indicator: { in: q.indicators.map((i) => i.code) } },
    { year: { in: [...q.years] } },
  ]
  if (q.units) where.push({ unit: { in: [...q.units] } })
  const [found, rollup] = await Promise.all([
    payload.find({
      collection: 'indicator-facts',
      where: { and: where },
      select: {
        indicator: true,
        unit: true,
        year: true,
        numerator: true,
        denominator: true,
        weight: true,
      },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
    }),
    rollupByUnit(payload, rollupMeasures(q.indicators), q.years, q.units, req),
  ])
  const byCode = new Map(q.indicators.map((i) => [i.code, i]))
  return found.docs.map((f) => {
    const ind = byCode.get(f.indicator)!
    const side = (op: Indicator['numerator'] | null, stored: number | null | undefined) =>
      op?.source === OperandSource.Rollup
        ? (rollup.get(`${f.unit}|${f.year}|${op.measure}`) ?? 0)
        : (stored ?? null)
    return {
      indicator: f.indicator,
      unit: String(f.unit),
      year: f.year,
      numerator: side(ind.numerator, f.numerator),
      denominator: side(ind.denominator, f.denominator),
      weight: f.weight ?? null,
      complete: true,
    }
  })
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
 * The sums of every indicator and year over the group. On SQLite one statement: one GROUP BY over
 * the facts of the indicators that divide entered elements (the covering index answers it), and
 * for each indicator with a rollup side the facts joined to the units' yearly rollup totals (one
 * GROUP BY over the cells). Elsewhere, and with `portable`, through `unitFacts` and the Local API.
 */
async function groupSums(
  payload: Payload,
  q: FactQuery,
  req?: PayloadRequest,
  portable = false,
): Promise<Map<string, Sums>> {
  const out = new Map<string, Sums>()
  if (!q.indicators.length || !q.years.length) return out
  if (payload.db.name !== 'sqlite' || portable) {
    for (const f of await unitFacts(payload, q, req)) {
      const k = key(f.indicator, f.year)
      addFact(out.get(k) ?? out.set(k, empty()).get(k)!, f)
    }
    return out
  }
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
  const rows = await (payload.db as unknown as SqlReader).drizzle.all<{
    indicator: string
    year: number
    n: number | null
    d: number | null
    w: number | null
    wn: number | null
    c: number
  }>(sql`${rollup}${sql.join(branches, sql` UNION ALL `)}`)
  for (const r of rows)
    out.set(key(r.indicator, Number(r.year)), {
      numerator: Number(r.n ?? 0),
      denominator: Number(r.d ?? 0),
      weight: Number(r.w ?? 0),
      weighted: Number(r.wn ?? 0),
      reported: Number(r.c),
    })
  return out
}

/**
 * The indicators over a group of units (a unit and every unit below it; `units` from unitsUnder),
 * one total per indicator and year: one statement on SQLite, whatever the number of units.
 * `portable` takes the adapter-neutral path on SQLite too (the tests compare the two).
 */
export async function indicatorTotals(
  payload: Payload,
  indicators: readonly Indicator[],
  years: readonly number[],
  group: { units: readonly TreeUnit[]; all: boolean },
  options: { req?: PayloadRequest; portable?: boolean } = {},
): Promise<IndicatorTotal[]> {
  const unitIds = group.all ? null : group.units.map((u) => u.id)
  const sums = await groupSums(
    payload,
    { indicators, years, units: unitIds },
    options.req,
    options.portable,
  )
  const out: IndicatorTotal[] = []
  for (const ind of indicators) {
    const expected = group.units.filter((u) => u.active && ind.unitKinds.includes(u.kind)).length
    for (const year of years) {
      const s = sums.get(key(ind.code, year)) ?? empty()
      out.push({
        ...s,
        indicator: ind.code,
        year,
        expected,
        coverage: expected ? s.reported / expected : null,
        value: valueOf(ind, s),
      })
    }
  }
  return out
}
