import type { Payload, PayloadRequest } from 'payload'
import type { IndicatorStatus } from '@/vocabulary'
import { addFact, unitFacts, valueOf } from './aggregate'
import type { Indicator } from './catalogue'
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
 */
export async function unitValues(
  payload: Payload,
  indicators: readonly Indicator[],
  years: readonly number[],
  group: readonly TreeUnit[],
  campaign: string | null,
  req?: PayloadRequest,
): Promise<UnitValue[]> {
  const facts = await unitFacts(payload, { indicators, years, units: group.map((u) => u.id) }, req)
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
        if (f) {
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
          reported: !!f,
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
