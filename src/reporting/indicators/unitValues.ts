import type { Payload, PayloadRequest } from 'payload'
import type { IndicatorStatus } from '@/vocabulary'
import { addFact, pickFacts, unitFacts, valueOf } from './aggregate'
import { relationId } from '@/lib/relation'
import { loadCatalogue, type Indicator } from './catalogue'
import type { Fact } from './facts'
import { formatIndicator, pathValue, statusOf, targetsFor } from './path'
import type { TreeUnit } from './unitsUnder'

/** One unit's own value of an indicator in a year (the rows behind a group's value). */
export type UnitValue = {
  unit: string
  unitName: string
  unitKind: TreeUnit['kind']
  indicator: string
  year: number
  /** false: the unit should report it and did not (or not both sides). */
  reported: boolean
  numerator: number | null
  denominator: number | null
  weight: number | null
  value: number | null
  display: string
  target: number | null
  status: IndicatorStatus | null
}

/**
 * Every unit of the group that reports `indicators` (their kinds), with its own value for each year,
 * judged on its unit kind's path: what the drill-down, the unit's report and the exports list.
 * With `incomplete`, a unit that entered one side only shows that side (its value stays missing);
 * with `frozen`, a snapshot's facts instead of today's.
 */
export async function unitValues(
  payload: Payload,
  indicators: readonly Indicator[],
  years: readonly number[],
  group: readonly TreeUnit[],
  campaign: string | null,
  req?: PayloadRequest,
  options: { incomplete?: boolean; frozen?: readonly Fact[] | null } = {},
): Promise<UnitValue[]> {
  const q = { indicators, years, units: group.map((u) => u.id) }
  const facts = options.frozen
    ? pickFacts(options.frozen, q, options.incomplete)
    : await unitFacts(payload, q, req, options)
  const byKey = new Map(facts.map((f) => [`${f.indicator}|${f.unit}|${f.year}`, f]))
  const out: UnitValue[] = []
  for (const ind of indicators)
    for (const year of years)
      for (const unit of group) {
        if (!ind.unitKinds.includes(unit.kind)) continue
        const f = byKey.get(`${ind.code}|${unit.id}|${year}`)
        if (!f && !unit.active) continue
        const targets = targetsFor(ind, campaign, unit.kind)
        let value: number | null = null
        if (f?.complete) {
          const s = { numerator: 0, denominator: 0, weight: 0, weighted: 0, reported: 0 }
          addFact(s, f)
          value = valueOf(ind, s)
        }
        out.push({
          unit: unit.id,
          unitName: unit.name,
          unitKind: unit.kind,
          indicator: ind.code,
          year,
          reported: !!f?.complete,
          numerator: f?.numerator ?? null,
          denominator: f?.denominator ?? null,
          weight: f?.weight ?? null,
          value,
          display: formatIndicator(ind, value),
          target: pathValue(targets, year),
          status: statusOf(ind, value, targets, year),
        })
      }
  return out.sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'))
}

/**
 * A unit's own indicators for its yearly report: every indicator its kind reports, with the sides it
 * entered (one alone when the other is missing), its value and its kind's target for the year.
 * `campaign` null: the first plan that sets targets for each indicator. Null when the unit is unknown.
 */
export async function ownIndicators(
  payload: Payload,
  unitId: string,
  year: number,
  req?: PayloadRequest,
): Promise<{ indicators: Indicator[]; rows: UnitValue[] } | null> {
  const [{ indicators }, unit] = await Promise.all([
    loadCatalogue(payload, req),
    payload.findByID({
      collection: 'units',
      id: unitId,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
      select: { name: true, kind: true, parent: true, active: true },
    }),
  ])
  if (!unit) return null
  const own: TreeUnit = {
    id: String(unit.id),
    name: unit.name,
    kind: unit.kind as TreeUnit['kind'],
    parent: relationId(unit.parent),
    // Its own report shows its indicators even once the unit is merged away.
    active: true,
  }
  const mine = indicators.filter((i) => i.unitKinds.includes(own.kind))
  const rows = await unitValues(payload, mine, [year], [own], null, req, { incomplete: true })
  return { indicators: mine, rows }
}
