import type { Payload, PayloadRequest } from 'payload'
import { unitTree } from '@/units/load'
import type { UnitTree } from '@/units/tree'
import { deadlinesOf } from './deadlines'

export type ChainParent = { id: string; name: string }

/**
 * The unit a report passes through before Sở TT&TT, in a year whose deadlines say so
 * (`throughParent`): the unit's parent on the units' deadline day (or its last day, if it ended
 * before), when that parent is itself under another unit (a district under the province, a
 * department over its centres). A unit directly under the top of the tree reports straight to
 * Sở TT&TT. Null when the year has no chain.
 */
export function chainParentIn(tree: UnitTree, unit: string, day: string): ChainParent | null {
  const end = tree.units.get(unit)?.validTo
  const on = end && end < day ? end : day
  const parent = tree.parentOn(unit, on)
  if (!parent || !tree.parentOn(parent, on)) return null
  return { id: parent, name: tree.nameOn(parent, on) }
}

/** The chain of a year: null when its deadlines do not route reports through the parents. */
export async function reportingChain(payload: Payload, year: number, req?: PayloadRequest) {
  const deadlines = await deadlinesOf(payload, year, req)
  if (!deadlines.throughParent) return null
  const tree = await unitTree(payload, req)
  return (unit: string) => chainParentIn(tree, unit, deadlines.units)
}
