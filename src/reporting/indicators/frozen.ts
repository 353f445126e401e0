import type { Payload, PayloadRequest } from 'payload'
import { unitFacts } from './aggregate'
import { loadCatalogue } from './catalogue'
import type { Fact } from './facts'

/** A fact as a snapshot keeps it: [indicator, unit, numerator, denominator, weight, complete]. */
type FrozenFact = [string, string, number | null, number | null, number | null, boolean]

/**
 * Every unit's indicator facts of the year as they stand now, with the sides read from the rollup
 * filled in, for a snapshot to keep (collections/RollupSnapshots.ts): the frozen year's indicators
 * sheet is computed from these, whatever the forms or the rollup say later.
 */
export async function indicatorFactsToFreeze(
  payload: Payload,
  year: number,
  req?: PayloadRequest,
): Promise<FrozenFact[]> {
  const { indicators } = await loadCatalogue(payload, req)
  const facts = await unitFacts(payload, { indicators, years: [year], units: null }, req, {
    incomplete: true,
  })
  return facts.map((f) => [f.indicator, f.unit, f.numerator, f.denominator, f.weight, f.complete])
}

/** The facts a snapshot kept; null for a snapshot taken before it kept them (read live then). */
export function frozenFacts(snapshot: { year: number; indicatorFacts?: unknown }): Fact[] | null {
  if (!Array.isArray(snapshot.indicatorFacts)) return null
  return (snapshot.indicatorFacts as FrozenFact[]).map(
    ([indicator, unit, numerator, denominator, weight, complete]) => ({
      indicator,
      unit,
      year: snapshot.year,
      numerator,
      denominator,
      weight,
      complete,
    }),
  )
}
