import type { Payload, PayloadRequest } from 'payload'
import { relationId } from '@/lib/relation'
import { IndicatorKind, OperandSource, type Metric, type UnitKind } from '@/vocabulary'

/** A data element as the form, the validation and the facts read it. */
export type Element = {
  id: string
  code: string
  name: string
  nameEn: string | null
  unitKinds: UnitKind[]
  /** The element this one is part of (never greater than it). */
  partOf: string | null
  survey: boolean
}

export type Operand =
  | { source: typeof OperandSource.Element; element: string }
  | { source: typeof OperandSource.Rollup; measure: Metric }

export type Target = { campaign: string; unitKind: UnitKind | null; year: number; value: number }

/** An indicator with its relations as element ids. */
export type Indicator = {
  id: string
  code: string
  name: string
  nameEn: string | null
  kind: IndicatorKind
  /** × this: 100 for a percentage, the rate's base, 1 for a count. */
  factor: number
  numerator: Operand
  denominator: Operand | null
  weight: string | null
  unitKinds: UnitKind[]
  decimals: number
  higherIsBetter: boolean
  seedRef: string | null
  targets: Target[]
}

type Side = { source?: string | null; element?: unknown; measure?: string | null } | null

const operandOf = (side: Side | undefined): Operand | null => {
  if (side?.source === OperandSource.Rollup)
    return side.measure ? { source: OperandSource.Rollup, measure: side.measure as Metric } : null
  const element = relationId(side?.element)
  return element ? { source: OperandSource.Element, element } : null
}

export const factorOf = (kind: IndicatorKind, factor: number | null | undefined) =>
  kind === IndicatorKind.Percentage ? 100 : kind === IndicatorKind.Rate ? (factor ?? 1000) : 1

/** The stored indicator (depth 0) as the aggregation reads it. */
export function toIndicator(doc: Record<string, unknown>): Indicator {
  const kind = (doc.kind ?? IndicatorKind.Percentage) as IndicatorKind
  return {
    id: String(doc.id),
    code: String(doc.code),
    name: String(doc.name),
    nameEn: (doc.nameEn as string) ?? null,
    kind,
    factor: factorOf(kind, doc.factor as number | null),
    numerator: operandOf(doc.numerator as Side)!,
    denominator: kind === IndicatorKind.Count ? null : operandOf(doc.denominator as Side),
    weight: relationId(doc.weight),
    unitKinds: (doc.unitKinds ?? []) as UnitKind[],
    decimals: Number(doc.decimals ?? 1),
    higherIsBetter: doc.higherIsBetter !== false,
    seedRef: (doc.seedRef as string) ?? null,
    targets: ((doc.targets ?? []) as Record<string, unknown>[]).map((t) => ({
      campaign: String(relationId(t.campaign)),
      unitKind: (t.unitKind as UnitKind) ?? null,
      year: Number(t.year),
      value: Number(t.value),
    })),
  }
}

export function toElement(doc: Record<string, unknown>): Element {
  return {
    id: String(doc.id),
    code: String(doc.code),
    name: String(doc.name),
    nameEn: (doc.nameEn as string) ?? null,
    unitKinds: (doc.unitKinds ?? []) as UnitKind[],
    partOf: relationId(doc.partOf),
    survey: !!doc.survey,
  }
}

export type Catalogue = { indicators: Indicator[]; elements: Element[] }

/**
 * The whole catalogue (a few dozen rows), in its order; read once per request (a form's save reads
 * it in two hooks).
 */
export async function loadCatalogue(payload: Payload, req?: PayloadRequest): Promise<Catalogue> {
  const cached = req?.context?.indicatorCatalogue as Promise<Catalogue> | undefined
  if (cached) return cached
  const loading = readCatalogue(payload, req)
  if (req?.context) req.context.indicatorCatalogue = loading
  return loading
}

/** The catalogue as stored now (no per-request copy): after a change to it. */
export async function readCatalogue(payload: Payload, req?: PayloadRequest): Promise<Catalogue> {
  const common = { depth: 0, limit: 0, pagination: false, overrideAccess: true, req } as const
  const [indicators, elements] = await Promise.all([
    payload.find({ collection: 'indicators', sort: ['sortOrder', 'code'], ...common }),
    payload.find({ collection: 'data-elements', sort: ['sortOrder', 'code'], ...common }),
  ])
  return {
    indicators: indicators.docs
      .map((d) => toIndicator(d as unknown as Record<string, unknown>))
      .filter((i) => i.numerator),
    elements: elements.docs.map((d) => toElement(d as unknown as Record<string, unknown>)),
  }
}

/** The elements a unit kind enters, in the catalogue's order. */
export const elementsOfKind = (elements: readonly Element[], kind: UnitKind) =>
  elements.filter((e) => e.unitKinds.includes(kind))
