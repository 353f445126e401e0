import { OperandSource, type UnitKind } from '@/vocabulary'
import type { Indicator } from './catalogue'

// Shapes and small rules shared by the indicators' code and the databases' implementations in
// src/db (a leaf module, so neither imports the other through it).

export type TreeUnit = {
  id: string
  name: string
  kind: UnitKind
  parent: string | null
  active: boolean
}

/** Σ over the units that reported an indicator in a year. */
export type Sums = {
  numerator: number
  denominator: number
  weight: number
  weighted: number
  reported: number
}

export type FactQuery = {
  indicators: readonly Indicator[]
  years: readonly number[]
  /** The units to read (the group); null: every unit (the province). */
  units: readonly string[] | null
}

export const hasRollupSide = (ind: Indicator) =>
  ind.numerator.source === OperandSource.Rollup || ind.denominator?.source === OperandSource.Rollup

export const rollupMeasures = (indicators: readonly Indicator[]) => [
  ...new Set(
    indicators.flatMap((i) =>
      [i.numerator, i.denominator].flatMap((op) =>
        op?.source === OperandSource.Rollup ? [op.measure] : [],
      ),
    ),
  ),
]
