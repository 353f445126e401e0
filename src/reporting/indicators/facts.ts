import type { Payload, PayloadRequest } from 'payload'
import { relationId } from '@/lib/relation'
import { OperandSource, type UnitKind } from '@/vocabulary'
import type { Indicator, Operand } from './catalogue'
import { readCatalogue } from './catalogue'
import type { EnteredValue } from './validate'

/**
 * A unit's year seen through one indicator (DHIS2's analytics row): the entered sides, null where
 * missing. A side read from the rollup stays null here and is added when the indicator is computed
 * (the rollup changes without the form). `complete`: every entered side is there, so the unit counts
 * as having reported this indicator.
 */
export type Fact = {
  indicator: string
  unit: string
  year: number
  numerator: number | null
  denominator: number | null
  weight: number | null
  complete: boolean
}

const entered = (op: Operand | null, values: Map<string, number>) =>
  op?.source === OperandSource.Element ? (values.get(op.element) ?? null) : null

/** The facts of one unit's year, from its entered values (only indicators its kind reports). */
export function factsOf(
  indicators: readonly Indicator[],
  unit: string,
  unitKind: UnitKind,
  year: number,
  rows: readonly EnteredValue[],
): Fact[] {
  const values = new Map<string, number>()
  for (const r of rows) if (r.value != null) values.set(String(r.element), r.value)
  const facts: Fact[] = []
  for (const ind of indicators) {
    if (!ind.unitKinds.includes(unitKind)) continue
    const sides = [ind.numerator, ind.denominator].flatMap((op) =>
      op?.source === OperandSource.Element ? [op.element] : [],
    )
    const fact: Fact = {
      indicator: ind.code,
      unit,
      year,
      numerator: entered(ind.numerator, values),
      denominator: entered(ind.denominator, values),
      weight: ind.weight ? (values.get(ind.weight) ?? null) : null,
      complete: false,
    }
    fact.complete =
      sides.every((element) => values.has(element)) &&
      (!ind.weight || fact.weight != null) &&
      // A share of nothing says nothing: a zero denominator does not count as reported.
      (ind.denominator?.source !== OperandSource.Element || (fact.denominator ?? 0) > 0)
    if (fact.numerator != null || fact.denominator != null || fact.weight != null) facts.push(fact)
  }
  return facts
}

/**
 * Replaces a unit's facts for a year (in `req`'s transaction, so a form and its facts change
 * together), through the database adapter: derived rows need no hooks, access or validation.
 */
export async function writeFacts(
  payload: Payload,
  unit: string,
  year: number,
  facts: readonly Fact[],
  req?: PayloadRequest,
) {
  await payload.db.deleteMany({
    collection: 'indicator-facts',
    where: { and: [{ unit: { equals: unit } }, { year: { equals: year } }] },
    req,
  })
  for (const f of facts) await payload.db.create({ collection: 'indicator-facts', data: f, req })
}

type FormDoc = {
  ownerUnit?: unknown
  year?: number
  values?: { element?: unknown; value?: number | null }[] | null
}

export const enteredValues = (doc: FormDoc): EnteredValue[] =>
  (doc.values ?? []).map((v) => ({
    element: String(relationId(v.element)),
    value: v.value ?? null,
  }))

/** Every form's facts again: after the catalogue changes (a handful of indicators, a few hundred forms). */
export async function rebuildAllFacts(payload: Payload, req?: PayloadRequest) {
  const { indicators } = await readCatalogue(payload, req)
  const [forms, units] = await Promise.all([
    payload.find({
      collection: 'indicator-reports',
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
      select: { ownerUnit: true, year: true, values: true },
    }),
    payload.find({
      collection: 'units',
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
      select: { kind: true },
    }),
  ])
  const kinds = new Map(units.docs.map((u) => [String(u.id), u.kind as UnitKind]))
  await payload.db.deleteMany({ collection: 'indicator-facts', where: {}, req })
  for (const form of forms.docs) {
    const unit = relationId(form.ownerUnit)!
    const kind = kinds.get(unit)
    if (!kind) continue
    for (const f of factsOf(indicators, unit, kind, form.year, enteredValues(form as FormDoc)))
      await payload.db.create({ collection: 'indicator-facts', data: f, req })
  }
}
