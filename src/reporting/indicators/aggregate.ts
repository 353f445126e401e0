import type { Payload, PayloadRequest, Where } from 'payload'
import { dbOps } from '@/db'
import { OperandSource, type Metric } from '@/vocabulary'
import type { Indicator } from './catalogue'
import type { Fact } from './facts'
import { rollupMeasures, type FactQuery, type Sums, type TreeUnit } from './shapes'
import { groupInYear } from './unitsUnder'

export type { FactQuery, Sums } from './shapes'

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
  for (const r of await dbOps(payload).figures.rollupByUnit(measures, years, units, req))
    add(r.unit, Number(r.year), r.metric, Number(r.total))
  return out
}

/**
 * Each unit's complete facts (the units that reported; with `incomplete`, also those with a side
 * missing, as a unit's own report shows them), with the sides read from the rollup filled in: what the drill-down, the per-unit exports and the sums of rollup-sided indicators read. A
 * rollup side without a cell is a real zero (the rollup counts everything there is).
 */
export async function unitFacts(
  payload: Payload,
  q: FactQuery,
  req?: PayloadRequest,
  options: { incomplete?: boolean } = {},
): Promise<Fact[]> {
  if (!q.indicators.length || !q.years.length) return []
  const where: Where[] = [
    ...(options.incomplete ? [] : [{ complete: { equals: true } }]),
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
        complete: true,
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
      complete: f.complete !== false,
    }
  })
}

/** The complete facts of a query among facts kept aside (a snapshot's). */
export function pickFacts(facts: readonly Fact[], q: FactQuery, incomplete = false): Fact[] {
  const codes = new Set(q.indicators.map((i) => i.code))
  const units = q.units ? new Set(q.units) : null
  return facts.filter(
    (f) =>
      (incomplete || f.complete) &&
      codes.has(f.indicator) &&
      q.years.includes(f.year) &&
      (!units || units.has(f.unit)),
  )
}

/**
 * The sums of every indicator and year over the group, added up by the database (src/db: SQLite's
 * statements, MongoDB's pipeline); with `portable`, the units' facts (`unitFacts`, through the
 * Local API) summed here, which the tests compare them with; with `frozen`, a snapshot's facts
 * summed here.
 */
async function groupSums(
  payload: Payload,
  q: FactQuery,
  req?: PayloadRequest,
  portable = false,
  frozen?: readonly Fact[] | null,
): Promise<Map<string, Sums>> {
  const out = new Map<string, Sums>()
  if (!q.indicators.length || !q.years.length) return out
  if (!portable && !frozen) return dbOps(payload).figures.indicatorSums(q)
  for (const f of frozen ? pickFacts(frozen, q) : await unitFacts(payload, q, req)) {
    const k = key(f.indicator, f.year)
    addFact(out.get(k) ?? out.set(k, empty()).get(k)!, f)
  }
  return out
}

/**
 * The indicators over a group of units (a unit and every unit below it; `units` from unitsUnder),
 * one total per indicator and year, summed by the database whatever the number of units.
 * `portable` takes the adapter-neutral path on SQLite too (the tests compare the two).
 */
export async function indicatorTotals(
  payload: Payload,
  indicators: readonly Indicator[],
  years: readonly number[],
  group: { units: readonly TreeUnit[]; all: boolean },
  options: { req?: PayloadRequest; portable?: boolean; frozen?: readonly Fact[] | null } = {},
): Promise<IndicatorTotal[]> {
  const unitIds = group.all ? null : group.units.map((u) => u.id)
  const sums = await groupSums(
    payload,
    { indicators, years, units: unitIds },
    options.req,
    options.portable,
    options.frozen,
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

/**
 * The totals of `unitId`'s group (null: the province) year by year, each over the tree of its own
 * year: the 2025 restructuring moved communes from districts to the province.
 */
export async function groupTotals(
  payload: Payload,
  indicators: readonly Indicator[],
  years: readonly number[],
  units: readonly TreeUnit[],
  unitId: string | null,
  options: { req?: PayloadRequest; portable?: boolean; frozen?: readonly Fact[] | null } = {},
): Promise<IndicatorTotal[]> {
  if (unitId == null)
    return indicatorTotals(payload, indicators, years, { units, all: true }, options)
  const out: IndicatorTotal[] = []
  for (const year of years) {
    const group = await groupInYear(payload, units, unitId, year, options.req)
    out.push(
      ...(await indicatorTotals(
        payload,
        indicators,
        [year],
        { units: group, all: false },
        options,
      )),
    )
  }
  return out
}
