import type { UnitTree } from './tree'

type UnitCell = { unit: string | null; unitName: string | null; value: number }

/**
 * Cells restated on today's units: each cell of a unit that has since been merged or split passes
 * to its successors (a split by the shares it names), and every unit is named as it is today. The
 * cells' total is unchanged (the shares of a unit sum to 1); cells without a unit stay as they are.
 */
export function restateCells<C extends UnitCell>(cells: readonly C[], tree: UnitTree): C[] {
  const successors = tree.successorMap()
  const nameNow = (id: string, fallback: string | null) => tree.units.get(id)?.name ?? fallback
  return cells.flatMap((c) => {
    if (!c.unit) return [c]
    const to = successors.get(c.unit)
    if (!to) return [{ ...c, unitName: nameNow(c.unit, c.unitName) }]
    return to.map((s) => ({
      ...c,
      unit: s.unit,
      unitName: nameNow(s.unit, s.unit),
      value: c.value * s.share,
    }))
  })
}
